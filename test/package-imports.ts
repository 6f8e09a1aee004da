import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The packages a published package's files import, found the way Node and tsc find them: start at the files its
 * `exports` and `bin` name and follow relative imports through dist, collecting every bare specifier on the way.
 * What the runtime loads and what a consumer's type checker reads are collected apart, since a library compiled
 * into a bundle is a dependency only if the declarations name its types.
 */
export interface PackageImports {
  /** Bare specifiers of the JavaScript reachable from exports and bin (static, dynamic and createRequire). */
  readonly runtime: ReadonlySet<string>;
  /** Bare specifiers of the declarations reachable from the exports' `types`. */
  readonly types: ReadonlySet<string>;
}

interface Manifest {
  readonly exports?: Record<string, { types?: string; require?: string; default?: string }>;
  readonly bin?: Record<string, string>;
}

// The bundles are minified: `import{a as b}from"x"`, `export*from"x"` and `import"./chunk.js"` have no spaces, and a
// statement may follow the block that ends the one before it (`}import{x}from"y"`). The CommonJS bodies and their
// faces load by `require("x")` and `createRequire(import.meta.url)("./x.cjs")` (`import.meta.url` is
// `__argoGenImportMetaUrl` in a body).
const JS_IMPORT =
  /(?:^|[\n;}])\s*(?:import|export)(?:\s|(?=[{*]))[^'"`;()=]*?from\s*["']([^"']+)["']|(?:^|[\n;}])\s*import\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\(\s*(?:import\.meta\.url|__argoGenImportMetaUrl)\s*\)\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/g;
const DTS_IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'";()=]*?from\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\/\/\/\s*<reference\s+types=["']([^"']+)["']/g;

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; Node's built-ins are not packages. */
export function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function walk(
  entries: readonly string[],
  pattern: RegExp,
  resolve: (from: string, spec: string) => string,
): Set<string> {
  const bare = new Set<string>();
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(pattern)) {
      const spec = m.slice(1).find((s) => s !== undefined) as string;
      if (spec.startsWith('.')) queue.push(resolve(file, spec));
      else {
        const name = packageOf(spec);
        if (name) bare.add(name);
      }
    }
  }
  return bare;
}

function resolveDeclaration(from: string, spec: string): string {
  const base = path.resolve(path.dirname(from), spec);
  const candidates = [base.replace(/\.js$/, '.d.ts'), `${base}.d.ts`, path.join(base, 'index.d.ts')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`${from}: cannot resolve the declaration of '${spec}'`);
  return found;
}

export function packageImports(dir: string): PackageImports {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
  const exported = Object.values(manifest.exports ?? {});
  const js = [...exported.flatMap((e) => [e.default, e.require]), ...Object.values(manifest.bin ?? {})]
    .filter((f): f is string => f !== undefined)
    .map((f) => path.join(dir, f));
  const dts = exported
    .map((e) => e.types)
    .filter((f): f is string => f !== undefined)
    .map((f) => path.join(dir, f));
  return {
    runtime: walk(js, JS_IMPORT, (from, spec) => path.resolve(path.dirname(from), spec)),
    types: walk(dts, DTS_IMPORT, resolveDeclaration),
  };
}

import { readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArgoGenError, issue } from '@argo-gen/model';
import type { Plugin } from 'esbuild';
import { importUrl, loadEsbuild } from '../lazy-modules.js';
import { nearestNodeModules } from '../nearest-node-modules.js';
import { type BuildResult, cachedBuild, sha256 } from './compile-cache.js';
import { withinModuleBound } from './module-bound.js';

/**
 * Node 20 cannot run TypeScript. Registering a loader (tsx) costs ~0.2 s and every module then crosses a worker
 * thread, which dominated `argo-gen generate`. Instead, all the modules of a run are compiled at once with esbuild
 * (a batch build, local imports bundled, shared modules split into common chunks so that a template imported by
 * two files stays one object) into a directory under the nearest node_modules/.cache, so that their bare imports
 * (`@argo-gen/dsl`) resolve as they would from the sources. Inline source maps keep stack traces, and therefore the
 * DSL's recorded source locations, on the .ts lines. Builds are cached by the content of every file that went into
 * them (compile-cache.ts): a run over unchanged modules does not start esbuild at all.
 */
const compiled = new Map<string, string>();

const ESBUILD_OPTIONS = {
  bundle: true,
  packages: 'external',
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  metafile: true,
  logLevel: 'silent',
  outExtension: { '.js': '.mjs' },
  // Ignore tsconfig `paths`: package imports must resolve as Node resolves them at run time (one copy of each).
  tsconfigRaw: {},
} as const;

/** What makes a cached build stale besides its inputs: the compiler's version and options. */
function compilerFingerprint(): unknown {
  const require = createRequire(import.meta.url);
  const { version } = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version: string };
  return { esbuild: version, options: ESBUILD_OPTIONS };
}

const isTypeScript = (f: string) => /\.[mc]?tsx?$/.test(f) && !f.endsWith('.d.ts');

export async function compileTypeScript(files: readonly string[]): Promise<void> {
  const entries = [...new Set(files.map((f) => path.resolve(f)))].filter((f) => isTypeScript(f) && !compiled.has(f));
  if (entries.length === 0) return;
  const modules = nearestNodeModules(path.dirname(entries[0] as string));
  if (!modules) {
    throw new ArgoGenError([
      issue(
        'input/no-node-modules',
        '',
        'no node_modules above this module: install @argo-gen/dsl in the project first',
        {
          source: { file: entries[0] as string, line: 0, column: 0 },
        },
      ),
    ]);
  }
  // Stack traces through the inline source maps point at .ts lines: the DSL records them as source locations.
  process.setSourceMapsEnabled(true);
  // The real path: Node imports a module by its real path, and the source map's relative `sources` are resolved from
  // there. Compiled under a symlinked node_modules (pnpm workspaces, a shared cache) they would name a file two
  // directories off, and every error location with them.
  const root = path.join(realpathSync(modules), '.cache', 'argo-gen', 'compiled');
  // ARGO_GEN_COMPILE_CACHE=off compiles every time (for measuring, or to rule the cache out when debugging).
  const reuse = process.env.ARGO_GEN_COMPILE_CACHE !== 'off';
  const { outputs } = await cachedBuild(root, entries, compilerFingerprint(), (outdir) => compile(entries, outdir), {
    reuse,
  });
  for (const [entry, output] of Object.entries(outputs)) compiled.set(entry, output);
}

async function compile(entries: readonly string[], outdir: string): Promise<BuildResult> {
  const { build } = await loadEsbuild();
  const cwd = process.cwd();
  const read: Record<string, string> = {};
  let metafile: { inputs: Record<string, unknown>; outputs: Record<string, { entryPoint?: string }> };
  try {
    const result = await build({
      ...ESBUILD_OPTIONS,
      entryPoints: [...entries],
      outdir,
      outbase: commonDir(entries),
      plugins: [hashWhatIsCompiled(read)],
    });
    metafile = result.metafile;
  } catch (error) {
    throw fromEsbuild(error);
  }
  const outputs: Record<string, string> = {};
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (meta.entryPoint) outputs[path.resolve(cwd, meta.entryPoint)] = path.resolve(cwd, output);
  }
  // Inputs the plugin did not load (a loader it does not handle) are hashed now, the best that can be done for them.
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(metafile.inputs)) {
    const file = path.resolve(cwd, input);
    inputs[file] = read[file] ?? sha256(readFileSync(file));
  }
  return { outputs, inputs };
}

const LOADERS: Readonly<Record<string, 'ts' | 'tsx' | 'js' | 'jsx' | 'json'>> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.json': 'json',
};

/**
 * Loads the local source files for esbuild and records the sha256 of exactly the text it compiles, for the compile
 * cache: hashing after the build could record an edit saved while it ran, with output compiled from the old text.
 */
function hashWhatIsCompiled(read: Record<string, string>): Plugin {
  return {
    name: 'argo-gen-hash-inputs',
    setup(b) {
      b.onLoad({ filter: /\.(?:[mc]?[jt]s|[jt]sx|json)$/ }, async ({ path: file }) => {
        const contents = await readFile(file);
        read[path.resolve(file)] = sha256(contents);
        return { contents, loader: LOADERS[path.extname(file)] ?? 'js' };
      });
    },
  };
}

/**
 * Imports a TypeScript or JavaScript module (compiling it first unless `compileTypeScript` already did), within the
 * run's module time bound (module-bound.ts).
 */
export async function importModule(file: string): Promise<unknown> {
  const absolute = path.resolve(file);
  if (isTypeScript(absolute)) await compileTypeScript([absolute]);
  const url = pathToFileURL(isTypeScript(absolute) ? (compiled.get(absolute) as string) : absolute).href;
  // Only the module's evaluation is bounded, not the compile before it.
  return withinModuleBound(absolute, () => importUrl(url));
}

function commonDir(files: readonly string[]): string {
  let dir = path.dirname(files[0] as string);
  while (!files.every((f) => f.startsWith(`${dir}${path.sep}`))) dir = path.dirname(dir);
  return dir;
}

interface EsbuildMessage {
  text: string;
  location?: { file: string; line: number; column: number } | null;
}

/** esbuild's compile errors (syntax, unresolved local imports) as issues at the .ts line. */
function fromEsbuild(error: unknown): unknown {
  const errors = (error as { errors?: EsbuildMessage[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return error;
  return new ArgoGenError(
    errors.map((e) =>
      issue('input/compile-error', '', `cannot compile: ${e.text}`, {
        source: e.location
          ? { file: e.location.file, line: e.location.line, column: e.location.column + 1 }
          : undefined,
      }),
    ),
  );
}

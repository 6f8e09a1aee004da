import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageOf } from './package-imports.js';
import { REPO_ROOT } from './paths.js';

/**
 * The dependency direction of ../shared/docs/style.md, held by the machine:
 *   cli → {kube, simulate, dsl} → model; simulate → dsl;  steps → dsl → model;  templates/examples → {steps, dsl}.
 * Only cli touches files and `process`; only kube the network; codegen is a build tool nobody imports.
 */
interface Rule {
  /** Import specifiers allowed (exact, or a prefix ending in '/'). Relative imports are always allowed. */
  readonly allow: readonly string[];
  /** Whether the code may use node:fs, node:child_process and the `process` global. */
  readonly io: boolean;
  /** Whether the code may use the network (node:net, node:http(s), fetch). */
  readonly network: boolean;
}

const RULES: Readonly<Record<string, Rule>> = {
  'packages/model/src': { allow: ['ajv', 'ajv-formats', 'ajv/', 'ajv-formats/'], io: false, network: false },
  'packages/codegen/src': {
    allow: ['ts-morph', 'ajv/', 'ajv-formats', 'node:crypto', 'node:fs', 'node:path', 'node:url'],
    io: true,
    network: false,
  },
  // node:module: createRequire loads the yaml library on the rare document the fast emitter does not write.
  'packages/dsl/src': { allow: ['@argo-gen/model', 'zod', 'yaml', 'node:module'], io: false, network: false },
  'packages/steps/src': { allow: ['@argo-gen/dsl', '@argo-gen/model', 'zod/mini'], io: false, network: false },
  // node:http(s): the watch stream (client-node's Watch cannot be aborted before its response headers arrive).
  'packages/kube/src': {
    allow: ['@argo-gen/model', '@kubernetes/client-node', 'node:http', 'node:https'],
    io: false,
    network: true,
  },
  'packages/cli/src': {
    allow: [
      '@argo-gen/model',
      '@argo-gen/dsl',
      '@argo-gen/dsl/internal',
      '@argo-gen/kube',
      '@argo-gen/import',
      '@argo-gen/simulate',
      'commander',
      'yaml',
      'esbuild',
      'picomatch',
      'node:',
    ],
    io: true,
    network: false,
  },
  // YAML in, TypeScript text out: a library with no I/O (the CLI reads and writes the files).
  'packages/import/src': { allow: ['ts-morph'], io: false, network: false },
  // Between dsl and cli: runs a synthesised workflow's scheduling logic; no files, no process, no network.
  'packages/simulate/src': { allow: ['@argo-gen/model', '@argo-gen/dsl'], io: false, network: false },
  templates: { allow: ['@argo-gen/dsl', '@argo-gen/steps'], io: false, network: false },
  examples: { allow: ['@argo-gen/dsl', '@argo-gen/steps'], io: false, network: false },
};

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'";()=]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;
const IO = /\bprocess\.|node:fs|node:child_process/;
const NETWORK = /node:(?:net|http|https|dgram|tls)\b|\bfetch\(/;

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? '').filter(Boolean);
}

function allowed(spec: string, rule: Rule): boolean {
  if (spec.startsWith('.')) return true;
  return rule.allow.some((a) => (a.endsWith('/') || a.endsWith(':') ? spec.startsWith(a) : spec === a));
}

/** Comments may mention anything; only code counts. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('layering', () => {
  for (const [dir, rule] of Object.entries(RULES)) {
    const files = sourceFiles(path.join(REPO_ROOT, dir));
    it(`${dir} imports only what its layer allows`, () => {
      const violations = files.flatMap((f) => {
        const code = stripComments(readFileSync(f, 'utf8'));
        const bad = importsOf(code).filter((s) => !allowed(s, rule));
        const rel = path.relative(REPO_ROOT, f);
        return [
          ...bad.map((s) => `${rel} imports '${s}'`),
          ...(!rule.io && IO.test(code) ? [`${rel} touches files or process`] : []),
          ...(!rule.network && NETWORK.test(code) ? [`${rel} uses the network`] : []),
        ];
      });
      expect(violations).toEqual([]);
    });
  }

  it('nothing imports @argo-gen/codegen or @argo-gen/cli', () => {
    const all = Object.keys(RULES).flatMap((d) => sourceFiles(path.join(REPO_ROOT, d)));
    // Imports only: `argo-gen init` names @argo-gen/cli as a dependency of the repository it writes.
    const offenders = all.filter((f) =>
      importsOf(readFileSync(f, 'utf8')).some((s) => s === '@argo-gen/codegen' || s === '@argo-gen/cli'),
    );
    expect(offenders).toEqual([]);
  });

  it('the checker sees imports in all their forms', () => {
    expect(
      importsOf("import { a } from 'x';\nexport * from './y.js';\nconst m = await import('z');\nimport 'side';"),
    ).toEqual(['x', './y.js', 'z', 'side']);
    expect(allowed('node:fs', RULES['packages/model/src'] as Rule)).toBe(false);
    expect(allowed('ajv/dist/2020.js', RULES['packages/model/src'] as Rule)).toBe(true);
  });

  it('each package declares the workspace packages it imports', () => {
    for (const pkg of readdirSync(path.join(REPO_ROOT, 'packages'))) {
      const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'packages', pkg, 'package.json'), 'utf8')) as {
        dependencies?: Record<string, string>;
      };
      const used = new Set(
        sourceFiles(path.join(REPO_ROOT, 'packages', pkg, 'src'))
          .flatMap((f) => importsOf(readFileSync(f, 'utf8')))
          .filter((s) => s.startsWith('@argo-gen/'))
          .map((s) => packageOf(s) ?? s),
      );
      for (const dep of used) expect(manifest.dependencies?.[dep], `${pkg} uses ${dep}`).toBe('workspace:*');
    }
  });
});

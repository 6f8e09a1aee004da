import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageImports } from './package-imports.js';
import { REPO_ROOT } from './paths.js';

// What a team repository installs: each published package's manifest against what its built files really import.
// Needs `pnpm build` first (the test command builds).
const PUBLISHED = ['model', 'dsl', 'steps', 'kube', 'import', 'simulate', 'cli'];
/** The unscoped package whose only content is the command (packages/argo-gen). */
const COMMAND = 'argo-gen';

interface Manifest {
  readonly name: string;
  readonly version: string;
  readonly private?: boolean;
  readonly license?: string;
  readonly engines?: { readonly node?: string };
  readonly files?: readonly string[];
  readonly exports?: Record<string, { readonly types?: string; readonly default?: string }>;
  readonly bin?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
}

const dirOf = (p: string) => path.join(REPO_ROOT, 'packages', p);
const manifestOf = (p: string) => JSON.parse(readFileSync(path.join(dirOf(p), 'package.json'), 'utf8')) as Manifest;

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return jsFiles(full);
    return /\.c?js$/.test(e.name) ? [full] : [];
  });
}

describe.each(PUBLISHED)('@argo-gen/%s as published', (p) => {
  const dir = dirOf(p);
  const manifest = manifestOf(p);

  it('lists exactly the dependencies its bundles load and its declarations name', () => {
    const { runtime, types } = packageImports(dir);
    const needed = [...new Set([...runtime, ...types])].sort();
    expect(Object.keys(manifest.dependencies ?? {}).sort()).toEqual(needed);
  });

  it('has typed exports, a README, a license, engines and files that exist', () => {
    expect(manifest.private).toBeUndefined();
    expect(manifest.license).toBe('Apache-2.0');
    expect(manifest.engines?.node).toBe(
      JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).engines.node,
    );
    expect(existsSync(path.join(dir, 'README.md'))).toBe(true);
    for (const entry of Object.values(manifest.exports ?? {})) {
      expect(entry.types).toMatch(/\.d\.ts$/);
      expect(existsSync(path.join(dir, entry.types as string))).toBe(true);
      expect(existsSync(path.join(dir, entry.default as string))).toBe(true);
    }
    for (const f of manifest.files ?? []) expect(existsSync(path.join(dir, f))).toBe(true);
    for (const bin of Object.values(manifest.bin ?? {})) {
      expect(readFileSync(path.join(dir, bin), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    }
  });

  it('ships its bundles in ASCII', () => {
    // V8 keeps a source text of one-byte characters at one byte each; a single other character (an ellipsis in a
    // comment) makes the whole text two-byte: the model's 1.4 MB bundle took ~6 ms longer to load on every run.
    for (const js of jsFiles(path.join(dir, 'dist'))) {
      const m = /[\u0080-\uffff]/.exec(readFileSync(js, 'utf8'));
      expect(m ? `${path.basename(js)}: ${JSON.stringify(m.input.slice(m.index - 40, m.index + 10))}` : undefined).toBe(
        undefined,
      );
    }
  });

  it('maps every bundle back to TypeScript that the package ships', () => {
    const shipped = (manifest.files ?? []).map((f) => path.join(dir, f));
    let mapped = 0;
    for (const js of jsFiles(path.join(dir, 'dist'))) {
      // A face of a CommonJS body (scripts/bundle.mjs) is two lines of generated glue, with no code of ours to map.
      if (readFileSync(js, 'utf8').startsWith('// argo-gen facade:')) continue;
      const url = /\n\/\/# sourceMappingURL=(\S+)\n?$/.exec(readFileSync(js, 'utf8'))?.[1];
      expect(url, js).toBe(`${path.basename(js)}.map`);
      const map = JSON.parse(readFileSync(`${js}.map`, 'utf8')) as { sources: string[] };
      const own = map.sources.map((s) => path.resolve(path.dirname(js), s)).filter((s) => !s.includes('node_modules'));
      mapped += own.length;
      for (const source of own) {
        expect(existsSync(source), source).toBe(true);
        expect(
          shipped.some((f) => source.startsWith(`${f}${path.sep}`)),
          source,
        ).toBe(true);
      }
    }
    // A chunk may hold only an inlined library (whose sources are not ours to ship); the package's own code is mapped.
    expect(mapped).toBeGreaterThan(0);
  });
});

describe('the release', () => {
  it('versions the published packages together (one fixed changesets group, one version)', () => {
    const config = JSON.parse(readFileSync(path.join(REPO_ROOT, '.changeset', 'config.json'), 'utf8')) as {
      fixed: string[][];
    };
    const released = [...PUBLISHED, COMMAND];
    const names = released.map((p) => manifestOf(p).name).sort();
    expect(config.fixed.map((g) => [...g].sort())).toEqual([names]);
    expect(new Set(released.map((p) => manifestOf(p).version)).size).toBe(1);
  });
});

describe('argo-gen, the unscoped command package (`npx argo-gen init`)', () => {
  const manifest = manifestOf(COMMAND);
  const cli = manifestOf('cli');

  it("runs @argo-gen/cli's own bin, and depends on nothing else", () => {
    expect(manifest.dependencies).toEqual({ '@argo-gen/cli': 'workspace:*' });
    expect(manifest.bin).toEqual({ 'argo-gen': './bin.js' });
    expect(manifest.files).toEqual(['bin.js']);
    expect(readFileSync(path.join(dirOf(COMMAND), 'bin.js'), 'utf8')).toMatch(
      /^#!\/usr\/bin\/env node\n(?:\/\/.*\n)*import '@argo-gen\/cli\/main';\n$/,
    );
    // The subpath it imports is the CLI's bin, exported.
    expect(cli.exports?.['./main']?.default).toBe(cli.bin?.['argo-gen']);
  });

  it('has a README, a license and the engines of the packages it installs', () => {
    expect(existsSync(path.join(dirOf(COMMAND), 'README.md'))).toBe(true);
    expect(manifest.license).toBe(cli.license);
    expect(manifest.engines).toEqual(cli.engines);
  });
});

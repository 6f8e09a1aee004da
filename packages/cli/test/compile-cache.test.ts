import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/paths.js';
import { type BuildResult, cachedBuild, sha256 } from '../src/load/compile-cache.js';

mkdirSync(path.join(REPO_ROOT, '.cache'), { recursive: true });
const dir = mkdtempSync(path.join(REPO_ROOT, '.cache', 'compile-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A stand-in compiler: copies each entry and its `.dep` file into outdir, counting its calls; `during` runs between
 * reading the inputs and returning, as a user saving a file while esbuild works.
 */
function fakeCompiler(entries: readonly string[], during = () => {}) {
  let calls = 0;
  const build = async (outdir: string): Promise<BuildResult> => {
    calls++;
    mkdirSync(outdir, { recursive: true });
    const outputs: Record<string, string> = {};
    const inputs: Record<string, string> = {};
    for (const e of entries) {
      const [text, dep] = [readFileSync(e, 'utf8'), readFileSync(`${e}.dep`, 'utf8')];
      inputs[e] = sha256(text);
      inputs[`${e}.dep`] = sha256(dep);
      const out = path.join(outdir, `${path.basename(e)}.mjs`);
      writeFileSync(out, text + dep);
      outputs[e] = out;
    }
    during();
    return { outputs, inputs };
  };
  return { build, calls: () => calls };
}

describe('compile cache', () => {
  const root = path.join(dir, 'cache');
  const entry = path.join(dir, 'a.ts');
  writeFileSync(entry, 'export const a = 1;\n');
  writeFileSync(`${entry}.dep`, '// dep 1\n');

  it('compiles once, then serves the same build while no input changes', async () => {
    const c = fakeCompiler([entry]);
    const first = await cachedBuild(root, [entry], { v: 1 }, c.build);
    const second = await cachedBuild(root, [entry], { v: 1 }, c.build);
    expect(c.calls()).toBe(1);
    expect(second.outputs).toEqual(first.outputs);
    expect(readFileSync(first.outputs[entry] as string, 'utf8')).toBe('export const a = 1;\n// dep 1\n');
  });

  it('compiles again when any input (an imported file too) changes, or the compiler options do', async () => {
    const c = fakeCompiler([entry]);
    await cachedBuild(root, [entry], { v: 1 }, c.build);
    writeFileSync(`${entry}.dep`, '// dep 2\n');
    const changed = await cachedBuild(root, [entry], { v: 1 }, c.build);
    expect(c.calls()).toBe(1);
    expect(readFileSync(changed.outputs[entry] as string, 'utf8')).toBe('export const a = 1;\n// dep 2\n');
    await cachedBuild(root, [entry], { v: 2 }, c.build);
    expect(c.calls()).toBe(2);
  });

  it('compiles again when the build it names is gone or its entry is unreadable', async () => {
    const c = fakeCompiler([entry]);
    const built = await cachedBuild(root, [entry], { v: 3 }, c.build);
    rmSync(path.dirname(built.outputs[entry] as string), { recursive: true });
    await cachedBuild(root, [entry], { v: 3 }, c.build);
    expect(c.calls()).toBe(2);
    for (const f of readdirSync(root)) if (f.endsWith('.json')) writeFileSync(path.join(root, f), '{ not json');
    await cachedBuild(root, [entry], { v: 3 }, c.build);
    expect(c.calls()).toBe(3);
  });

  it('compiles every time with reuse off, and the next run reuses that build', async () => {
    const c = fakeCompiler([entry]);
    await cachedBuild(root, [entry], { v: 5 }, c.build);
    await cachedBuild(root, [entry], { v: 5 }, c.build, { reuse: false });
    expect(c.calls()).toBe(2);
    await cachedBuild(root, [entry], { v: 5 }, c.build);
    expect(c.calls()).toBe(2);
  });

  it('prunes entries unused for a week (and their builds) after a compile, at most once an hour', async () => {
    const pruneRoot = path.join(dir, 'prune');
    const c = fakeCompiler([entry]);
    const old = await cachedBuild(pruneRoot, [entry], { v: 6 }, c.build);
    const oldBuild = path.dirname(old.outputs[entry] as string);
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const manifests = () => readdirSync(pruneRoot).filter((f) => f.endsWith('.json'));
    const [oldManifest] = manifests();
    utimesSync(path.join(pruneRoot, oldManifest as string), weekAgo, weekAgo);
    utimesSync(oldBuild, weekAgo, weekAgo);
    // The stamp of the first compile is fresh: no pruning yet.
    await cachedBuild(pruneRoot, [entry], { v: 7 }, c.build);
    expect(existsSync(oldBuild)).toBe(true);
    const hourAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(path.join(pruneRoot, 'pruned'), hourAgo, hourAgo);
    await cachedBuild(pruneRoot, [entry], { v: 8 }, c.build);
    expect(existsSync(oldBuild)).toBe(false);
    expect(manifests()).not.toContain(oldManifest);
    expect(manifests()).toHaveLength(2);
  });

  it('compiles again after a file saved while the build ran (the build compiled the text before it)', async () => {
    const editing = fakeCompiler([entry], () => writeFileSync(`${entry}.dep`, '// saved during the build\n'));
    await cachedBuild(root, [entry], { v: 9 }, editing.build);
    const c = fakeCompiler([entry]);
    const next = await cachedBuild(root, [entry], { v: 9 }, c.build);
    expect(c.calls()).toBe(1);
    expect(readFileSync(next.outputs[entry] as string, 'utf8')).toContain('// saved during the build');
    await cachedBuild(root, [entry], { v: 9 }, c.build);
    expect(c.calls()).toBe(1);
  });

  it('leaves no build behind when compiling fails, and reports the failure', async () => {
    const before = readdirSync(root).length;
    await expect(
      cachedBuild(root, [entry], { v: 4 }, async (outdir) => {
        mkdirSync(outdir);
        throw new Error('syntax error');
      }),
    ).rejects.toThrow('syntax error');
    expect(readdirSync(root).length).toBe(before);
  });
});

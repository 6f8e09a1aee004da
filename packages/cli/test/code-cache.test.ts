import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-cli.js';
import { helloModule, project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

/**
 * The cache of compiled code (src/code-cache.ts), through the built CLI: a run with it must do exactly what a run
 * without it does, whatever the cache holds. Each test keeps its cache in its own scratch project
 * (ARGO_GEN_CODE_CACHE=<dir>), so that runs of other test files never share it.
 */
interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly yaml: string;
}

let dir: string;
beforeAll(() => {
  dir = project({ 'templates/hello.ts': helloModule('hello') });
  // Compile the template and write its YAML once, so that every run below finds the same state (and says so).
  expect(runBuiltCli(['generate', '--out', 'out'], dir, { ARGO_GEN_CODE_CACHE: 'off' }).code).toBe(0);
});

function generate(cache: string): Run {
  const r = runBuiltCli(['generate', '--out', 'out'], dir, { ARGO_GEN_CODE_CACHE: cache });
  return { ...r, yaml: readFileSync(path.join(dir, 'out', 'hello.yaml'), 'utf8') };
}

/** The cache's entries (file name → content), in the one directory per Node version it keeps them in. */
function entries(cache: string): Map<string, Buffer> {
  const [versionDir, ...more] = readdirSync(cache);
  expect(more).toEqual([]);
  expect(versionDir).toBe(`${process.version}-${process.arch}`);
  const at = path.join(cache, versionDir as string);
  return new Map(readdirSync(at).map((f) => [f, readFileSync(path.join(at, f))]));
}

const mtimes = (cache: string) =>
  [...entries(cache).keys()].map((f) => statSync(path.join(cache, `${process.version}-${process.arch}`, f)).mtimeMs);

describe('the cache of compiled code', () => {
  it('writes one entry per body the command loaded, and a run from it does exactly what a run without it does', () => {
    const plain = generate('off');
    expect(plain.code, plain.stderr).toBe(0);
    const cache = path.join(dir, 'cache-a');
    const first = generate(cache);
    // The CLI, the model and the DSL (the template uses no step), each under the command's name.
    const names = [...entries(cache).keys()];
    expect(names).toHaveLength(3);
    for (const n of names) expect(n).toMatch(/^generate-[0-9a-f]{40}\.v8$/);
    const written = mtimes(cache);
    const second = generate(cache);
    for (const run of [first, second]) expect(run).toEqual(plain);
    // Not written again: V8 took the data (a rejected entry is replaced at exit).
    expect(mtimes(cache)).toEqual(written);
  });

  it('keeps the entries of each command apart, and of anything else under one name', () => {
    const cache = path.join(dir, 'cache-b');
    expect(generate(cache).code).toBe(0);
    expect(runBuiltCli(['validate', 'out'], dir, { ARGO_GEN_CODE_CACHE: cache }).code).toBe(0);
    // A word that names no command (a typo) is filed under `other`, not under a name of its own.
    expect(runBuiltCli(['frobnicate'], dir, { ARGO_GEN_CODE_CACHE: cache }).code).toBe(2);
    const names = [...entries(cache).keys()];
    expect(names.filter((n) => n.startsWith('generate-'))).toHaveLength(3);
    expect(names.filter((n) => n.startsWith('validate-')).length).toBeGreaterThan(0);
    expect(names.filter((n) => n.startsWith('other-')).length).toBeGreaterThan(0);
    expect(names.every((n) => /^(generate|validate|other)-/.test(n))).toBe(true);
  });

  it('keeps the entries of runs under other Node flags apart: alternating runs replace none of them', () => {
    const cache = path.join(dir, 'cache-flags');
    const flagged = { ARGO_GEN_CODE_CACHE: cache, NODE_OPTIONS: '--max-old-space-size=300' };
    const run = (env: Record<string, string>) => runBuiltCli(['generate', '--out', 'out'], dir, env);
    expect(run({ ARGO_GEN_CODE_CACHE: cache }).code).toBe(0);
    expect(run(flagged).code).toBe(0);
    const dirs = readdirSync(cache).sort();
    expect(dirs).toEqual([`${process.version}-${process.arch}`, expect.stringMatching(/^v[\d.]+-\w+-[0-9a-f]{12}$/)]);
    const written = dirs.flatMap((d) =>
      readdirSync(path.join(cache, d)).map((f) => statSync(path.join(cache, d, f)).mtimeMs),
    );
    expect(run({ ARGO_GEN_CODE_CACHE: cache }).code).toBe(0);
    expect(run(flagged).code).toBe(0);
    expect(
      dirs.flatMap((d) => readdirSync(path.join(cache, d)).map((f) => statSync(path.join(cache, d, f)).mtimeMs)),
    ).toEqual(written);
  });

  it('runs the same from damaged entries (cut short, a bad block inside, garbage), and replaces them', () => {
    const cache = path.join(dir, 'cache-c');
    const plain = generate('off');
    expect(generate(cache)).toEqual(plain);
    const at = path.join(cache, `${process.version}-${process.arch}`);
    const written = [...entries(cache)];
    expect(written).toHaveLength(3);
    // A copy cut short; 64 bytes inverted in the middle (V8 checks only a header: given this, the process crashed);
    // bytes that are no code cache at all, of the entry's own size.
    const damage = [
      (data: Buffer) => data.subarray(0, 100),
      (data: Buffer) => {
        const copy = Buffer.from(data);
        for (let i = copy.length >> 1; i < (copy.length >> 1) + 64; i++) copy[i] = (copy[i] as number) ^ 0xff;
        return copy;
      },
      (data: Buffer) => Buffer.alloc(data.length, 0x5a),
    ];
    const damaged = written.map(([name, data], i) => {
      const bad = (damage[i] as (data: Buffer) => Buffer)(data);
      writeFileSync(path.join(at, name), bad);
      return [name, bad] as const;
    });
    expect(generate(cache)).toEqual(plain);
    const after = entries(cache);
    for (const [name, bad] of damaged) {
      expect(after.get(name)?.equals(bad), name).toBe(false);
      expect(after.get(name)?.length, name).toBeGreaterThan(100);
    }
    // And the entries written anew serve the next run.
    expect(generate(cache)).toEqual(plain);
  });

  it('removes what a killed run left (a temporary file an hour old), not a temporary file another run is writing', () => {
    const cache = path.join(dir, 'cache-e');
    const at = path.join(cache, `${process.version}-${process.arch}`);
    mkdirSync(at, { recursive: true });
    const left = path.join(at, 'generate-0000.v8.123.tmp');
    const writing = path.join(at, 'generate-1111.v8.456.tmp');
    writeFileSync(left, 'half an entry');
    writeFileSync(writing, 'half an entry');
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    utimesSync(left, twoHoursAgo, twoHoursAgo);
    // A first run in this directory writes entries, and tidies it as it does.
    expect(generate(cache)).toEqual(generate('off'));
    expect(() => statSync(left)).toThrow(/ENOENT/);
    expect(readFileSync(writing, 'utf8')).toBe('half an entry');
  });

  it('runs the same when its directory cannot be made, and says nothing about it', () => {
    const blocked = path.join(dir, 'not-a-directory');
    writeFileSync(blocked, 'a file where the cache would go\n');
    expect(generate(blocked)).toEqual(generate('off'));
    expect(readFileSync(blocked, 'utf8')).toBe('a file where the cache would go\n');
  });

  it("is off for 'off', '0', 'false' and 'no' (any case), which name no directory", () => {
    const plain = generate('off');
    for (const value of ['OFF', '0', 'false', 'No']) {
      expect(generate(value)).toEqual(plain);
      expect(() => statSync(path.join(dir, value))).toThrow(/ENOENT/);
    }
  });

  it('takes a blank setting for unset and trims the others (a stray space names no directory)', () => {
    const plain = generate('off');
    for (const value of [' ', ' off ']) {
      expect(generate(value)).toEqual(plain);
      expect(() => statSync(path.join(dir, value))).toThrow(/ENOENT/);
    }
  });

  it('is not used when source maps are on (stack traces need Node to compile the bundles itself)', () => {
    const cache = path.join(dir, 'cache-d');
    const r = runBuiltCli(['generate', '--out', 'out'], dir, {
      ARGO_GEN_CODE_CACHE: cache,
      NODE_OPTIONS: '--enable-source-maps',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(() => statSync(cache)).toThrow(/ENOENT/);
  });
});

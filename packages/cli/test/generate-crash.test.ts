import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recover } from '../src/generate/transaction.js';
import { runBuiltCli, runCli } from './run-cli.js';
import { helloModule, project, removeProjects, writeFiles } from './scratch-project.js';

afterAll(removeProjects);

/** Three versions of a project: every file differs between versions, and files come and go. */
const VERSIONS = [
  { modules: ['a', 'b', 'c'], tag: '3.10' },
  { modules: ['a', 'b', 'd'], tag: '3.11' },
  { modules: ['a', 'c', 'd', 'e'], tag: '3.12' },
];

function useVersion(dir: string, v: number): void {
  const { modules, tag } = VERSIONS[v] as (typeof VERSIONS)[number];
  rmSync(path.join(dir, 'templates'), { recursive: true, force: true });
  writeFiles(dir, Object.fromEntries(modules.map((m) => [`templates/${m}.ts`, helloModule(m, tag)])));
}

/** Every entry below generated/, dot files and directories included, with file contents. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      const rel = path.relative(path.join(dir, 'generated'), full);
      if (e.isDirectory()) {
        out[`${rel}/`] = '';
        walk(full);
      } else out[rel] = readFileSync(full, 'utf8');
    }
  };
  if (existsSync(path.join(dir, 'generated'))) walk(path.join(dir, 'generated'));
  return out;
}

/** A fixed-seed generator (mulberry32), so the kill points are the same on every run of the test. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NO_STEPS = { step: async () => undefined, stopRequested: () => false };
const argoGen = (dir: string, args: string[], fault?: string) =>
  runBuiltCli(args, dir, fault ? { ARGO_GEN_TEST_FAULT: fault } : {});

// The complete output of each version, from uninterrupted runs: the sets an interrupted run may leave.
const reference: Record<string, string>[] = [];
beforeAll(() => {
  for (const v of VERSIONS.keys()) {
    const dir = project({});
    useVersion(dir, v);
    expect(argoGen(dir, ['generate']).code).toBe(0);
    reference.push(snapshot(dir));
  }
}, 60_000);

function versionOf(dir: string): number {
  const now = snapshot(dir);
  return reference.findIndex((r) => JSON.stringify(r) === JSON.stringify(now));
}

describe('an interrupted generate leaves the old set or the new set', () => {
  it('SIGKILL at seeded steps: the next run sees one whole version, check never passes a mixed set, no leftovers', async () => {
    const dir = project({});
    useVersion(dir, 0);
    expect(argoGen(dir, ['generate']).code).toBe(0);
    const next = random(13);
    let possible = new Set([0]); // the versions the disk may hold once the next run has recovered
    let killed = 0;
    for (let i = 1; i <= 10; i++) {
      const v = i % VERSIONS.length;
      useVersion(dir, v);
      const step = 1 + Math.floor(next() * 24);
      const run = argoGen(dir, ['generate'], `SIGKILL@${step}`);
      possible.add(v);
      if (run.signal === 'SIGKILL') killed++;
      else expect(run, `step ${step}`).toMatchObject({ code: 0 });
      // check never calls a mixed or interrupted state up to date.
      const check = argoGen(dir, ['check']);
      if (check.code === 0) expect(versionOf(dir), `step ${step}`).toBe(v);
      if (existsSync(path.join(dir, 'generated/.argo-gen-staging')))
        expect(check.stdout).toContain('generated holds an interrupted generate run');
      // Every other time the next killed run recovers by itself, and may die during its recovery.
      if (i % 2 === 1) continue;
      // What the next run sees: recovery is the first thing it does to the disk.
      await recover([path.join(dir, 'generated')], NO_STEPS);
      const seen = versionOf(dir);
      expect([...possible], `step ${step}`).toContain(seen);
      possible = new Set([seen]);
    }
    expect(killed).toBeGreaterThanOrEqual(5);
    const last = argoGen(dir, ['generate']);
    expect(last.code).toBe(0);
    expect(versionOf(dir)).toBe(10 % VERSIONS.length); // no staging directory or temporary file survived
    expect(argoGen(dir, ['check']).code).toBe(0);
  }, 240_000);

  it('SIGINT before writing, or before the switch-over, writes nothing and exits 130', () => {
    for (const step of [1, 3, 5]) {
      const dir = project({});
      useVersion(dir, 0);
      argoGen(dir, ['generate']);
      useVersion(dir, 1);
      const r = argoGen(dir, ['generate'], `SIGINT@${step}`);
      expect(r, `step ${step}`).toMatchObject({
        code: 130,
        stdout: '',
        stderr: 'argo-gen: interrupted (SIGINT); nothing was written\n',
      });
      expect(versionOf(dir), `step ${step}`).toBe(0);
    }
  }, 60_000);

  it('SIGINT after the switch-over finishes the run, says so and exits 130', () => {
    const dir = project({});
    useVersion(dir, 0);
    argoGen(dir, ['generate']);
    useVersion(dir, 1);
    // Steps: 1 planned, 2 staging directory, 3-5 the three changed files, 6 the journal, 7 the commit marker.
    const r = argoGen(dir, ['generate', '--security', 'off'], 'SIGINT@7');
    expect(r.code).toBe(130);
    expect(r.stderr).toBe(
      'argo-gen: interrupted (SIGINT) after the switch-over; the new files were written completely\n',
    );
    expect(r.stdout).toContain('deleted generated/c.yaml');
    expect(versionOf(dir)).toBe(1);
  }, 60_000);

  it("leaves a live process's staging directory alone, and rolls back a dead one's", async () => {
    const dir = project({});
    useVersion(dir, 0);
    const staging = (pid: number) =>
      writeFiles(dir, {
        'generated/.argo-gen-staging/owner': String(pid),
        'generated/.argo-gen-staging/new/a.yaml': 'x',
      });
    staging(process.ppid); // alive: the process that started this test
    const busy = await runCli(['generate'], dir);
    expect(busy).toMatchObject({
      code: 1,
      stderr: `generated/.argo-gen-staging: argo-gen generate (pid ${process.ppid}) is writing here; wait for it to finish [generate/busy]\n1 problem(s); nothing was written\n`,
    });
    expect(existsSync(path.join(dir, 'generated/.argo-gen-staging/new/a.yaml'))).toBe(true);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid as number;
    staging(dead);
    const r = await runCli(['generate'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('rolled back an interrupted run in generated');
    expect(versionOf(dir)).toBe(0);
  });
});

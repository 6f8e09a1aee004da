import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DirChanges, interrupted, recover, type Steps, transact } from '../src/generate/transaction.js';

const ROOT = mkdtempSync(path.join(tmpdir(), 'argo-gen-tx-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const OLD = { 'a/x.yaml': 'old x', 'a/gone.yaml': 'old gone', 'b/y.yaml': 'old y' };
const NEW = { 'a/x.yaml': 'new x', 'a/sub/n.yaml': 'new n', 'b/y.yaml': 'new y' };

let counter = 0;
function setUp(): { dir: string; changes: DirChanges[] } {
  const dir = path.join(ROOT, `t${counter++}`);
  for (const [f, content] of Object.entries(OLD)) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), content);
  }
  const changes = [
    {
      dir: path.join(dir, 'a'),
      writes: [
        { relative: 'x.yaml', content: 'new x' },
        { relative: 'sub/n.yaml', content: 'new n' },
      ],
      deletes: ['gone.yaml'],
    },
    { dir: path.join(dir, 'b'), writes: [{ relative: 'y.yaml', content: 'new y' }], deletes: [] },
  ];
  return { dir, changes };
}

/** Every file and directory below `dir`, dot entries included. */
function state(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return out;
}

/**
 * Steps that stop for good at step k: no file-system operation follows, as if the process had been killed there. The
 * returned promise resolves when that step is reached.
 */
function dyingAt(k: number): { steps: Steps; died: Promise<void>; count: () => number } {
  let n = 0;
  let reached: () => void = () => undefined;
  const died = new Promise<void>((r) => {
    reached = r;
  });
  const step = () => {
    n++;
    if (n !== k) return Promise.resolve();
    reached();
    return new Promise<void>(() => undefined);
  };
  return { steps: { step, stopRequested: () => false }, died, count: () => n };
}

const NEVER = Number.MAX_SAFE_INTEGER;

describe('transaction: a crash at any step leaves the old set or the new set, as the next run sees it', () => {
  const total = (() => {
    const { changes } = setUp();
    const probe = dyingAt(NEVER);
    return transact(changes, probe.steps).then(() => probe.count());
  })();

  it('every step of a two-directory run, and a second crash at every step of the recovery', async () => {
    const steps = await total;
    const outcomes = new Set<string>();
    for (let k = 1; k <= steps; k++) {
      for (let j = 1; j <= steps; j++) {
        const { dir, changes } = setUp();
        const dirs = changes.map((c) => c.dir);
        const run = dyingAt(k);
        await Promise.race([transact(changes, run.steps), run.died]);
        // The next run dies during its recovery at step j; the one after recovers fully.
        const first = dyingAt(j);
        await Promise.race([recover(dirs, first.steps), first.died]);
        await recover(dirs, dyingAt(NEVER).steps);
        const after = state(dir);
        const label = `crash at step ${k}, then at recovery step ${j}`;
        expect([canonical(OLD), canonical(NEW)], label).toContain(canonical(after));
        expect(interrupted(dirs), label).toEqual([]);
        outcomes.add(after['a/x.yaml'] as string);
        if (first.count() < j) break; // recovery had fewer steps than j: later j change nothing
      }
    }
    // Both outcomes occur: early crashes roll back, crashes after the commit marker roll forward.
    expect([...outcomes].sort()).toEqual(['new x', 'old x']);
  });

  it('a transaction without changes touches nothing', async () => {
    const { dir } = setUp();
    await transact([{ dir: path.join(dir, 'a'), writes: [], deletes: [] }], dyingAt(NEVER).steps);
    expect(existsSync(path.join(dir, 'a/.argo-gen-staging'))).toBe(false);
  });
});

function canonical(o: Record<string, string>): string {
  return JSON.stringify(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
}

// A/B of this checkout against another (an older commit in its own worktree, built), on the headline figures of
// docs/benchmarks.md: `generate` of the Burger Stack templates, `validate` of the upstream examples, the N=1000
// scale workload as a whole process. Runs alternate (base, ours, base, ours, ...) so that load which drifts during
// the run falls on both alike; each side runs its own checkout's inputs.
//
//   node bench/ab.mjs --base ../perf-base [--runs 7] [--cpu] [generate validate n1000]
//
// --cpu reads user + system CPU time from GNU time instead of wall time: on a shared machine whose load average is
// many times its CPU count, wall time measures the queue more than the code, CPU time much less so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const OURS = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.resolve(OURS, '../shared/argo/v4.1.2/examples');
/**
 * The upstream examples that 00d94e0 could read too: it refused these nine (eight under-indented quoted scalars that
 * go-yaml accepts, and a duplicate key, which both refuse), so its `validate` read 208 files and 216 documents where
 * ours reads 216 and 224. `validate-common` gives both the same 208.
 */
const UNREAD_BY_BASE = new Set([
  'ci-output-artifact.yaml',
  'ci.yaml',
  'influxdb-ci.yaml',
  'k8s-orchestration.yaml',
  'k8s-patch-json-workflow.yaml',
  'nested-workflow.yaml',
  'secrets.yaml',
  'sidecar.yaml',
  'volumes-emptydir.yaml',
]);
const COMMON = readdirSync(EXAMPLES, { recursive: true })
  .filter((f) => /\.ya?ml$/.test(f) && !UNREAD_BY_BASE.has(f))
  .sort()
  .map((f) => path.join(EXAMPLES, f));
/** The bin, in either checkout: dist/main.cjs, or dist/main.js in a checkout from before the bin was CommonJS. */
const CLI = Symbol('the argo-gen bin');
const BIN = 'packages/cli/dist/main.cjs';
const cliIn = (tree) => (existsSync(path.join(tree, BIN)) ? BIN : 'packages/cli/dist/main.js');
const CASES = {
  generate: [CLI, 'generate', 'templates', '--out', '.bench/generated'],
  // Like for like: the same pipeline on both sides (the Burger Stack's templates and step library grew since).
  pipeline: [CLI, 'generate', 'bench/fixtures/deployment-pipeline.ts', '--out', '.bench/generated-pipeline'],
  validate: [CLI, 'validate', EXAMPLES],
  'validate-common': [CLI, 'validate', ...COMMON],
  n1000: ['bench/scale-process.mjs', '1000'],
};
/** Exit 1 is expected of validate: Argo refuses some upstream files too (see docs/benchmarks.md). */
const OK = { validate: [0, 1], 'validate-common': [0, 1] };

const { values, positionals } = parseArgs({
  options: { base: { type: 'string' }, runs: { type: 'string', default: '7' }, cpu: { type: 'boolean' } },
  allowPositionals: true,
});
if (!values.base) {
  process.stderr.write('usage: node bench/ab.mjs --base <checkout> [--runs 7] [--cpu] [generate validate n1000]\n');
  process.exit(2);
}
const trees = { base: path.resolve(values.base), ours: OURS };
const runs = Number(values.runs);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'argo-gen-ab-'));
const timeFile = path.join(tmp, 'time');

/** One run in `cwd`: milliseconds of wall time (spawn to exit) or of CPU time (user + system). */
function once(name, cwd) {
  const start = process.hrtime.bigint();
  const args = CASES[name].map((a) => (a === CLI ? cliIn(cwd) : a));
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, process.execPath, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (!(OK[name] ?? [0]).includes(r.status ?? -1)) throw new Error(`${name} in ${cwd}: exit ${r.status}\n${r.stderr}`);
  const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
  return values.cpu ? (user + system) * 1000 : wall;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const range = (xs, digits) =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

try {
  console.log(`${values.cpu ? 'CPU' : 'wall'} time, ${runs} runs each, alternating; base ${trees.base}`);
  for (const name of positionals.length > 0 ? positionals : Object.keys(CASES)) {
    if (!CASES[name]) throw new Error(`unknown case ${name} (${Object.keys(CASES).join(', ')})`);
    once(name, trees.base); // warm-up each: file cache, compile cache
    once(name, trees.ours);
    const base = [];
    const ours = [];
    for (let i = 0; i < runs; i++) {
      base.push(once(name, trees.base));
      ours.push(once(name, trees.ours));
    }
    const ratios = ours.map((o, i) => o / base[i]);
    console.log(
      `${name.padEnd(15)} base ${range(base, 0)} ms  ours ${range(ours, 0)} ms  ours/base ${range(ratios, 2)}  ` +
        `load ${os.loadavg()[0].toFixed(1)}`,
    );
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

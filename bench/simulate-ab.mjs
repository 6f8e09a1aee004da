// Two builds of @argo-gen/simulate compared in one process, on the very same N=1000 document:
//
//   node --expose-gc bench/simulate-ab.mjs BASE.js NEW.js [--n 1000] [--pairs 40] [--phases]
//
// BASE.js and NEW.js are copies of packages/simulate/dist/index.js (one built from each commit). Both are copied into
// a scratch directory under packages/simulate/node_modules/.cache (ignored by git and by `pnpm pack`, and where their
// package imports resolve as the real bundle's do), imported, warmed, then run alternately (which goes
// first alternates too), each run after a full GC (or, with --phases, after the rest of bench/phases.mjs's iteration:
// build, synth, lint, toYaml and both floors, so that each run meets the heap that issue 16's measure gives it).
// Prints the medians and the median of the paired ratios NEW / BASE. Comparing a build with itself shows the noise
// (0.96–1.02 on this machine); separate processes, one per build, were noisier than the changes being measured.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    n: { type: 'string', default: '1000' },
    pairs: { type: 'string', default: '40' },
    phases: { type: 'boolean', default: false },
  },
});
const n = Number(values.n);
const pairs = Number(values.pairs);
const usage = (problem) => {
  process.stderr.write(
    `simulate-ab: ${problem}\nusage: node --expose-gc bench/simulate-ab.mjs BASE.js NEW.js [--n 1000] [--pairs 40] [--phases]\n`,
  );
  process.exit(2);
};
if (positionals.length !== 2) usage('give the two bundles to compare');
if (typeof globalThis.gc !== 'function') usage('run node with --expose-gc');
if (!Number.isInteger(n) || n < 1) usage(`--n must be a positive integer, not '${values.n}'`);
if (!Number.isInteger(pairs) || pairs < 1) usage(`--pairs must be a positive integer, not '${values.pairs}'`);
const gc = globalThis.gc;
const cache = path.join(path.dirname(fileURLToPath(import.meta.url)), '../packages/simulate/node_modules/.cache');
mkdirSync(cache, { recursive: true });
const scratch = mkdtempSync(path.join(cache, 'simulate-ab-'));
const copies = ['base.js', 'new.js'].map((f) => path.join(scratch, f));

try {
  for (const [i, file] of positionals.entries()) copyFileSync(file, copies[i]);
  const { buildScale, lintDocument, loadYaml, SCALE_LINT, synth, toYaml } = await import('./scale.mjs');
  const [base, next] = await Promise.all(copies.map(async (f) => (await import(f)).simulate));
  const YAML = values.phases ? loadYaml() : undefined;
  const fixed = synth(buildScale(n), { lint: false });

  /** One run of `simulate`, in ms, from the heap state the mode gives it. */
  const run = (simulate) => {
    gc();
    let doc = fixed;
    if (YAML) {
      doc = synth(buildScale(n), { lint: false });
      lintDocument(doc, SCALE_LINT);
      toYaml(doc);
      YAML.stringify(doc);
      JSON.stringify(doc);
    }
    const t = performance.now();
    const result = simulate(doc);
    const ms = performance.now() - t;
    if (result.phase !== 'Succeeded') throw new Error(`simulate: the workflow ended ${result.phase}`);
    return ms;
  };

  for (let i = 0; i < 3; i++) {
    run(base);
    run(next);
  }
  const times = { base: [], next: [] };
  const ratios = [];
  for (let i = 0; i < pairs; i++) {
    // which build runs first alternates, so that neither always meets the other's leftovers
    let baseMs;
    let nextMs;
    if (i % 2 === 0) {
      baseMs = run(base);
      nextMs = run(next);
    } else {
      nextMs = run(next);
      baseMs = run(base);
    }
    times.base.push(baseMs);
    times.next.push(nextMs);
    ratios.push(nextMs / baseMs);
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
  process.stdout.write(
    `base ${median(times.base).toFixed(1)} ms, new ${median(times.next).toFixed(1)} ms, ` +
      `new / base ${median(ratios).toFixed(3)} (median of ${pairs} pairs, N=${n}${values.phases ? ', after the phases' : ''})\n`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

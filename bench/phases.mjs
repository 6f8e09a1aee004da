// In-process phases of the scale workload, in a fresh process per N so that sizes do not share a heap:
//
//   node --expose-gc bench/phases.mjs N RUNS
//
// Iteration 0 is the cold one (what a one-shot process pays: interpreter, no JIT yet); iterations 1..RUNS follow.
// Each iteration times, on the same machine state and in this order: build (DSL values), synth (render + Argo schema,
// no lint), lint (lintDocument on the synthesized document), toYaml, and the floors on the very same document:
// the `yaml` library's stringify (default options) and JSON.stringify, and last `simulate` (@argo-gen/simulate, every
// leaf succeeding) of that document. A full GC runs between iterations.
// Prints one JSON object: { n, bytes, cold: {phase: ms}, runs: {phase: [ms...]} }.
import { buildScale, lintDocument, loadYaml, SCALE_LINT, simulate, synth, toYaml } from './scale.mjs';

const YAML = loadYaml();

const n = Number(process.argv[2]);
const runs = Number(process.argv[3] ?? 5);
const gc = globalThis.gc ?? (() => {});

function iteration() {
  const t = [performance.now()];
  const value = buildScale(n);
  t.push(performance.now());
  const doc = synth(value, { lint: false }); // the lint is timed on its own below
  t.push(performance.now());
  const issues = lintDocument(doc, SCALE_LINT);
  t.push(performance.now());
  const yaml = toYaml(doc);
  t.push(performance.now());
  const floorYaml = YAML.stringify(doc);
  t.push(performance.now());
  JSON.stringify(doc);
  t.push(performance.now());
  const run = simulate(doc);
  t.push(performance.now());
  if (issues.some((i) => i.severity === 'error')) throw new Error(`lint errors: ${issues[0]?.message}`);
  if (run.phase !== 'Succeeded') throw new Error(`simulate: the workflow ended ${run.phase}`);
  const phases = ['build', 'synth', 'lint', 'toYaml', 'yamlStringify', 'jsonStringify', 'simulate'];
  const out = Object.fromEntries(phases.map((p, i) => [p, t[i + 1] - t[i]]));
  out.total = t[4] - t[0];
  return { out, bytes: Buffer.byteLength(yaml), floorBytes: Buffer.byteLength(floorYaml) };
}

gc();
const first = iteration();
const samples = {};
for (let r = 0; r < runs; r++) {
  gc();
  const { out } = iteration();
  for (const [k, v] of Object.entries(out)) {
    samples[k] = [...(samples[k] ?? []), v];
  }
}
process.stdout.write(
  `${JSON.stringify({ n, bytes: first.bytes, yamlStringifyBytes: first.floorBytes, cold: first.out, runs: samples })}\n`,
);

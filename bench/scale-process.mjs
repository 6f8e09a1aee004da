// One cold process of the scale workload, as a user's one-shot script or `argo-gen generate` pays it:
// import the DSL, build N layered tasks, synthesize (schema + lint), emit YAML and write it to /dev/null.
//
//   node bench/scale-process.mjs N [--report]
//
// --report prints the phase timings of this cold run as one JSON line on stderr (build, synth = schema + lint, toYaml,
// write; imports measured from process start).
import { writeFileSync } from 'node:fs';

const t0 = performance.now();
const { buildScale, lintDocument, SCALE_LINT, synth, toYaml } = await import('./scale.mjs');
const t1 = performance.now();
const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) {
  process.stderr.write('usage: node bench/scale-process.mjs N [--report]\n');
  process.exit(2);
}
const value = buildScale(n);
const t2 = performance.now();
const doc = synth(value, { lint: (d) => lintDocument(d, SCALE_LINT) });
const t3 = performance.now();
const yaml = toYaml(doc);
const t4 = performance.now();
writeFileSync('/dev/null', yaml);
const t5 = performance.now();
if (process.argv.includes('--report')) {
  const ms = (x) => Math.round(x * 100) / 100;
  process.stderr.write(
    `${JSON.stringify({
      n,
      startup: ms(t0),
      import: ms(t1 - t0),
      build: ms(t2 - t1),
      synth: ms(t3 - t2),
      toYaml: ms(t4 - t3),
      write: ms(t5 - t4),
      bytes: Buffer.byteLength(yaml),
      maxRssKiB: process.resourceUsage().maxRSS,
    })}\n`,
  );
}

// The differential suite, corpus (c): fast-check-generated DAGs and steps with random failure sets (fixed seed), on
// the real controller and through simulate().
import { expect, it } from 'vitest';
import { generatedCases, SEED } from './simulate-generated.js';
import { runCorpus } from './simulate-suite.js';

/** Bounded so that the corpus adds about two minutes to the cluster stage. */
const COUNT = 80;

it(`simulate() agrees with the controller on ${COUNT} generated workflows (seed ${SEED})`, {
  timeout: 900_000,
}, async () => {
  const r = await runCorpus('generated', generatedCases(COUNT), { concurrency: 80, timeoutMs: 600_000 });
  console.log(r.summary);
  expect(r.unexplained.join('\n')).toBe('');
  expect(r.stale).toEqual([]);
});

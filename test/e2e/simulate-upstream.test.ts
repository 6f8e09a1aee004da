// The differential suite, corpus (b): Argo's own examples whose outcome does not depend on real containers, selected
// by rule (simulate-upstream.ts), on the real controller and through simulate().
import { expect, it } from 'vitest';
import { runCorpus } from './simulate-suite.js';
import { upstreamSelection } from './simulate-upstream.js';

it("simulate() agrees with the controller on Argo's examples", { timeout: 1_800_000 }, async () => {
  const { cases, excluded } = upstreamSelection();
  const r = await runCorpus('upstream', cases, { concurrency: 50, timeoutMs: 1_200_000 });
  const left = [...excluded].map(([why, n]) => `${n} ${why}`).join('; ');
  console.log(`${r.summary}; excluded: ${left}`);
  expect(r.unexplained.join('\n')).toBe('');
  expect(r.stale).toEqual([]);
});

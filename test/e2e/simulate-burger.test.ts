// The differential suite, corpus (a): the Burger Stack strategies, each failure point in turn, on the real
// controller and through simulate(); every difference not argued in simulate-allow.ts fails.
import { expect, it } from 'vitest';
import { burgerCases } from './simulate-burger.js';
import { runCorpus } from './simulate-suite.js';

it('simulate() agrees with the controller on every failure point of the Burger Stack', {
  timeout: 900_000,
}, async () => {
  const r = await runCorpus('burger', burgerCases(), { concurrency: 100, timeoutMs: 600_000 });
  console.log(r.summary);
  expect(r.unexplained.join('\n')).toBe('');
  expect(r.stale).toEqual([]);
});

import { describe, expect, it } from 'vitest';
import type { Comparison } from './compare.js';
import { conformance, formatReport } from './run.js';

const show = (c: Comparison) =>
  `${c.corpus} ${c.file}#${c.index}: ours ${c.ours} [${c.oursErrors.join(' | ')}], oracle ${c.oracle} [${c.oracleError}]`;

// Needs Go: building the oracle is part of the test. Without Go, conformance() throws and the test fails, never skips.
describe("conformance with Argo's own validator (test/oracle, Argo v4.0.5)", () => {
  it('agrees on every document, or the disagreement is allow-listed, and no allow-list entry is stale', async () => {
    const result = await conformance();
    console.log(formatReport(result));
    expect(result.results.find((r) => r.corpus.name === 'upstream')?.comparisons.length).toBeGreaterThan(200);
    expect(result.results.find((r) => r.corpus.name === 'mutations')?.comparisons.length).toBeGreaterThan(200);
    expect(result.unexplained.map(show), 'disagreements not in test/conformance/allow-list.yaml').toEqual([]);
    expect(
      result.stale.map((e) => `${e.corpus} ${e.file}: ${e.reason}`),
      'stale allow-list entries',
    ).toEqual([]);
  });
});

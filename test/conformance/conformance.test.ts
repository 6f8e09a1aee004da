import { describe, expect, it } from 'vitest';
import type { Comparison } from './compare.js';
import { conformance, formatReport } from './run.js';
import { OUR_TARGETS, RELEASES } from './versions.js';

const show = (c: Comparison) =>
  `${c.argoVersion} ${c.corpus} ${c.file}#${c.index}: ours ${c.ours} [${c.oursErrors.join(' | ')}], ` +
  `Argo ${c.oracle} (Go ${c.go}, API server ${c.apiserver ?? 'not asked'}) [${c.oracleError}]`;

// Needs Go and the test cluster's API server (test/conformance/with-apiserver.sh starts one): building the oracles
// and asking the API server are part of the test. Without them conformance() throws and the test fails, never skips.
describe("conformance with Argo's own validator (test/oracle) and the API server with Argo's full CRDs", () => {
  it('agrees on every document, or the disagreement is allow-listed, and no allow-list entry is stale', async () => {
    const result = await conformance();
    console.log(formatReport(result));
    for (const release of RELEASES) {
      const of = (corpus: string) =>
        result.results.find((r) => r.release === release && r.corpus.name === corpus)?.argo.length ?? 0;
      expect(of('upstream'), `${release.release} upstream documents`).toBeGreaterThan(200);
      expect(of('mutations'), `${release.release} mutations`).toBeGreaterThan(200);
    }
    // Every target is compared; an API server with the release's own full CRDs judged every corpus of each 4.x line.
    for (const release of RELEASES) expect(OUR_TARGETS.has(release.argoVersion), release.release).toBe(true);
    const judged = result.results.filter((r) => r.apiServer);
    expect(judged.map((r) => `${r.release.release} ${r.corpus.name}`).sort()).toEqual(
      RELEASES.filter((r) => r.fullCrds)
        .flatMap((r) => ['burger-stack', 'mutations', 'upstream'].map((c) => `${r.release} ${c}`))
        .sort(),
    );
    for (const r of judged)
      expect(
        r.argo.some((a) => a.apiserver !== undefined),
        `${r.release.release} ${r.corpus.name}`,
      ).toBe(true);
    expect(result.unexplained.map(show), 'disagreements not in test/conformance/allow-list.yaml').toEqual([]);
    expect(
      result.stale.map((e) => `${e.corpus} ${e.file}: ${e.reason}`),
      'stale allow-list entries',
    ).toEqual([]);
  });
});

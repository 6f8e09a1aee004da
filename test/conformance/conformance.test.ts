import { describe, expect, it } from 'vitest';
import { N, readmeNumbers } from '../readme-claims.js';
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

    // The README's summary of these figures is this run's, per version and corpus.
    const documents = (corpus: string) =>
      result.results.find((r) => r.release === RELEASES[0] && r.corpus.name === corpus)?.argo.length ?? 0;
    const compared = (version: string) =>
      result.results.filter((r) => r.release.argoVersion === version).flatMap((r) => r.comparisons ?? []);
    const agree = (version: string) => compared(version).filter((c) => c.agree).length;
    const other = (version: string) => compared(version).length - agree(version);
    const argued = (version: string) => compared(version).filter((c) => result.allowed.has(c)).length;
    for (const version of ['4.1', '4.0', '3.7']) expect(argued(version), version).toBe(other(version));
    const by = '\\([^)]*\\)';
    expect(
      readmeNumbers(
        new RegExp(
          `of the ${N} documents of the upstream examples \\(${N}\\), the Burger Stack \\(${N}\\) and generated ` +
            `mutants \\(${N}\\), \`validate\` agrees with Argo 4\\.1 ${by} on ${N}, with Argo 4\\.0 ${by} on ${N} and ` +
            `with Argo 3\\.7 ${by} on ${N}; every other one \\(${N}, ${N} and ${N}\\)`,
        ),
        ['total', 'upstream', 'burger', 'mutants', 'agree41', 'agree40', 'agree37', 'other41', 'other40', 'other37'],
      ),
    ).toEqual({
      total: compared('4.1').length,
      upstream: documents('upstream'),
      burger: documents('burger-stack'),
      mutants: documents('mutations'),
      agree41: agree('4.1'),
      agree40: agree('4.0'),
      agree37: agree('3.7'),
      other41: other('4.1'),
      other40: other('4.0'),
      other37: other('3.7'),
    });
  });
});

// Runs a corpus through the controller and through simulate(), compares them, and counts the agreement.
import { mkdirSync, writeFileSync } from 'node:fs';
import { simulate } from '@argo-gen/simulate';
import { REPO_ROOT } from '../paths.js';
import { ALLOWED, type Allowed, allowedBy } from './simulate-allow.js';
import { type Difference, differences, formatDifferences, simulateOptions } from './simulate-compare.js';
import { type DiffCase, type Observed, runOnController } from './simulate-harness.js';

export interface CorpusResult {
  /** `simulate: agreement X/Y (corpus)`, with the allow-listed cases counted apart. */
  readonly summary: string;
  /** The cases that differ beyond the allow-list, each with its differences. */
  readonly unexplained: readonly string[];
  /** Allow-list entries of this corpus that matched no difference. */
  readonly stale: readonly Allowed[];
}

/** Workflow names are DNS labels: the corpus and the case's index. */
const caseName = (corpus: string, index: number) => `sim-${corpus}-${index}`;

/**
 * Runs `cases` on the controller in batches of `batch` (submitted together, awaited together) in namespace
 * `sim-<corpus>`, then simulates each and compares. The controller's record is also written to
 * `.cache/simulate-diff/<corpus>.json` (gitignored), so a disagreement can be studied without the cluster.
 */
export async function runCorpus(
  corpus: string,
  cases: readonly DiffCase[],
  options: { readonly batch: number; readonly batchTimeoutMs: number },
): Promise<CorpusResult> {
  const names = cases.map((_, i) => caseName(corpus, i));
  const observed: Observed[] = [];
  const dir = `${REPO_ROOT}.cache/simulate-diff`;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < cases.length; i += options.batch) {
    observed.push(
      ...(await runOnController(
        cases.slice(i, i + options.batch),
        names.slice(i, i + options.batch),
        `sim-${corpus}`,
        options.batchTimeoutMs,
      )),
    );
    const record = cases.slice(0, observed.length).map((c, k) => ({ ...c, name: names[k], observed: observed[k] }));
    writeFileSync(`${dir}/${corpus}.json`, `${JSON.stringify(record, null, 1)}\n`);
  }
  return compareCorpus(corpus, cases, names, observed);
}

/** Simulates each case and compares it with the controller's record. */
export function compareCorpus(
  corpus: string,
  cases: readonly DiffCase[],
  names: readonly string[],
  observed: readonly Observed[],
): CorpusResult {
  let agree = 0;
  let allowListed = 0;
  const used = new Set<Allowed>();
  const unexplained: string[] = [];
  cases.forEach((c, i) => {
    const name = names[i] as string;
    let ds: Difference[];
    try {
      ds = differences(simulate(structuredClone(c.workflow), simulateOptions(c, name)), observed[i] as Observed);
    } catch (e) {
      ds = [{ at: 'workflow', simulated: `threw: ${(e as Error).message}`, controller: observed[i]?.phase ?? '' }];
    }
    if (ds.length === 0) {
      agree++;
      return;
    }
    const open = ds.filter((d) => {
      const a = allowedBy(corpus, c.title, d);
      if (a) used.add(a);
      return !a;
    });
    if (open.length === 0) allowListed++;
    else unexplained.push(`${c.title} [${name}]\n${formatDifferences(open)}`);
  });
  const summary =
    `simulate: agreement ${agree}/${cases.length} (${corpus})` +
    (allowListed ? `, ${allowListed} more differ only as allow-listed` : '');
  return { summary, unexplained, stale: ALLOWED.filter((a) => a.corpus === corpus && !used.has(a)) };
}

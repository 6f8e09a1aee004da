// Runs a corpus through the controller and through simulate(), compares them, and counts the agreement.
import { mkdirSync, writeFileSync } from 'node:fs';
import { REPO_ROOT } from '../paths.js';
import { type CorpusResult, compareCorpus } from './simulate-compare.js';
import { type DiffCase, runOnController } from './simulate-harness.js';

/** Workflow names are DNS labels: the corpus and the case's index. */
const caseName = (corpus: string, index: number) => `sim-${corpus}-${index}`;

/**
 * Runs `cases` on the controller, at most `concurrency` at a time (simulate-harness.ts), in namespace `sim-<corpus>`,
 * then simulates each and compares. The controller's record is also written to `.cache/simulate-diff/<corpus>.json`
 * (gitignored), so a disagreement can be studied without the cluster.
 */
export async function runCorpus(
  corpus: string,
  cases: readonly DiffCase[],
  options: { readonly concurrency: number; readonly timeoutMs: number },
): Promise<CorpusResult> {
  const names = cases.map((_, i) => caseName(corpus, i));
  const dir = `${REPO_ROOT}.cache/simulate-diff`;
  mkdirSync(dir, { recursive: true });
  const observed = await runOnController(cases, names, `sim-${corpus}`, options);
  const record = cases.map((c, k) => ({ ...c, name: names[k], observed: observed[k] }));
  writeFileSync(`${dir}/${corpus}.json`, `${JSON.stringify(record, null, 1)}\n`);
  return compareCorpus(corpus, cases, names, observed);
}

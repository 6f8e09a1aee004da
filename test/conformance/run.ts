import path from 'node:path';
import { listYamlFiles } from '../corpus.js';
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js';
import { type AllowEntry, applyAllowList, readAllowList } from './allow-list.js';
import { type Comparison, type Corpus, compare } from './compare.js';
import { generateMutants, mutationSources, writeMutants } from './mutations.js';
import { buildOracle, runOracle } from './oracle.js';
import { runOurs } from './ours.js';

export const MUTATIONS_DIR = path.join(REPO_ROOT, '.cache/conformance/mutations');

/** The three corpora of issue 6; the Burger Stack one is whatever generated/ and examples/ hold now. */
export function corpora(): Corpus[] {
  const glob = (dir: string, deep: boolean) =>
    listYamlFiles(path.join(REPO_ROOT, dir)).filter((f) => deep || path.dirname(f) === path.join(REPO_ROOT, dir));
  const mutants = writeMutants(MUTATIONS_DIR, generateMutants(mutationSources(EXAMPLES_DIR)));
  return [
    { name: 'upstream', root: EXAMPLES_DIR, files: listYamlFiles(EXAMPLES_DIR) },
    { name: 'burger-stack', root: REPO_ROOT, files: [...glob('generated', false), ...glob('examples', true)] },
    { name: 'mutations', root: MUTATIONS_DIR, files: mutants },
  ];
}

export interface CorpusResult {
  readonly corpus: Corpus;
  readonly comparisons: readonly Comparison[];
}

export interface ConformanceResult {
  readonly results: readonly CorpusResult[];
  /** Disagreements the allow-list does not cover. */
  readonly unexplained: readonly Comparison[];
  /** Allow-list entries that match no disagreement any more. */
  readonly stale: readonly AllowEntry[];
  readonly allowed: ReadonlyMap<Comparison, AllowEntry>;
}

export async function conformance(): Promise<ConformanceResult> {
  const bin = buildOracle();
  const results: CorpusResult[] = [];
  for (const corpus of corpora()) {
    const oracle = runOracle(bin, corpus.files, REPO_ROOT);
    const ours = await runOurs(corpus.files, REPO_ROOT);
    results.push({ corpus, comparisons: compare(corpus, REPO_ROOT, ours, oracle) });
  }
  const all = results.flatMap((r) => r.comparisons);
  return {
    results,
    ...applyAllowList(
      readAllowList(),
      all.filter((c) => !c.agree),
    ),
  };
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);

/** The report `pnpm conformance` prints: one line per corpus, rule agreement, then what needs attention. */
export function formatReport(result: ConformanceResult, verbose = false): string {
  const lines: string[] = [];
  let agree = 0;
  let total = 0;
  const rules = { match: 0, mismatch: 0, unmapped: 0 };
  for (const { corpus, comparisons } of result.results) {
    const n = comparisons.filter((c) => c.agree).length;
    const allowed = comparisons.filter((c) => result.allowed.has(c)).length;
    const files = new Set(comparisons.map((c) => c.file)).size;
    const verdicts = (side: 'ours' | 'oracle') =>
      ['valid', 'invalid', 'skipped', 'unparseable']
        .map((v) => `${comparisons.filter((c) => c[side] === v).length} ${v}`)
        .join(', ');
    lines.push(
      `${corpus.name}: ${files} files, ${comparisons.length} documents; oracle ${verdicts('oracle')}; ` +
        `ours ${verdicts('ours')}; agreement: ${n}/${comparisons.length}` +
        (allowed > 0 ? ` (${allowed} disagreement(s) allow-listed)` : ''),
    );
    agree += n;
    total += comparisons.length;
    for (const c of comparisons) if (c.rule) rules[c.rule]++;
  }
  const both = rules.match + rules.mismatch + rules.unmapped;
  lines.push(
    `rules (both invalid): ${rules.match}/${both} same rule (${pct(rules.match, both)}), ` +
      `${rules.mismatch} different, ${rules.unmapped} unmapped code(s)`,
  );
  if (verbose)
    for (const { comparisons } of result.results)
      for (const c of comparisons)
        if (c.rule && c.rule !== 'match')
          lines.push(
            `  rule ${c.rule}: ${c.corpus} ${c.file}#${c.index}: ours ${c.oursErrors.join(' | ')} — Argo ${c.oracleError}`,
          );
  for (const c of result.unexplained)
    lines.push(
      `DISAGREE ${c.corpus} ${c.file}#${c.index} (${c.kind}): ours ${c.ours}, oracle ${c.oracle}` +
        `${c.oursErrors.length > 0 ? ` — ours: ${c.oursErrors.join(' | ')}` : ''}${c.oracleError ? ` — Argo: ${c.oracleError}` : ''}`,
    );
  for (const e of result.stale) lines.push(`STALE allow-list entry: ${e.corpus} ${e.file} (${e.reason})`);
  lines.push(`agreement: ${agree}/${total}`);
  return `${lines.join('\n')}\n`;
}

/** `pnpm conformance`: exit 1 when a disagreement is not allow-listed (or an entry is stale). */
export async function main(argv: readonly string[]): Promise<number> {
  const result = await conformance();
  process.stdout.write(formatReport(result, argv.includes('--verbose')));
  return result.unexplained.length > 0 || result.stale.length > 0 ? 1 : 0;
}

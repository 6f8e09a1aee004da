import path from 'node:path';
import { parseArgs } from 'node:util';
import { listYamlFiles } from '../corpus.js';
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js';
import { type AllowEntry, applyAllowList, readAllowList } from './allow-list.js';
import { type ApiServer, apiServersFromEnv, dryRunCreate } from './apiserver.js';
import { type ArgoVerdict, accepts, type Comparison, type Corpus, combine, compare } from './compare.js';
import { generateMutants, mutationSources, writeMutants } from './mutations.js';
import { buildOracle, runOracle } from './oracle.js';
import { type OurRun, runOurs } from './ours.js';
import { type ArgoRelease, OUR_TARGETS, RELEASES } from './versions.js';

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

/** One corpus judged by one Argo release; `comparisons` only when our validate can target that release. */
export interface CorpusResult {
  readonly release: ArgoRelease;
  readonly corpus: Corpus;
  /** Argo's verdicts: the Go oracle's, combined with those of the API server with this release's full CRDs. */
  readonly argo: readonly ArgoVerdict[];
  readonly apiServer: boolean;
  readonly comparisons?: readonly Comparison[];
}

export interface ConformanceResult {
  readonly results: readonly CorpusResult[];
  /** Disagreements the allow-list does not cover. */
  readonly unexplained: readonly Comparison[];
  /** Allow-list entries that match no disagreement any more. */
  readonly stale: readonly AllowEntry[];
  readonly allowed: ReadonlyMap<Comparison, AllowEntry>;
}

export interface ConformanceOptions {
  /**
   * The API server oracles by the Argo release whose full CRDs each carries; default: the test cluster's
   * (apiServersFromEnv). Unless `goOnly`, every release with `fullCrds` needs one.
   */
  readonly apiServers?: ReadonlyMap<string, ApiServer>;
  /** Go oracle only (quick local runs): disagreements that the API server explains are then reported as such. */
  readonly goOnly?: boolean;
}

/**
 * Every corpus through every release's Go oracle, the API server with that release's full CRDs (4.x) and, where our
 * validate can target the release, `argo-gen validate`. Throws when an oracle cannot run: never a silent skip.
 */
export async function conformance(options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const servers = options.goOnly ? new Map<string, ApiServer>() : (options.apiServers ?? apiServersFromEnv());
  const missing = options.goOnly ? [] : RELEASES.filter((r) => r.fullCrds && !servers.has(r.release));
  if (missing.length > 0)
    throw new Error(
      `no API server oracle with the full CRDs of ${missing.map((r) => r.release).join(', ')}: run through ` +
        'test/conformance/with-apiserver.sh (`pnpm conformance`, `pnpm test:conformance`), which starts the test ' +
        'cluster without the controller and one API server per release, or pass --go-only',
    );
  const sets = corpora();
  const ours = new Map<string, OurRun>();
  const results: CorpusResult[] = [];
  for (const release of RELEASES) {
    const bin = buildOracle(release.release);
    const api = release.fullCrds ? servers.get(release.release) : undefined;
    const withApi = api !== undefined;
    for (const corpus of sets) {
      const go = runOracle(bin, corpus.files, REPO_ROOT, withApi);
      const argo = combine(
        go,
        api
          ? await dryRunCreate(
              api,
              go.map((g) => g.object),
            )
          : [],
      );
      let comparisons: Comparison[] | undefined;
      if (OUR_TARGETS.has(release.argoVersion)) {
        const key = `${release.argoVersion} ${corpus.name}`;
        const run = ours.get(key) ?? (await runOurs(corpus.files, REPO_ROOT, release.argoVersion));
        ours.set(key, run);
        comparisons = compare(corpus, REPO_ROOT, run, argo).map((c) => ({ ...c, argoVersion: release.argoVersion }));
      }
      results.push({ release, corpus, argo, apiServer: withApi, comparisons });
    }
  }
  const all = results.flatMap((r) => r.comparisons ?? []);
  return {
    results,
    ...applyAllowList(
      readAllowList(),
      all.filter((c) => !c.agree),
    ),
  };
}

const count = <T>(xs: readonly T[], p: (x: T) => boolean) => xs.filter(p).length;
const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`);
const VERDICTS = ['valid', 'invalid', 'skipped', 'unparseable'] as const;

/** One corpus under one release: what each oracle said, what we said, and how often we agree with each. */
function corpusLine(r: CorpusResult, allowed: ReadonlyMap<Comparison, AllowEntry>): string {
  const files = new Set(r.argo.map((a) => a.file)).size;
  const goCounts = VERDICTS.map((v) => `${count(r.argo, (a) => a.go === v)} ${v}`).join(', ');
  const asked = r.argo.filter((a) => a.apiserver !== undefined);
  const parts = [`${r.corpus.name}: ${files} files, ${r.argo.length} documents`, `Go oracle ${goCounts}`];
  if (r.apiServer)
    parts.push(
      `API server ${count(asked, (a) => a.apiserver === 'valid')} accepted, ${count(asked, (a) => a.apiserver === 'invalid')} refused`,
    );
  const cs = r.comparisons;
  if (!cs) return `  ${parts.join('; ')}; ours not compared`;
  parts.push(`ours ${VERDICTS.map((v) => `${count(cs, (c) => c.ours === v)} ${v}`).join(', ')}`);
  const withGo = count(cs, (c) => c.go !== 'absent' && accepts(c.ours) === accepts(c.go));
  const sent = cs.filter((c) => c.apiserver !== undefined);
  const withApi = count(sent, (c) => accepts(c.ours) === (c.apiserver === 'valid'));
  const agree = count(cs, (c) => c.agree);
  const nAllowed = count(cs, (c) => allowed.has(c));
  parts.push(
    `agreement with Go ${withGo}/${cs.length}` +
      (r.apiServer ? `, with API server ${withApi}/${sent.length}` : '') +
      `, with Argo (${r.apiServer ? 'both' : 'Go only'}) ${agree}/${cs.length}` +
      (nAllowed > 0 ? ` (${nAllowed} disagreement(s) allow-listed)` : ''),
  );
  return `  ${parts.join('; ')}`;
}

/** The report `pnpm conformance` prints: per release and corpus, rule agreement, then what needs attention. */
export function formatReport(result: ConformanceResult, verbose = false): string {
  const lines: string[] = [];
  const rules = { match: 0, mismatch: 0, unmapped: 0 };
  for (const release of RELEASES) {
    const rs = result.results.filter((r) => r.release === release);
    if (rs.length === 0) continue;
    const how = [
      'Go oracle',
      ...(rs.some((r) => r.apiServer) ? [`API server with the ${release.release} full CRDs`] : []),
      ...(OUR_TARGETS.has(release.argoVersion) ? [] : ['ours not compared (docs/conformance.md, "Versions")']),
    ];
    lines.push(`Argo ${release.argoVersion} (${release.release}; ${how.join('; ')}):`);
    for (const r of rs) {
      lines.push(corpusLine(r, result.allowed));
      for (const c of r.comparisons ?? []) if (c.rule) rules[c.rule]++;
    }
  }
  const both = rules.match + rules.mismatch + rules.unmapped;
  lines.push(
    `rules (both invalid): ${rules.match}/${both} same rule (${pct(rules.match, both)}), ` +
      `${rules.mismatch} different, ${rules.unmapped} unmapped code(s)`,
  );
  const compared = result.results.flatMap((r) => r.comparisons ?? []);
  if (verbose)
    for (const c of compared)
      if (c.rule && c.rule !== 'match')
        lines.push(
          `  rule ${c.rule}: ${c.corpus} ${c.file}#${c.index}: ours ${c.oursErrors.join(' | ')} — Argo ${c.oracleError}`,
        );
  for (const c of result.unexplained)
    lines.push(
      `DISAGREE ${c.argoVersion} ${c.corpus} ${c.file}#${c.index} (${c.kind}): ours ${c.ours}, Argo ${c.oracle}` +
        ` (Go ${c.go}${c.apiserver ? `, API server ${c.apiserver}` : ''})` +
        `${c.oursErrors.length > 0 ? ` — ours: ${c.oursErrors.join(' | ')}` : ''}${c.oracleError ? ` — Argo: ${c.oracleError}` : ''}`,
    );
  for (const e of result.stale) lines.push(`STALE allow-list entry: ${e.corpus} ${e.file} (${e.reason})`);
  lines.push(`agreement: ${count(compared, (c) => c.agree)}/${compared.length}`);
  return `${lines.join('\n')}\n`;
}

/** `pnpm conformance [--verbose] [--go-only]`: exit 1 when a disagreement is not allow-listed (or an entry is stale). */
export async function main(argv: readonly string[]): Promise<number> {
  let flags: { 'go-only': boolean; verbose: boolean };
  try {
    flags = parseArgs({
      args: [...argv],
      strict: true,
      options: { 'go-only': { type: 'boolean', default: false }, verbose: { type: 'boolean', default: false } },
    }).values;
  } catch (error) {
    process.stderr.write(`conformance: ${(error as Error).message}\nusage: pnpm conformance [--verbose] [--go-only]\n`);
    return 2;
  }
  const result = await conformance({ goOnly: flags['go-only'] });
  process.stdout.write(formatReport(result, flags.verbose));
  return result.unexplained.length > 0 || result.stale.length > 0 ? 1 : 0;
}

import path from 'node:path';
import type { ApiVerdict } from './apiserver.js';
import type { OracleVerdict } from './oracle.js';
import type { OurRun, Verdict } from './ours.js';
import { ruleMatch } from './rules.js';

/** A set of YAML files compared as one run (one oracle process, one `validateFiles` call). */
export interface Corpus {
  readonly name: string;
  /** Files are reported relative to this directory (allow-list entries use that form). */
  readonly root: string;
  /** Paths as given to both validators, relative to the repository root or absolute. */
  readonly files: readonly string[];
}

export type Side = Verdict | 'absent';

/**
 * What Argo does with one document: the Go oracle's verdict (decoding + validator), and the API server's when it was
 * asked (Argo kinds that go-yaml reads). `verdict` combines them: Argo takes a document only if both take it.
 */
export interface ArgoVerdict extends OracleVerdict {
  readonly go: OracleVerdict['verdict'];
  readonly apiserver?: ApiVerdict['verdict'];
}

/** Joins the Go oracle's verdicts with the API server's (same order; `undefined` where it was not asked). */
export function combine(go: readonly OracleVerdict[], api: readonly (ApiVerdict | undefined)[]): ArgoVerdict[] {
  return go.map((g, i) => {
    const a = api[i];
    const refused = a?.verdict === 'invalid' && (g.verdict === 'valid' || g.verdict === 'skipped');
    return {
      ...g,
      object: undefined,
      go: g.verdict,
      apiserver: a?.verdict,
      verdict: refused ? 'invalid' : g.verdict,
      error: refused ? `API server: ${a.error}` : g.error,
    };
  });
}

/** Both verdicts on one document (matched by file and index) and whether they agree. */
export interface Comparison {
  /** The target Argo version (`4.1`, …) the two sides judged for. */
  readonly argoVersion?: string;
  readonly corpus: string;
  readonly file: string;
  readonly index: number;
  readonly kind: string;
  readonly ours: Side;
  /** Argo's combined verdict (Go oracle and, when asked, the API server). */
  readonly oracle: Side;
  readonly go: Side;
  readonly apiserver?: ApiVerdict['verdict'];
  /** Accepting (valid or skipped) on both sides, or rejecting (invalid or unparseable) on both. */
  readonly agree: boolean;
  /** Only when both reject: whether one of our error codes is the rule Argo reported. */
  readonly rule?: 'match' | 'mismatch' | 'unmapped';
  readonly oursErrors: readonly string[];
  readonly oracleError: string;
}

export const accepts = (v: Side) => v === 'valid' || v === 'skipped';
const rejects = (v: Side) => v === 'invalid' || v === 'unparseable';

export function compare(corpus: Corpus, cwd: string, ours: OurRun, oracle: readonly ArgoVerdict[]): Comparison[] {
  const key = (file: string, index: number) => `${path.resolve(cwd, file)}#${index}`;
  const oursByKey = new Map(ours.documents.map((d) => [key(d.file, d.index), d]));
  const unparseable = new Map([...ours.unparseable].map(([file, p]) => [path.resolve(cwd, file), p]));
  const seen = new Set<string>();
  const out: Comparison[] = [];
  const rel = (file: string) => path.relative(corpus.root, path.resolve(cwd, file));
  for (const o of oracle) {
    const k = key(o.file, o.index);
    seen.add(k);
    const mine = oursByKey.get(k);
    const problem = unparseable.get(path.resolve(cwd, o.file));
    const side: Side = mine?.verdict ?? (problem ? 'unparseable' : 'absent');
    const errors = mine
      ? mine.errors.map((e) => `${e.code}: ${e.message}`)
      : problem
        ? [`${problem.code}: ${problem.message}`]
        : [];
    const codes = mine ? mine.errors.map((e) => e.code) : problem ? [problem.code] : [];
    const both = rejects(side) && rejects(o.verdict);
    out.push({
      corpus: corpus.name,
      file: rel(o.file),
      index: o.index,
      kind: o.kind || mine?.kind || '',
      ours: side,
      oracle: o.verdict,
      go: o.go,
      apiserver: o.apiserver,
      agree: (accepts(side) && accepts(o.verdict)) || both,
      rule: both ? ruleMatch(codes, o.verdict === 'unparseable' ? `unparseable: ${o.error}` : o.error) : undefined,
      oursErrors: errors,
      oracleError: o.error,
    });
  }
  for (const d of ours.documents) {
    if (seen.has(key(d.file, d.index))) continue;
    out.push({
      corpus: corpus.name,
      file: rel(d.file),
      index: d.index,
      kind: d.kind ?? '',
      ours: d.verdict,
      oracle: 'absent',
      go: 'absent',
      agree: false,
      oursErrors: d.errors.map((e) => `${e.code}: ${e.message}`),
      oracleError: '',
    });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.index - b.index);
}

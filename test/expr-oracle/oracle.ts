import { spawnSync } from 'node:child_process';
import { buildGoTool } from '../go-tools.js';

/** One evaluation for the expression oracle (main.go): a field's text and the values Argo substitutes. */
export interface OracleCase {
  readonly text: string;
  /** Evaluate as a `when` (substitute, then govaluate); otherwise return the substituted text. */
  readonly when: boolean;
  /** Values by their expression, as Argo holds them: strings (`tasks.t.outputs.parameters.p95` → `"250"`). */
  readonly params: Readonly<Record<string, string>>;
}

/** What Argo made of a case: the `when` verdict, the substituted text, or Argo's error. */
export type OracleResult = { readonly when?: boolean; readonly value?: string; readonly error?: string };

/** Builds the oracle (cached outside git) and returns its path; a missing Go fails, never skips. */
export function buildExprOracle(): string {
  return buildGoTool('the expression oracle', 'test/expr-oracle/build.sh');
}

/** Argo's evaluation of every case, in one run of the oracle. */
export function evaluateWithArgo(bin: string, cases: readonly OracleCase[]): OracleResult[] {
  const r = spawnSync(bin, [], { input: JSON.stringify(cases), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`expr-oracle failed (exit ${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as OracleResult[];
  if (results.length !== cases.length) throw new Error(`expr-oracle answered ${results.length} of ${cases.length}`);
  return results;
}

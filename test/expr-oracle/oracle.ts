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

/** A value with its Go type, as the oracle's modes describe it (modes.go `describe`). */
export type Described =
  | { readonly t: 'float' | 'int'; readonly v: string }
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'nil' }
  | { readonly t: 'list'; readonly v: readonly Described[] }
  | { readonly t: 'map'; readonly v: Readonly<Record<string, Described>> }
  | { readonly t: 'other'; readonly v: string };

/** One evaluation by one library as Argo calls it (modes.go). */
export type ModeCase =
  | { readonly mode: 'govaluate'; readonly expr: string; readonly params: Readonly<Record<string, unknown>> | null }
  | { readonly mode: 'when'; readonly expr: string }
  | { readonly mode: 'expr'; readonly expr: string; readonly env: Readonly<Record<string, unknown>> }
  | {
      readonly mode: 'expr-argo' | 'value-from' | 'eval-bool';
      readonly expr: string;
      readonly params: Readonly<Record<string, string>>;
    }
  | {
      readonly mode: 'template';
      readonly text: string;
      readonly params: Readonly<Record<string, string | null>>;
      readonly unresolved: 'keep' | 'error' | 'strict';
      readonly prefixes?: readonly string[];
    }
  | {
      readonly mode: 'depends';
      readonly expr: string;
      readonly results: Readonly<Record<string, Readonly<Record<string, boolean>>>>;
    };

export type ModeResult =
  | { readonly value: Described; readonly error?: undefined }
  | { readonly error: string; readonly stage: string; readonly value?: undefined };

/** Argo's libraries' answers to every case, in one run of the oracle (in UTC, as the controller's image runs). */
export function evaluateModesWithArgo(bin: string, cases: readonly ModeCase[]): ModeResult[] {
  const r = spawnSync(bin, [], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, TZ: 'UTC' },
  });
  if (r.status !== 0) throw new Error(`expr-oracle failed (exit ${r.status}): ${r.stderr}`);
  const results = JSON.parse(r.stdout) as ModeResult[];
  if (results.length !== cases.length) throw new Error(`expr-oracle answered ${results.length} of ${cases.length}`);
  return results;
}

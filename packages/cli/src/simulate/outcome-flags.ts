import path from 'node:path';
import { ArgoGenError, type Issue, issue, quote } from '@argo-gen/model';
import type { Outcome } from '@argo-gen/simulate';
import { readYamlFile } from '../load/yaml-file.js';

/** The outcome flags shared by `simulate` and `graph --simulate`. */
export interface OutcomeFlags {
  readonly fail?: readonly string[];
  readonly error?: readonly string[];
  readonly approve?: readonly string[];
  readonly reject?: readonly string[];
  readonly wait?: readonly string[];
  /** A JSON or YAML file mapping node names to outcomes. */
  readonly outcomes?: string;
}

const FLAG_OUTCOMES = [
  ['fail', 'Failed'],
  ['error', 'Error'],
  ['approve', 'approve'],
  ['reject', 'reject'],
  ['wait', 'wait'],
] as const;

const PHASES = new Set(['Succeeded', 'Failed', 'Error']);
const SUSPEND = new Set(['approve', 'reject', 'wait']);
/** The fields of a leaf outcome object: what each must be, and the check. */
const FIELDS: Readonly<Record<string, readonly [string, (v: unknown) => boolean]>> = {
  phase: ['Succeeded, Failed or Error', (v) => typeof v === 'string' && PHASES.has(v)],
  exitCode: ['an integer', (v) => Number.isInteger(v)],
  message: ['a string', (v) => typeof v === 'string'],
  parameters: ['a mapping of names to strings', (v) => isRecordOf(v, (x) => typeof x === 'string')],
  result: ['a string', (v) => typeof v === 'string'],
  artifacts: ['a mapping of names to true or false', (v) => isRecordOf(v, (x) => typeof x === 'boolean')],
  durationSeconds: ['a number of seconds, 0 or more', (v) => typeof v === 'number' && v >= 0],
};

/**
 * The outcomes the flags give, by node name: the file's first, then each flag's (a flag wins over the file: it is
 * the more specific). One name given two different outcomes on the command line is a usage error.
 */
export function outcomesFrom(flags: OutcomeFlags, cwd: string): Record<string, Outcome> {
  // A Map, not assignment into an object: a name like `__proto__` would otherwise be dropped without a word, where it
  // must reach the name check like any other and be refused as no node's.
  const outcomes = new Map<string, Outcome>(Object.entries(flags.outcomes ? outcomesFile(flags.outcomes, cwd) : {}));
  const given = new Map<string, string>();
  const problems: Issue[] = [];
  for (const [flag, outcome] of FLAG_OUTCOMES) {
    for (const name of flags[flag] ?? []) {
      const earlier = given.get(name);
      if (earlier !== undefined && earlier !== flag)
        problems.push(
          issue('simulate/conflicting-outcomes', '', `--${earlier} and --${flag} both name ${quote(name)}`),
        );
      given.set(name, flag);
      outcomes.set(name, outcome);
    }
  }
  if (problems.length > 0) throw new ArgoGenError(problems);
  return Object.fromEntries(outcomes);
}

/** `{ "web-25-gate": "Failed", "approve-db": "reject", "probe": { "result": "ok" } }`, checked field by field. */
function outcomesFile(file: string, cwd: string): Record<string, Outcome> {
  const docs = readYamlFile(path.resolve(cwd, file), file);
  const at = (line = 0) => ({ source: { file, line, column: line > 0 ? 1 : 0 } });
  const value = docs[0]?.value;
  if (docs.length !== 1 || !isRecordOf(value, () => true))
    throw new ArgoGenError([
      issue('simulate/bad-outcomes-file', '', 'must be one mapping of node names to outcomes', at()),
    ]);
  const doc = docs[0] as NonNullable<(typeof docs)[0]>;
  const problems: Issue[] = [];
  for (const [name, outcome] of Object.entries(value)) {
    const problem = outcomeProblem(outcome);
    if (problem)
      problems.push(
        issue('simulate/bad-outcome', '', `${quote(name)}: ${problem}`, { source: doc.locate(`/${pointer(name)}`) }),
      );
  }
  if (problems.length > 0) throw new ArgoGenError(problems);
  return { ...(value as Record<string, Outcome>) };
}

function outcomeProblem(outcome: unknown): string | undefined {
  if (typeof outcome === 'string')
    return PHASES.has(outcome) || SUSPEND.has(outcome)
      ? undefined
      : `${quote(outcome)} is not an outcome (Succeeded, Failed, Error, approve, reject, wait, or a mapping)`;
  if (!isRecordOf(outcome, () => true)) return 'must be a phase, approve/reject/wait, or a mapping';
  for (const [field, v] of Object.entries(outcome)) {
    const rule = FIELDS[field];
    if (!rule) return `unknown field ${quote(field)} (fields: ${Object.keys(FIELDS).join(', ')})`;
    if (!rule[1](v)) return `${field} must be ${rule[0]} (got ${JSON.stringify(v)})`;
  }
  return undefined;
}

function isRecordOf(v: unknown, each: (x: unknown) => boolean): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(each);
}

/** RFC 6901: a key as one JSON-pointer segment. */
function pointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

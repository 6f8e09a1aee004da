import { ArgoGenError, type Issue, issue } from '@argo-gen/model';
import type * as z from 'zod/mini';

/**
 * One error map for every step and strategy, so messages read the same way: `<field> <problem> (got <value>)`.
 * The schemas are zod/mini's, which loads no locale: every message comes from a schema's own text or from here
 * (`message` answers every issue), never from zod's English one.
 */
type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const ARTICLE: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  array: 'an array',
  object: 'an object',
  record: 'an object',
};

function message(i: RawIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? 'is required' : `must be ${ARTICLE[i.expected] ?? i.expected}`;
    case 'too_small': {
      const min = Number(i.minimum);
      if (i.origin === 'array') return min === 1 ? 'must have at least one item' : `must have at least ${min} items`;
      if (i.origin === 'string') return min === 1 ? 'must not be empty' : `must be at least ${min} characters long`;
      return i.inclusive ? `must be at least ${min}` : `must be greater than ${min}`;
    }
    case 'too_big': {
      const max = Number(i.maximum);
      if (i.origin === 'array') return `must have at most ${max} items`;
      if (i.origin === 'string') return `must be at most ${max} characters long`;
      return i.inclusive ? `must be at most ${max}` : `must be less than ${max}`;
    }
    case 'invalid_value':
      return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return 'is not valid';
  }
}

/** The value as a reader would write it: JSON for data, the `{{…}}` expression for a handle. */
export function shown(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null && 'expression' in value) {
    return `{{${String((value as { expression: unknown }).expression)}}}`;
  }
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `destinations[0]`, `thresholds.p95Ms`: the option as the caller wrote it. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i > 0 ? '.' : ''}${String(p)}`)).join('');
}

function toIssue(subject: string, i: z.core.$ZodIssue): Issue {
  if (i.code === 'unrecognized_keys') {
    const where = i.path.length ? `${fieldOf(i.path)}: ` : '';
    const names = i.keys.map((k) => `'${k}'`).join(', ');
    return issue('steps/bad-option', '', `${where}unknown option${i.keys.length > 1 ? 's' : ''} ${names}`, { subject });
  }
  if (i.path.length === 0 && i.input === undefined) {
    return issue('steps/bad-option', '', 'options are required (got undefined)', { subject });
  }
  const field = i.path.length ? `${fieldOf(i.path)} ` : 'options ';
  return issue('steps/bad-option', '', `${field}${i.message} (got ${shown(i.input)})`, { subject });
}

/**
 * Validates a step's or strategy's options with zod and returns the parsed value (defaults applied). Every problem
 * becomes one issue: `step 'kaniko': destinations must have at least one item (got [])`.
 */
export function parseOptions<S extends z.ZodMiniType>(subject: string, schema: S, input: unknown): z.output<S> {
  // jitless: classic zod compiles each object schema into a function on first use, which costs more than the one or
  // two parses a step's options get in a run (~15 ms of `argo-gen generate`). zod/mini's objects are never compiled,
  // so today this is a safeguard. Per call, not zod's global config, which every copy of zod in the process shares:
  // a user's own zod keeps its settings.
  const result = schema.safeParse(input, { reportInput: true, jitless: true, error: (i) => message(i) });
  if (result.success) return result.data;
  throw new ArgoGenError(result.error.issues.map((i) => toIssue(subject, i)));
}

/** A problem found after parsing (a combination of options that cannot work), in the same format. */
export function optionError(subject: string, text: string): ArgoGenError {
  return new ArgoGenError([issue('steps/bad-option', '', text, { subject })]);
}

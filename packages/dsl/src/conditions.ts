import { isRef, type Ref } from './ref.js';
import { renderInExpression, token } from './tokens.js';

/**
 * `when` conditions. Argo substitutes `{{…}}` and evaluates the result with govaluate, so string operands are quoted
 * and numbers are not: `eq(perf.outputs.parameters.verdict, 'pass')` renders
 * `'{{tasks.perf.outputs.parameters.verdict}}' == 'pass'`.
 */
export class Condition {
  readonly text: string;
  readonly precedence: 0 | 1 | 2 | 3;

  constructor(text: string, precedence: 0 | 1 | 2 | 3) {
    this.text = text;
    this.precedence = precedence;
    Object.freeze(this);
  }

  toString(): string {
    return this.text;
  }
}

export type Operand = string | number | boolean | Ref;

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function operand(value: Operand, numeric: boolean): string {
  if (isRef(value)) return numeric ? String(value) : `'${String(value)}'`;
  if (typeof value === 'string') return quote(value);
  return String(value);
}

function compare(op: string) {
  return (left: Operand, right: Operand): Condition => {
    const numeric = typeof left === 'number' || typeof right === 'number' || op.startsWith('<') || op.startsWith('>');
    return new Condition(`${operand(left, numeric)} ${op} ${operand(right, numeric)}`, 3);
  };
}

const wrap = (c: Condition, min: number) => (c.precedence < min ? `(${c.text})` : c.text);

export const when = Object.freeze({
  eq: compare('=='),
  ne: compare('!='),
  gt: compare('>'),
  ge: compare('>='),
  lt: compare('<'),
  le: compare('<='),
  /** Regular-expression match (govaluate `=~`). */
  matches: (left: Operand, pattern: string) => new Condition(`${operand(left, false)} =~ ${quote(pattern)}`, 3),
  and: (...parts: Condition[]) => new Condition(parts.map((p) => wrap(p, 2)).join(' && '), 1),
  or: (...parts: Condition[]) => new Condition(parts.map((p) => wrap(p, 1)).join(' || '), 0),
  // govaluate's `!` binds tighter than comparisons: `!a == b` is `(!a) == b`, so the operand is always parenthesised.
  not: (part: Condition) => new Condition(`!(${part.text})`, 2),
  /** A boolean-valued handle used as a condition (`{{…}}` that substitutes to true or false). */
  truthy: (ref: Ref) => new Condition(`${String(ref)} == true`, 3),
});

/**
 * An expr-lang expression, rendered as `{{= … }}`. Handles inside it become expression paths:
 * ``expr`${perf.outputs.parameters.p95} < 300` `` renders `{{=tasks.perf.outputs.parameters.p95 < 300}}`.
 */
export function expr(strings: TemplateStringsArray, ...values: (Ref | string | number | boolean)[]): string {
  let text = strings[0] ?? '';
  values.forEach((v, i) => {
    text +=
      (isRef(v) ? v.exprPath : typeof v === 'string' ? renderInExpression(v) : String(v)) + (strings[i + 1] ?? '');
  });
  return token(`=${text}`);
}

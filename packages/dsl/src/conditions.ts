import {
  CONVERT_HINT,
  checkOperand,
  describe,
  inExpr,
  inGovaluate,
  type Operand,
  type Scalar,
  typeError,
  typeOf,
} from './operands.js';
import { isRef, Ref, type ValueType } from './ref.js';
import { token } from './tokens.js';

// Symbol.for, not Symbol(): a template compiled by the CLI may use another copy of this package than the CLI itself.
const CONDITION_BRAND = Symbol.for('argo-gen.Condition');

/**
 * A typed condition, kept in both of Argo's expression languages: `text` for a `when` (substituted, then govaluate:
 * `'{{tasks.t.outputs.parameters.verdict}}' == 'pass'`, a number comparison as an embedded `{{=…}}`), `exprText`
 * for expr-lang (inside `expr```, or a hook's `expression`: `tasks.t.outputs.parameters.verdict == 'pass'`). See
 * operands.ts for how each reads a typed value.
 */
export class Condition {
  declare readonly [CONDITION_BRAND]: true;
  readonly text: string;
  readonly exprText: string;
  readonly precedence: 0 | 1 | 2 | 3;

  constructor(text: string, exprText: string, precedence: 0 | 1 | 2 | 3) {
    this.text = text;
    this.exprText = exprText;
    this.precedence = precedence;
    Object.freeze(this);
  }

  toString(): string {
    return this.text;
  }
}

Object.defineProperty(Condition.prototype, CONDITION_BRAND, { value: true });

export function isCondition(value: unknown): value is Condition {
  return (
    typeof value === 'object' && value !== null && (value as { [CONDITION_BRAND]?: unknown })[CONDITION_BRAND] === true
  );
}

/** The type both sides are read as, or an error naming both when they cannot be compared. */
function comparedType(
  name: string,
  left: Operand | Ref<unknown>,
  right: Operand | Ref<unknown>,
  ordering: boolean,
): ValueType {
  const l = typeOf(left);
  const r = typeOf(right);
  if (ordering) {
    for (const [v, t] of [
      [left, l],
      [right, r],
    ] as const)
      if (t !== undefined && t !== 'number')
        throw typeError(`when.${name}()`, `orders numbers only, got ${describe(v, t)}; ${CONVERT_HINT}`);
    return 'number';
  }
  if (l !== undefined && r !== undefined && l !== r)
    throw typeError(
      `when.${name}()`,
      `cannot compare ${describe(left, l)} with ${describe(right, r)}; ${CONVERT_HINT}`,
    );
  return l ?? r ?? 'string';
}

// Typed: the left operand fixes the type (a handle's declared type, an enum's values) and the right must match it.
// A handle the DSL cannot type (a `withParam` item's field) may stand on the left, compared as what the right is.
type Compare = <T extends Scalar>(left: Operand<T> | Ref<unknown>, right: NoInfer<Operand<T>>) => Condition;
type Order = (left: Operand<number>, right: Operand<number>) => Condition;
/** A string, or a handle of type string or of a type the DSL cannot see; never a number or boolean handle. */
type StringOperand<R> = R extends Ref<infer V> ? (unknown extends V ? R : [V] extends [string] ? R : never) : R;

function compare(name: string, op: string, ordering: boolean): Compare & Order {
  return (left: Operand | Ref<unknown>, right: Operand | Ref<unknown>): Condition => {
    const what = `when.${name}()`;
    checkOperand(what, left);
    checkOperand(what, right);
    const type = comparedType(name, left, right, ordering);
    const exprText = `${inExpr(left, type, what)} ${op} ${inExpr(right, type, what)}`;
    // Numbers are compared by expr-lang even in a `when`: govaluate would read the substituted text itself, and
    // fails on what Argo's asFloat (Go's ParseFloat, like JS Number) reads as a number: `2.5e2`, `NaN`.
    // The `{{=…}}` is substituted by `true`/`false` before govaluate sees the rest.
    if (type === 'number') return new Condition(token(`=${exprText}`), exprText, 3);
    return new Condition(`${inGovaluate(left, type)} ${op} ${inGovaluate(right, type)}`, exprText, 3);
  };
}

const wrap = (text: string, c: Condition, min: number) => (c.precedence < min ? `(${text})` : text);
/** and/or/not take typed conditions only (a string there would be govaluate text in an expr-lang expression). */
function checkParts(what: string, parts: readonly unknown[]): void {
  if (parts.length === 0) throw typeError(what, 'needs at least one condition');
  for (const p of parts)
    if (!isCondition(p))
      throw typeError(what, `takes conditions (when.eq(…), …), got ${JSON.stringify(p) ?? typeof p}`);
}

function join(parts: readonly Condition[], op: string, min: number, precedence: 0 | 1): Condition {
  checkParts(op === '&&' ? 'when.and()' : 'when.or()', parts);
  return new Condition(
    parts.map((p) => wrap(p.text, p, min)).join(` ${op} `),
    parts.map((p) => wrap(p.exprText, p, min)).join(` ${op} `),
    precedence,
  );
}

export const when = Object.freeze({
  /** Equality of two values of one type: strings (and enums, whose values are checked), numbers or booleans. */
  eq: compare('eq', '==', false) as Compare,
  ne: compare('ne', '!=', false) as Compare,
  /** Numeric ordering: both sides numbers (a `param.number()`, an output declared `type: 'number'`, `asNumber(h)`). */
  gt: compare('gt', '>', true) as Order,
  ge: compare('ge', '>=', true) as Order,
  lt: compare('lt', '<', true) as Order,
  le: compare('le', '<=', true) as Order,
  /** Regular-expression match of a string (govaluate `=~`, expr-lang `matches`). */
  matches: <R extends Operand<string> | Ref<unknown>>(left: R & StringOperand<R>, pattern: string): Condition => {
    checkOperand('when.matches()', left);
    checkOperand('when.matches()', pattern);
    const type = typeOf(left);
    if (type !== undefined && type !== 'string')
      throw typeError('when.matches()', `matches strings only, got ${describe(left, type)}`);
    return new Condition(
      `${inGovaluate(left, 'string')} =~ ${inGovaluate(pattern, 'string')}`,
      `${inExpr(left, 'string', 'when.matches()')} matches ${inExpr(pattern, 'string', 'when.matches()')}`,
      3,
    );
  },
  and: (...parts: Condition[]) => join(parts, '&&', 2, 1),
  or: (...parts: Condition[]) => join(parts, '||', 1, 0),
  // govaluate's `!` binds tighter than comparisons: `!a == b` is `(!a) == b`, so the operand is always parenthesised.
  not: (part: Condition): Condition => {
    checkParts('when.not()', [part]);
    return new Condition(`!(${part.text})`, `!(${part.exprText})`, 2);
  },
  /** A boolean handle as a condition (`'{{x}}' == 'true'` in a `when`, `x == 'true'` in expr-lang). */
  truthy: (ref: Ref<boolean>): Condition => {
    const type = isRef(ref) ? ref.valueType : undefined;
    if (!isRef(ref) || (type !== undefined && type !== 'boolean'))
      throw typeError('when.truthy()', `takes a boolean handle, got ${describe(ref, type)}; ${CONVERT_HINT}`);
    return new Condition(`'${String(ref)}' == 'true'`, inExpr(ref, 'boolean', 'when.truthy()'), 3);
  },
});

/**
 * The same handle read as a number: for a value the DSL cannot type (a script's `outputs.result`, a loop item) that
 * the workflow knows to be a number. Expressions then convert it (`asFloat(…)`) and compare it as one.
 */
export function asNumber(ref: Ref<unknown> | Ref<string>): Ref<number> {
  return new Ref<number>(ref.path, 'number');
}

/** The same handle read as a boolean (`"true"`/`"false"`); see asNumber. */
export function asBoolean(ref: Ref<unknown> | Ref<string>): Ref<boolean> {
  return new Ref<boolean>(ref.path, 'boolean');
}

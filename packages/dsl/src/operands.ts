import { ArgoGenError, issue } from '@argo-gen/model';
import { captureSite } from './internal/source.js';
import { isRef, type Ref, type ValueType } from './ref.js';

/**
 * The operands of typed conditions and how each of Argo's two expression languages must read them. Argo passes every
 * parameter and output as a string:
 *  - a `when` is substituted (`{{x}}` becomes the raw value) and then evaluated by govaluate, so a string is quoted
 *    (`'{{x}}' == 'pass'`) and a boolean compared as the text `true` (`'{{x}}' == 'true'`); a number comparison is
 *    an embedded expr-lang `{{=asFloat(x) < 300}}` (see conditions.ts), so a number bare in govaluate is only a
 *    literal;
 *  - a `{{= }}` expression (expr-lang) sees the string itself, so a number is converted with Argo's `asFloat` (a JS
 *    number is a float64) and a boolean compared with `'true'`; `"250" < 300` would be a run-time error and
 *    `"false" == false` always false.
 * A comparison across types cannot mean what its TypeScript promises, so it is refused (`dsl/expression-type`).
 */
export type Scalar = string | number | boolean;

/** A literal or a handle of type T. */
export type Operand<T extends Scalar = Scalar> = T | Ref<T>;

/** The declared type of an operand, undefined for a handle of unknown type. */
export function typeOf(value: Operand | Ref<unknown>): ValueType | undefined {
  if (isRef(value)) return value.valueType;
  const t = typeof value;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : undefined;
}

/**
 * Refuses what is neither a handle nor a literal: in plain JavaScript (or under esbuild) a misspelled output is
 * `undefined`, which would otherwise be written into the expression as the text `undefined`.
 */
export function checkOperand(what: string, value: unknown): void {
  if (isRef(value)) return;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  throw typeError(what, `an operand is ${value === undefined ? 'undefined (a misspelled handle?)' : `a ${t}`}`);
}

/** Describes an operand for a message: `tasks.t.outputs.parameters.p95 (a string)`, `300 (a number)`. */
export function describe(value: Operand | Ref<unknown>, type = typeOf(value)): string {
  const what = isRef(value) ? value.expression : JSON.stringify(value);
  return `${what} (${type === undefined ? 'of unknown type' : `a ${type}`})`;
}

/** The one error of a mistyped expression, at the user's call. */
export function typeError(what: string, message: string): ArgoGenError {
  return new ArgoGenError([issue('dsl/expression-type', '', `${what}: ${message}`, { source: captureSite()() })]);
}

export const CONVERT_HINT =
  "declare the value's type (param.number(), output.path(file, { type: 'number' })) or convert the handle " +
  '(asNumber(h), asBoolean(h))';

function govaluateString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** An operand in a `when` (govaluate after substitution): a string or a boolean, see conditions.ts. */
export function inGovaluate(value: Operand | Ref<unknown>, type: 'string' | 'boolean'): string {
  // A boolean is compared as the text `true`/`false`, quoted like a string: bare, any other value (`True`, ``, `a b`)
  // would be a govaluate error or a variable rather than false, and expr-lang reads booleans the same way.
  if (isRef(value)) return `'${String(value)}'`;
  return govaluateString(type === 'boolean' ? String(value) : (value as string));
}

/** expr-lang single-quoted string literal. */
export function exprString(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** An operand in a `{{= }}` expression (expr-lang over the values as strings), read as `type`. */
export function inExpr(value: Operand | Ref<unknown>, type: ValueType | undefined, what: string): string {
  if (isRef(value)) {
    if (type === 'number') return `asFloat(${value.exprPath})`;
    if (type === 'boolean') return `(${value.exprPath} == 'true')`;
    return value.exprPath;
  }
  if (typeof value === 'string') return exprString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw typeError(what, `${value} is not a number Argo can compare`);
    return String(value);
  }
  return String(value);
}

import { type Condition, isCondition } from './conditions.js';
import { CONVERT_HINT, checkOperand, describe, inExpr, typeError, typeOf } from './operands.js';
import { isRef, type Ref, type ValueType } from './ref.js';
import { renderInExpression, token } from './tokens.js';

export type ExprValue = Ref<unknown> | Condition | string | number | boolean;

/**
 * An expr-lang expression, rendered as `{{= … }}`. Handles become expression paths, read as their declared type
 * (operands.ts): a number handle through Argo's `asFloat`, a boolean one compared with `'true'`, so
 * ``expr`${perf.outputs.parameters.p95} < 300` `` (p95 declared `type: 'number'`) renders
 * `{{=asFloat(tasks.perf.outputs.parameters.p95) < 300}}`. A typed condition (`when.lt(…)`) is rendered in
 * expr-lang. The text between values is expr-lang as written; a handle compared there, directly, with a literal or
 * handle of another type is refused (`dsl/expression-type`): TypeScript cannot see inside the text, so use the
 * typed `when.*` builders for a compile-time check.
 */
export function expr(strings: TemplateStringsArray, ...values: ExprValue[]): string {
  for (const v of values) if (!isCondition(v)) checkOperand('expr``', v);
  checkComparisons(strings, values);
  let text = strings[0] ?? '';
  values.forEach((v, i) => {
    text += rendered(v) + (strings[i + 1] ?? '');
  });
  return token(`=${text}`);
}

function rendered(v: ExprValue): string {
  if (isRef(v)) return inExpr(v, v.valueType, 'expr``');
  if (isCondition(v)) return `(${v.exprText})`;
  if (typeof v === 'string') return renderInExpression(v);
  return inExpr(v, typeof v === 'number' ? 'number' : 'boolean', 'expr``');
}

/** What an interpolated value is in the expression; a string is expression text, of no known type. */
function valueType(v: ExprValue | undefined): ValueType | undefined {
  if (v === undefined || (typeof v === 'string' && !isRef(v))) return undefined;
  if (isCondition(v)) return 'boolean';
  return typeOf(v);
}

const OPERATOR_AFTER = /^\s*(==|!=|<=|>=|<|>)\s*/;
const OPERATOR_BEFORE = /(==|!=|<=|>=|<|>)\s*$/;

/** The type of the literal that `text` starts with (after an operator), if it is one. */
function literalAtStart(text: string): ValueType | undefined {
  if (/^-?(?:\d|\.\d)/.test(text)) return 'number';
  if (/^['"`]/.test(text)) return 'string';
  if (/^(?:true|false)(?![\w.])/.test(text)) return 'boolean';
  return undefined;
}

/** The type of the literal that `text` ends with (before an operator), if it is one. */
function literalAtEnd(text: string): ValueType | undefined {
  if (/(?<![\w.'"\]])-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(text)) return 'number';
  if (/['"`]$/.test(text)) return 'string';
  if (/(?<![\w.])(?:true|false)$/.test(text)) return 'boolean';
  return undefined;
}

/**
 * Refuses `handle op x` and `x op handle` where x, a literal or another value, has another known type: expr-lang
 * would fail (`string < int`) or always answer false (`"false" == false`, `250.0 == "250"`).
 */
function checkComparisons(strings: TemplateStringsArray, values: readonly ExprValue[]): void {
  values.forEach((v, i) => {
    const type = valueType(v);
    if (type === undefined) return;
    const after = strings[i + 1] ?? '';
    const op = OPERATOR_AFTER.exec(after);
    if (op) {
      const rest = after.slice(op[0].length);
      const other = rest === '' && i + 1 < values.length ? valueType(values[i + 1]) : literalAtStart(rest);
      const shown = rest === '' ? values[i + 1] : rest.trim().split(/\s/)[0];
      if (other !== undefined && other !== type) refuse(v, type, op[1] as string, shown, other);
    }
    const before = strings[i] ?? '';
    const opBefore = OPERATOR_BEFORE.exec(before);
    if (opBefore) {
      const head = before.slice(0, opBefore.index).trimEnd();
      // A value on the left was checked from its side; only a literal written in the text is left.
      const other = head === '' ? undefined : literalAtEnd(head);
      if (other !== undefined && other !== type) refuse(v, type, opBefore[1] as string, head.split(/\s/).pop(), other);
    }
  });
}

function refuse(v: ExprValue, type: ValueType, op: string, other: unknown, otherType: ValueType): never {
  const left = isCondition(v) ? `(${v.exprText}) (a boolean)` : describe(v as Ref<unknown>, type);
  const right = isRef(other) ? describe(other, otherType) : `${String(other)} (a ${otherType})`;
  throw typeError('expr``', `cannot compare ${left} ${op} ${right}; ${CONVERT_HINT}`);
}

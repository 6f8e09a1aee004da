/**
 * govaluate (github.com/Knetic/govaluate at the commit Argo v4.1.2 pins), as Argo's controller evaluates a `when`:
 * the library's lexer, its planner (each precedence level parsed right-recursively, then runs of equal precedence
 * mirrored back to left-to-right, with its quirks kept) and its evaluator with its type checks, reproduced so that
 * any text gives what Argo gives, or an error where Argo errs.
 *
 * `depends` is not govaluate: the controller evaluates it with expr-lang (argoexpr.EvalBool over the task results);
 * see `evaluateDependsLogic` in depends.ts.
 */
import type { Evaluated } from './evaluated.js';
import { goPow } from './go-math.js';
import { compareGoStrings, formatGoV, goDeepEqual } from './go-values.js';
import {
  checkBalance,
  checkSyntax,
  compilePattern,
  GovaluateError,
  isPattern,
  type Kind,
  lex,
  optimize,
  show,
  type Token,
  toGo,
  toResult,
  Unsupported,
  type Value,
} from './govaluate-lexer.js';

/**
 * Evaluates `expression` as Argo does.
 *
 * - Without `parameters`: as the controller's `when` (workflow/controller/steps.go `shouldExecute`), after template
 *   substitution: "" is true; a bare word (`Succeeded`, `heads`, `eu-west`'s parts) is a string, not a variable; the
 *   result must be a boolean. An error (bad syntax, a type error such as `'a' < 1`) is `{ok:false}` with govaluate's
 *   message: the controller fails the node with it.
 * - With `parameters`: govaluate itself, with variables looked up in `parameters` (strings, numbers, booleans) and
 *   any result (a number, string, boolean or list). A CronWorkflow's `when` is this form with `{}`.
 */
export function evaluateGovaluate(expression: string, parameters?: Readonly<Record<string, unknown>>): Evaluated {
  try {
    if (parameters === undefined) return { ok: true, value: shouldExecute(expression) };
    for (const [k, v] of Object.entries(parameters))
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
        throw new Unsupported(`the parameter ${k} of type ${v === null ? 'null' : typeof v}`);
    const tokens = lex(expression);
    return { ok: true, value: toResult(evaluateTokens(tokens, parameters)) };
  } catch (e) {
    if (e instanceof Unsupported)
      return { ok: false, reason: `govaluate: ${e.message} is not supported by the simulation` };
    if (e instanceof GovaluateError) return { ok: false, reason: `govaluate: ${e.message}` };
    throw e;
  }
}

/** The controller's shouldExecute: variables become strings, then the expression is evaluated with no parameters. */
function shouldExecute(when: string): boolean {
  if (when === '') return true;
  let tokens: Token[];
  try {
    tokens = lex(when);
  } catch (e) {
    if (e instanceof GovaluateError) {
      const hint = e.message.includes('Invalid token')
        ? ' (hint: try wrapping the affected expression in quotes ("))'
        : '';
      throw new GovaluateError(`Invalid 'when' expression '${when}': ${e.message}${hint}`);
    }
    throw e;
  }
  // The first parse (NewEvaluableExpression) checks the syntax, then compiles the quoted patterns in place; the
  // second (from the converted tokens) checks the syntax again, now with those PATTERN tokens: `x =~ 'p' ? a : b`
  // passes the first and fails the second.
  try {
    checkSyntax(tokens);
    tokens = optimize(tokens);
  } catch (e) {
    if (e instanceof GovaluateError) throw new GovaluateError(`Invalid 'when' expression '${when}': ${e.message}`);
    throw e;
  }
  const strings = tokens.map((t) => (t.kind === 'VARIABLE' ? { kind: 'STRING' as const, value: t.value } : t));
  let result: Value;
  try {
    result = evaluateTokens(strings, undefined);
  } catch (e) {
    if (e instanceof GovaluateError) throw new GovaluateError(`'when' expression '${when}': ${e.message}`);
    throw e;
  }
  if (typeof result !== 'boolean')
    throw new GovaluateError(`Expected boolean evaluation for '${when}'. Got ${formatGoV(toGo(result))}`);
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Planner (stagePlanner.go)

type Symbol =
  | 'VALUE'
  | 'LITERAL'
  | 'NOOP'
  | 'EQ'
  | 'NEQ'
  | 'GT'
  | 'LT'
  | 'GTE'
  | 'LTE'
  | 'REQ'
  | 'NREQ'
  | 'IN'
  | 'AND'
  | 'OR'
  | 'PLUS'
  | 'MINUS'
  | 'BITWISE_AND'
  | 'BITWISE_OR'
  | 'BITWISE_XOR'
  | 'BITWISE_LSHIFT'
  | 'BITWISE_RSHIFT'
  | 'MULTIPLY'
  | 'DIVIDE'
  | 'MODULUS'
  | 'EXPONENT'
  | 'NEGATE'
  | 'INVERT'
  | 'BITWISE_NOT'
  | 'TERNARY_TRUE'
  | 'TERNARY_FALSE'
  | 'COALESCE'
  | 'ACCESS'
  | 'SEPARATE';

const PRECEDENCE: Partial<Record<Symbol, number>> = {
  NOOP: 0,
  VALUE: 1,
  ACCESS: 2,
  NEGATE: 3,
  INVERT: 3,
  BITWISE_NOT: 3,
  EXPONENT: 4,
  PLUS: 5,
  MINUS: 5,
  BITWISE_AND: 6,
  BITWISE_OR: 6,
  BITWISE_XOR: 6,
  BITWISE_LSHIFT: 7,
  BITWISE_RSHIFT: 7,
  MULTIPLY: 8,
  DIVIDE: 8,
  MODULUS: 8,
  EQ: 9,
  NEQ: 9,
  GT: 9,
  LT: 9,
  GTE: 9,
  LTE: 9,
  REQ: 9,
  NREQ: 9,
  IN: 9,
  TERNARY_TRUE: 10,
  TERNARY_FALSE: 10,
  COALESCE: 10,
  AND: 11,
  OR: 12,
  SEPARATE: 13,
};
const precedenceOf = (s: Symbol) => PRECEDENCE[s] ?? 1; // LITERAL and unknown: valuePrecedence

interface Stage {
  symbol: Symbol;
  left?: Stage;
  right?: Stage;
  /** For a literal, its value; for a variable, its name; for an accessor, its parts. */
  operand?: Value | readonly string[];
  kind: 'operator' | 'literal' | 'variable' | 'accessor';
}

class TokenStream {
  index = 0;
  readonly tokens: readonly Token[];
  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }
  hasNext(): boolean {
    return this.index < this.tokens.length;
  }
  next(): Token {
    const t = this.tokens[this.index] as Token;
    this.index++;
    return t;
  }
  rewind(): void {
    this.index--;
  }
}

type Precedent = (s: TokenStream) => Stage | undefined;

interface Level {
  readonly symbols: Readonly<Record<string, Symbol>>;
  readonly kinds: readonly Kind[];
  readonly next?: Precedent;
  readonly nextRight?: Precedent;
}

function level(l: Level): Precedent {
  const generated: Precedent = (s) => planLevel(s, l, l.nextRight ?? generated);
  return generated;
}

function planLevel(s: TokenStream, l: Level, right: Precedent): Stage | undefined {
  const leftStage = l.next ? l.next(s) : undefined;
  while (s.hasNext()) {
    const t = s.next();
    if (!l.kinds.includes(t.kind)) break;
    if (typeof t.value !== 'string') break;
    const symbol = l.symbols[t.value];
    if (symbol === undefined) break;
    const rightStage = right(s);
    return { symbol, left: leftStage, right: rightStage, kind: 'operator' };
  }
  s.rewind();
  return leftStage;
}

const planAccessor: Precedent = (s) => {
  if (!s.hasNext()) return undefined;
  const t = s.next();
  if (t.kind !== 'ACCESSOR') {
    s.rewind();
    return planValue(s);
  }
  let right: Stage | undefined;
  if (s.hasNext()) {
    const other = s.next();
    s.rewind();
    if (other.kind === 'CLAUSE') right = planTokens(s);
  }
  return { symbol: 'ACCESS', right, operand: t.value, kind: 'accessor' };
};

const planFunction: Precedent = (s) => planAccessor(s); // no functions are registered

const planValue: Precedent = (s) => {
  if (!s.hasNext()) return undefined;
  const t = s.next();
  switch (t.kind) {
    case 'CLAUSE': {
      const inner = planTokens(s);
      s.next();
      return { symbol: 'NOOP', right: inner, kind: 'operator' };
    }
    case 'CLAUSE_CLOSE':
      s.rewind();
      return undefined;
    case 'VARIABLE':
      return { symbol: 'VALUE', operand: t.value, kind: 'variable' };
    case 'NUMERIC':
    case 'STRING':
    case 'PATTERN':
    case 'BOOLEAN':
    case 'TIME':
      return { symbol: 'LITERAL', operand: t.value, kind: 'literal' };
    case 'PREFIX':
      s.rewind();
      return planPrefix(s);
    default:
      throw new GovaluateError(`Unable to plan token kind: '${t.kind}', value: '${show(t)}'`);
  }
};

const planPrefix = level({
  symbols: { '-': 'NEGATE', '!': 'INVERT', '~': 'BITWISE_NOT' },
  kinds: ['PREFIX'],
  nextRight: planFunction,
});
const planExponential = level({ symbols: { '**': 'EXPONENT' }, kinds: ['MODIFIER'], next: planFunction });
const planMultiplicative = level({
  symbols: { '*': 'MULTIPLY', '/': 'DIVIDE', '%': 'MODULUS' },
  kinds: ['MODIFIER'],
  next: planExponential,
});
const planAdditive = level({ symbols: { '+': 'PLUS', '-': 'MINUS' }, kinds: ['MODIFIER'], next: planMultiplicative });
const planShift = level({
  symbols: { '>>': 'BITWISE_RSHIFT', '<<': 'BITWISE_LSHIFT' },
  kinds: ['MODIFIER'],
  next: planAdditive,
});
const planBitwise = level({
  symbols: { '^': 'BITWISE_XOR', '&': 'BITWISE_AND', '|': 'BITWISE_OR' },
  kinds: ['MODIFIER'],
  next: planShift,
});
const planComparator = level({
  symbols: {
    '==': 'EQ',
    '!=': 'NEQ',
    '>': 'GT',
    '>=': 'GTE',
    '<': 'LT',
    '<=': 'LTE',
    '=~': 'REQ',
    '!~': 'NREQ',
    in: 'IN',
  },
  kinds: ['COMPARATOR'],
  next: planBitwise,
});
const planLogicalAnd = level({ symbols: { '&&': 'AND' }, kinds: ['LOGICALOP'], next: planComparator });
const planLogicalOr = level({ symbols: { '||': 'OR' }, kinds: ['LOGICALOP'], next: planLogicalAnd });
const planTernary = level({
  symbols: { '?': 'TERNARY_TRUE', ':': 'TERNARY_FALSE', '??': 'COALESCE' },
  kinds: ['TERNARY'],
  next: planLogicalOr,
});
const planSeparator = level({ symbols: { ',': 'SEPARATE' }, kinds: ['SEPARATOR'], next: planTernary });

function planTokens(s: TokenStream): Stage | undefined {
  if (!s.hasNext()) return undefined;
  return planSeparator(s);
}

/** reorderStages: runs of equal precedence down the right spine, planned right-to-left, are mirrored. */
function reorder(root: Stage): void {
  let same: Stage[] = [];
  let next: Stage | undefined = root;
  let precedence = precedenceOf(root.symbol);
  while (next) {
    const current: Stage = next;
    next = current.right;
    if (current.left) reorder(current.left);
    const p = precedenceOf(current.symbol);
    if (p === precedence) {
      same.push(current);
      continue;
    }
    if (same.length > 1) mirror(same);
    same = [current];
    precedence = p;
  }
  if (same.length > 1) mirror(same);
}

function swapWith(a: Stage, b: Stage): void {
  const { symbol, operand, kind } = b;
  b.symbol = a.symbol;
  b.operand = a.operand;
  b.kind = a.kind;
  a.symbol = symbol;
  a.operand = operand;
  a.kind = kind;
}

function mirror(stages: Stage[]): void {
  const n = stages.length;
  for (const s of stages) [s.left, s.right] = [s.right, s.left];
  const root = stages[0] as Stage;
  let front = stages[n - 1] as Stage;
  const carry = front.left;
  front.left = root.right;
  root.right = carry;
  for (let i = 0; i < Math.floor((n - 2) / 2) + 1; i++) {
    front = stages[i + 1] as Stage;
    const inverse = stages[n - i - 1] as Stage;
    [front.right, inverse.right] = [inverse.right, front.right];
  }
  for (let i = 0; i < Math.floor(n / 2); i++) swapWith(stages[i] as Stage, stages[n - i - 1] as Stage);
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluator (evaluationStage.go, EvaluableExpression.go)

function evaluateTokens(raw: readonly Token[], parameters: Readonly<Record<string, unknown>> | undefined): Value {
  checkBalance(raw);
  checkSyntax(raw);
  const tokens = optimize([...raw]);
  const stage = planTokens(new TokenStream(tokens));
  if (!stage) return null;
  reorder(stage);
  return evaluateStage(stage, parameters ?? {});
}

const HOLDER = Symbol('short-circuit');

const isNum = (v: unknown): v is number => typeof v === 'number';
const isStr = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

const LOGICAL = "Value '%v' cannot be used with the logical operator '%s', it is not a bool";
const MODIFIER = "Value '%v' cannot be used with the modifier '%s', it is not a number";
const COMPARATOR = "Value '%v' cannot be used with the comparator '%s', it is not a number";
const TERNARY = "Value '%v' cannot be used with the ternary operator '%s', it is not a bool";
const PREFIX = "Value '%v' cannot be used with the prefix '%s'";

const SYMBOL_TEXT: Partial<Record<Symbol, string>> = {
  EQ: '=',
  NEQ: '!=',
  GT: '>',
  LT: '<',
  GTE: '>=',
  LTE: '<=',
  REQ: '=~',
  NREQ: '!~',
  AND: '&&',
  OR: '||',
  IN: 'in',
  BITWISE_AND: '&',
  BITWISE_OR: '|',
  BITWISE_XOR: '^',
  BITWISE_LSHIFT: '<<',
  BITWISE_RSHIFT: '>>',
  PLUS: '+',
  MINUS: '-',
  MULTIPLY: '*',
  DIVIDE: '/',
  MODULUS: '%',
  EXPONENT: '**',
  NEGATE: '-',
  INVERT: '!',
  BITWISE_NOT: '~',
  TERNARY_TRUE: '?',
  TERNARY_FALSE: ':',
  COALESCE: '??',
};

function typeError(format: string, value: unknown, symbol: Symbol): GovaluateError {
  return new GovaluateError(
    format.replace('%v', formatGoV(toGo(value as Value))).replace('%s', SYMBOL_TEXT[symbol] ?? ''),
  );
}

interface Checks {
  readonly left?: (v: unknown) => boolean;
  readonly right?: (v: unknown) => boolean;
  readonly combined?: (l: unknown, r: unknown) => boolean;
  readonly format?: string;
}

const CHECKS: Partial<Record<Symbol, Checks>> = {
  GT: { combined: (l, r) => (isNum(l) && isNum(r)) || (isStr(l) && isStr(r)), format: COMPARATOR },
  LT: { combined: (l, r) => (isNum(l) && isNum(r)) || (isStr(l) && isStr(r)), format: COMPARATOR },
  GTE: { combined: (l, r) => (isNum(l) && isNum(r)) || (isStr(l) && isStr(r)), format: COMPARATOR },
  LTE: { combined: (l, r) => (isNum(l) && isNum(r)) || (isStr(l) && isStr(r)), format: COMPARATOR },
  REQ: { left: isStr, right: (v) => isStr(v) || isPattern(v as Value), format: COMPARATOR },
  NREQ: { left: isStr, right: (v) => isStr(v) || isPattern(v as Value), format: COMPARATOR },
  AND: { left: isBool, right: isBool, format: LOGICAL },
  OR: { left: isBool, right: isBool, format: LOGICAL },
  IN: { right: Array.isArray, format: COMPARATOR },
  BITWISE_LSHIFT: { left: isNum, right: isNum, format: MODIFIER },
  BITWISE_RSHIFT: { left: isNum, right: isNum, format: MODIFIER },
  BITWISE_OR: { left: isNum, right: isNum, format: MODIFIER },
  BITWISE_AND: { left: isNum, right: isNum, format: MODIFIER },
  BITWISE_XOR: { left: isNum, right: isNum, format: MODIFIER },
  PLUS: { combined: (l, r) => (isNum(l) && isNum(r)) || isStr(l) || isStr(r), format: MODIFIER },
  MINUS: { left: isNum, right: isNum, format: MODIFIER },
  MULTIPLY: { left: isNum, right: isNum, format: MODIFIER },
  DIVIDE: { left: isNum, right: isNum, format: MODIFIER },
  MODULUS: { left: isNum, right: isNum, format: MODIFIER },
  EXPONENT: { left: isNum, right: isNum, format: MODIFIER },
  NEGATE: { right: isNum, format: PREFIX },
  INVERT: { right: isBool, format: PREFIX },
  BITWISE_NOT: { right: isNum, format: PREFIX },
  TERNARY_TRUE: { left: isBool, format: TERNARY },
};

function evaluateStage(stage: Stage, parameters: Readonly<Record<string, unknown>>): Value {
  switch (stage.kind) {
    case 'literal':
      return stage.operand as Value;
    case 'variable': {
      const name = stage.operand as string;
      if (!Object.hasOwn(parameters, name)) throw new GovaluateError(`No parameter '${name}' found.`);
      return parameters[name] as Value;
    }
    case 'accessor': {
      const parts = stage.operand as readonly string[];
      const head = parts[0] as string;
      if (!Object.hasOwn(parameters, head)) throw new GovaluateError(`No parameter '${head}' found.`);
      // Parameters are never Go structs here, so a field or method is never found.
      throw new GovaluateError(`Unable to access '${parts[1]}', '${head}' is not a struct`);
    }
  }
  let left: Value | undefined;
  let right: Value | typeof HOLDER | undefined;
  if (stage.left) left = evaluateStage(stage.left, parameters);
  switch (stage.symbol) {
    case 'AND':
      if (left === false) return false;
      break;
    case 'OR':
      if (left === true) return true;
      break;
    case 'COALESCE':
      if (left !== null && left !== undefined) return left;
      break;
    case 'TERNARY_TRUE':
      if (left === false) right = HOLDER;
      break;
    case 'TERNARY_FALSE':
      if (left !== null && left !== undefined) right = HOLDER;
      break;
  }
  if (right !== HOLDER && stage.right) right = evaluateStage(stage.right, parameters);
  const l = left === undefined ? null : left;
  const r = right === undefined ? null : right;
  const checks = CHECKS[stage.symbol];
  if (checks) {
    if (checks.combined) {
      if (!checks.combined(l, r)) throw typeError(checks.format ?? '', l, stage.symbol);
    } else {
      if (checks.left && !checks.left(l)) throw typeError(checks.format ?? '', l, stage.symbol);
      if (checks.right && !checks.right(r)) throw typeError(checks.format ?? '', r, stage.symbol);
    }
  }
  return operate(stage.symbol, l, r as Value);
}

const int64 = (x: number) => BigInt.asIntN(64, BigInt(Math.trunc(x)));
const uint64 = (x: number) => BigInt.asUintN(64, BigInt(Math.trunc(x)));

function operate(symbol: Symbol, l: Value, r: Value): Value {
  const n = (v: Value) => v as number;
  switch (symbol) {
    case 'NOOP':
      return r;
    case 'PLUS':
      if (isStr(l) || isStr(r)) return `${formatGoV(toGo(l))}${formatGoV(toGo(r))}`;
      return n(l) + n(r);
    case 'MINUS':
      return n(l) - n(r);
    case 'MULTIPLY':
      return n(l) * n(r);
    case 'DIVIDE':
      return n(l) / n(r);
    case 'EXPONENT': {
      const p = goPow(n(l), n(r));
      if (p === undefined)
        throw new Unsupported('a power with a fractional exponent (Go computes it with its own Exp and Log)');
      return p;
    }
    case 'MODULUS':
      return n(l) % n(r);
    case 'GT':
    case 'LT':
    case 'GTE':
    case 'LTE':
      return compare(symbol, l as number | string, r as number | string);
    case 'EQ':
      return goDeepEqual(toGo(l), toGo(r));
    case 'NEQ':
      return !goDeepEqual(toGo(l), toGo(r));
    case 'AND':
      return (l as boolean) && (r as boolean);
    case 'OR':
      return (l as boolean) || (r as boolean);
    case 'NEGATE':
      return -n(r);
    case 'INVERT':
      return !(r as boolean);
    case 'BITWISE_NOT':
      return bitwise(() => ~int64(n(r)), r);
    case 'TERNARY_TRUE':
      return l === true ? r : null;
    case 'TERNARY_FALSE':
    case 'COALESCE':
      return l !== null ? l : r;
    case 'REQ':
    case 'NREQ': {
      const pattern = isPattern(r) ? r.pattern : compilePattern(r as string).pattern;
      const found = pattern.test(l as string);
      return symbol === 'REQ' ? found : !found;
    }
    case 'BITWISE_OR':
      return bitwise(() => int64(n(l)) | int64(n(r)), l, r);
    case 'BITWISE_AND':
      return bitwise(() => int64(n(l)) & int64(n(r)), l, r);
    case 'BITWISE_XOR':
      return bitwise(() => int64(n(l)) ^ int64(n(r)), l, r);
    case 'BITWISE_LSHIFT':
      return bitwise(() => BigInt.asUintN(64, uint64(n(l)) << uint64(n(r))), l, r);
    case 'BITWISE_RSHIFT':
      return bitwise(() => uint64(n(l)) >> uint64(n(r)), l, r);
    case 'SEPARATE':
      return Array.isArray(l) ? [...l, r] : [l, r];
    case 'IN':
      // Go's interface equality: same type and value (no deep comparison; a list is never equal).
      return (r as Value[]).some((v) => !Array.isArray(v) && !Array.isArray(l) && !isPattern(v) && v === l);
    default:
      throw new GovaluateError(`no operator for ${symbol}`);
  }
}

/** Go converts float64 to int64/uint64 by truncation; out of range or NaN is implementation-defined: not reproduced. */
function bitwise(f: () => bigint, ...operands: Value[]): number {
  for (const v of operands)
    if (!Number.isFinite(v as number) || Math.abs(v as number) >= 2 ** 63)
      throw new Unsupported(`a bitwise operation on ${formatGoV(v)}`);
  return Number(f());
}

function compare(symbol: Symbol, l: number | string, r: number | string): boolean {
  if (isStr(l) && isStr(r)) {
    const c = compareGoStrings(l, r);
    return symbol === 'GT' ? c > 0 : symbol === 'LT' ? c < 0 : symbol === 'GTE' ? c >= 0 : c <= 0;
  }
  const a = l as number;
  const b = r as number;
  return symbol === 'GT' ? a > b : symbol === 'LT' ? a < b : symbol === 'GTE' ? a >= b : a <= b;
}

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
import { parseGoTime } from './go-time.js';
import { compareGoStrings, formatGoV, goDeepEqual } from './go-values.js';
import { compileRe2 } from './re2.js';

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

class GovaluateError extends Error {}
class Unsupported extends Error {}

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
// Values: Go's float64 is a number, a compiled pattern a Pattern, a list (from `,`) an array, nil null.

interface Pattern {
  readonly pattern: RegExp;
  readonly source: string;
}
type Value = number | string | boolean | null | Pattern | Value[];

const isPattern = (v: Value): v is Pattern => typeof v === 'object' && v !== null && !Array.isArray(v);
const toGo = (v: Value): unknown => (isPattern(v) ? v.source : Array.isArray(v) ? v.map(toGo) : v);
const toResult = (v: Value): unknown => toGo(v);

// ---------------------------------------------------------------------------------------------------------------
// Lexer (parsing.go, lexerState.go)

type Kind =
  | 'UNKNOWN'
  | 'PREFIX'
  | 'NUMERIC'
  | 'BOOLEAN'
  | 'STRING'
  | 'PATTERN'
  | 'TIME'
  | 'VARIABLE'
  | 'FUNCTION'
  | 'SEPARATOR'
  | 'ACCESSOR'
  | 'COMPARATOR'
  | 'LOGICALOP'
  | 'MODIFIER'
  | 'CLAUSE'
  | 'CLAUSE_CLOSE'
  | 'TERNARY';

interface Token {
  readonly kind: Kind;
  readonly value: Value | readonly string[];
}

const VALUE_KINDS: Kind[] = [
  'PREFIX',
  'NUMERIC',
  'BOOLEAN',
  'VARIABLE',
  'PATTERN',
  'FUNCTION',
  'ACCESSOR',
  'STRING',
  'TIME',
  'CLAUSE',
];
const STATES: Record<Kind, { eof: boolean; nullable: boolean; next: readonly Kind[] }> = {
  UNKNOWN: { eof: false, nullable: true, next: VALUE_KINDS },
  CLAUSE: { eof: false, nullable: true, next: [...VALUE_KINDS, 'CLAUSE_CLOSE'] },
  CLAUSE_CLOSE: {
    eof: true,
    nullable: true,
    next: [
      'COMPARATOR',
      'MODIFIER',
      'NUMERIC',
      'BOOLEAN',
      'VARIABLE',
      'STRING',
      'PATTERN',
      'TIME',
      'CLAUSE',
      'CLAUSE_CLOSE',
      'LOGICALOP',
      'TERNARY',
      'SEPARATOR',
    ],
  },
  NUMERIC: {
    eof: true,
    nullable: false,
    next: ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'TERNARY', 'SEPARATOR'],
  },
  BOOLEAN: {
    eof: true,
    nullable: false,
    next: ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'TERNARY', 'SEPARATOR'],
  },
  STRING: {
    eof: true,
    nullable: false,
    next: ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'TERNARY', 'SEPARATOR'],
  },
  TIME: { eof: true, nullable: false, next: ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'SEPARATOR'] },
  PATTERN: { eof: true, nullable: false, next: ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'SEPARATOR'] },
  VARIABLE: {
    eof: true,
    nullable: false,
    next: ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'TERNARY', 'SEPARATOR'],
  },
  MODIFIER: {
    eof: false,
    nullable: false,
    next: ['PREFIX', 'NUMERIC', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'STRING', 'BOOLEAN', 'CLAUSE', 'CLAUSE_CLOSE'],
  },
  COMPARATOR: {
    eof: false,
    nullable: false,
    next: [
      'PREFIX',
      'NUMERIC',
      'BOOLEAN',
      'VARIABLE',
      'FUNCTION',
      'ACCESSOR',
      'STRING',
      'TIME',
      'CLAUSE',
      'CLAUSE_CLOSE',
      'PATTERN',
    ],
  },
  LOGICALOP: {
    eof: false,
    nullable: false,
    next: [
      'PREFIX',
      'NUMERIC',
      'BOOLEAN',
      'VARIABLE',
      'FUNCTION',
      'ACCESSOR',
      'STRING',
      'TIME',
      'CLAUSE',
      'CLAUSE_CLOSE',
    ],
  },
  PREFIX: {
    eof: false,
    nullable: false,
    next: ['NUMERIC', 'BOOLEAN', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'CLAUSE', 'CLAUSE_CLOSE'],
  },
  TERNARY: {
    eof: false,
    nullable: false,
    next: ['PREFIX', 'NUMERIC', 'BOOLEAN', 'STRING', 'TIME', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'CLAUSE', 'SEPARATOR'],
  },
  FUNCTION: { eof: false, nullable: false, next: ['CLAUSE'] },
  ACCESSOR: {
    eof: true,
    nullable: false,
    next: ['CLAUSE', 'MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'TERNARY', 'SEPARATOR'],
  },
  SEPARATOR: {
    eof: false,
    nullable: true,
    next: ['PREFIX', 'NUMERIC', 'BOOLEAN', 'STRING', 'TIME', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'CLAUSE'],
  },
};

const PREFIX_SYMBOLS = ['-', '!', '~'];
const MODIFIER_SYMBOLS = ['+', '-', '*', '/', '%', '**', '&', '|', '^', '>>', '<<'];
const LOGICAL_SYMBOLS = ['&&', '||'];
const COMPARATOR_SYMBOLS = ['==', '!=', '>', '>=', '<', '<=', '=~', '!~', 'in'];
const TERNARY_SYMBOLS = ['?', ':', '??'];

const isSpace = (c: string) => /^\p{White_Space}$/u.test(c);
const isLetter = (c: string) => /^\p{L}$/u.test(c);
const isGoDigit = (c: string) => /^\p{Nd}$/u.test(c);
const isNumeric = (c: string) => isGoDigit(c) || c === '.';
const isNotQuote = (c: string) => c !== "'" && c !== '"';
const isHexDigit = (c: string) => isGoDigit(c.toLowerCase()) || 'abcdef'.includes(c.toLowerCase());
const isNotAlphanumeric = (c: string) =>
  !(isGoDigit(c) || isLetter(c) || c === '(' || c === ')' || c === '[' || c === ']' || !isNotQuote(c));
const isVariableName = (c: string) => isLetter(c) || isGoDigit(c) || c === '_' || c === '.';

class Stream {
  position = 0;
  readonly source: readonly string[];
  constructor(source: readonly string[]) {
    this.source = source;
  }
  canRead(): boolean {
    return this.position < this.source.length;
  }
  read(): string {
    const c = this.source[this.position];
    // Go indexes past the end and panics (a `\` at the very end of a string or name).
    if (c === undefined) throw new GovaluateError('runtime error: index out of range (a trailing backslash)');
    this.position++;
    return c;
  }
  rewind(n: number): void {
    this.position -= n;
  }
}

/** readUntilFalse: the text read while `condition` holds, and whether the condition (not the end) stopped it. */
function readUntilFalse(
  s: Stream,
  includeWhitespace: boolean,
  breakWhitespace: boolean,
  condition: (c: string) => boolean,
): [string, boolean] {
  let buffer = '';
  let conditioned = false;
  while (s.canRead()) {
    let c = s.read();
    if (c === '\\') {
      c = s.read();
      buffer += c;
      continue;
    }
    if (isSpace(c)) {
      if (breakWhitespace && buffer.length > 0) {
        conditioned = true;
        break;
      }
      if (!includeWhitespace) continue;
    }
    if (condition(c)) buffer += c;
    else {
      conditioned = true;
      s.rewind(1);
      break;
    }
  }
  return [buffer, conditioned];
}

function readTokenUntilFalse(s: Stream, condition: (c: string) => boolean): string {
  s.rewind(1);
  return readUntilFalse(s, false, true, condition)[0];
}

/** Go's strconv.ParseFloat on the characters govaluate collects for a number (digits and dots). */
function parseNumber(text: string): number {
  if (!/^(\d+\.?\d*|\.\d+)$/.test(text) || !Number.isFinite(Number(text)))
    throw new GovaluateError(`Unable to parse numeric value '${text}' to float64\n`);
  return Number(text);
}

function readToken(s: Stream, state: Kind): Token | undefined {
  while (s.canRead()) {
    let c = s.read();
    if (isSpace(c)) continue;
    if (isNumeric(c)) {
      if (s.canRead() && c === '0') {
        c = s.read();
        if (s.canRead() && c === 'x') {
          const [hex] = readUntilFalse(s, false, true, isHexDigit);
          if (!/^[0-9a-fA-F]+$/.test(hex) || BigInt(`0x${hex}`) >= 2n ** 64n)
            throw new GovaluateError(`Unable to parse hex value '${hex}' to uint64\n`);
          return { kind: 'NUMERIC', value: Number(BigInt(`0x${hex}`)) };
        }
        s.rewind(1);
      }
      return { kind: 'NUMERIC', value: parseNumber(readTokenUntilFalse(s, isNumeric)) };
    }
    if (c === ',') return { kind: 'SEPARATOR', value: ',' };
    if (c === '[') {
      const [name, completed] = readUntilFalse(s, true, false, (x) => x !== ']');
      if (!completed) throw new GovaluateError('Unclosed parameter bracket');
      s.rewind(-1);
      return { kind: 'VARIABLE', value: name };
    }
    if (isLetter(c)) {
      const word = readTokenUntilFalse(s, isVariableName);
      let token: Token = { kind: 'VARIABLE', value: word };
      if (word === 'true') token = { kind: 'BOOLEAN', value: true };
      else if (word === 'false') token = { kind: 'BOOLEAN', value: false };
      if (word === 'in' || word === 'IN') token = { kind: 'COMPARATOR', value: 'in' };
      const dot = word.indexOf('.');
      if (dot > 0) {
        if (word.endsWith('.')) throw new GovaluateError(`Hanging accessor on token '${word}'`);
        const parts = word.split('.');
        for (const part of parts.slice(1)) {
          const first = Array.from(part)[0] ?? '';
          if (first.toUpperCase() !== first)
            throw new GovaluateError(`Unable to access unexported field '${part}' in token '${word}'`);
        }
        token = { kind: 'ACCESSOR', value: parts };
      }
      return token;
    }
    if (!isNotQuote(c)) {
      const [text, completed] = readUntilFalse(s, true, false, isNotQuote);
      if (!completed) throw new GovaluateError('Unclosed string literal');
      s.rewind(-1);
      const time = parseGoTime(text);
      if (time.kind === 'unsupported') throw new Unsupported(`the string '${text}', which may read as a date`);
      return time.kind === 'time' ? { kind: 'TIME', value: time.unix } : { kind: 'STRING', value: text };
    }
    if (c === '(') return { kind: 'CLAUSE', value: '(' };
    if (c === ')') return { kind: 'CLAUSE_CLOSE', value: ')' };
    const symbol = readTokenUntilFalse(s, isNotAlphanumeric);
    if (STATES[state].next.includes('PREFIX') && PREFIX_SYMBOLS.includes(symbol))
      return { kind: 'PREFIX', value: symbol };
    if (MODIFIER_SYMBOLS.includes(symbol)) return { kind: 'MODIFIER', value: symbol };
    if (LOGICAL_SYMBOLS.includes(symbol)) return { kind: 'LOGICALOP', value: symbol };
    if (COMPARATOR_SYMBOLS.includes(symbol)) return { kind: 'COMPARATOR', value: symbol };
    if (TERNARY_SYMBOLS.includes(symbol)) return { kind: 'TERNARY', value: symbol };
    throw new GovaluateError(`Invalid token: '${symbol}'`);
  }
  return undefined;
}

function lex(expression: string): Token[] {
  const s = new Stream(Array.from(expression));
  const tokens: Token[] = [];
  let state: Kind = 'UNKNOWN';
  while (s.canRead()) {
    const token = readToken(s, state);
    if (!token) break;
    state = token.kind;
    tokens.push(token);
  }
  checkBalance(tokens);
  return tokens;
}

function checkBalance(tokens: readonly Token[]): void {
  let parens = 0;
  for (const t of tokens) {
    if (t.kind === 'CLAUSE') parens++;
    else if (t.kind === 'CLAUSE_CLOSE') parens--;
  }
  if (parens !== 0) throw new GovaluateError('Unbalanced parenthesis');
}

function checkSyntax(tokens: readonly Token[]): void {
  let state = STATES.UNKNOWN;
  let stateKind: Kind = 'UNKNOWN';
  let last: Token | undefined;
  for (const t of tokens) {
    if (!state.next.includes(t.kind)) {
      if (last?.kind === 'VARIABLE' && t.kind === 'CLAUSE')
        throw new GovaluateError(`Undefined function ${String(last.value)}`);
      throw new GovaluateError(
        `Cannot transition token types from ${stateKind} [${show(last)}] to ${t.kind} [${show(t)}]`,
      );
    }
    state = STATES[t.kind];
    stateKind = t.kind;
    last = t;
  }
  if (!state.eof) throw new GovaluateError('Unexpected end of expression');
}

const show = (t: Token | undefined) =>
  t === undefined ? '<nil>' : Array.isArray(t.value) ? `[${t.value.join(' ')}]` : formatGoV(toGo(t.value as Value));

/** optimizeTokens: a string right of `=~`/`!~` is compiled once, as a pattern. */
function optimize(tokens: Token[]): Token[] {
  return tokens.map((t, i) => {
    const prev = tokens[i - 1];
    if (t.kind !== 'STRING' || prev?.kind !== 'COMPARATOR' || (prev.value !== '=~' && prev.value !== '!~')) return t;
    return { kind: 'PATTERN', value: compilePattern(t.value as string) };
  });
}

function compilePattern(source: string): Pattern {
  const re = compileRe2(source);
  if (re.kind === 'unsupported')
    throw new Unsupported(`the regular expression ${JSON.stringify(source)} (${re.construct})`);
  if (re.kind === 'error') throw new GovaluateError(re.message);
  return { pattern: re.regexp, source };
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

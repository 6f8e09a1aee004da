/**
 * govaluate's lexer and token grammar (parsing.go, lexerState.go at the commit Argo v4.1.2 pins): the tokens a text
 * reads as, the state machine of which token may follow which, and the compilation of a quoted pattern after `=~`.
 */
import { parseGoTime } from './go-time.js';
import { isDigit, isLetter, isSpace } from './go-unicode.js';
import { formatGoV } from './go-values.js';
import { compileRe2 } from './re2.js';

/** An error govaluate reports (the controller fails the node with it). */
export class GovaluateError extends Error {}
/** A construct the simulation does not reproduce. */
export class Unsupported extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Values: Go's float64 is a number, a compiled pattern a Pattern, a list (from `,`) an array, nil null.

export interface Pattern {
  readonly pattern: RegExp;
  readonly source: string;
}
export type Value = number | string | boolean | null | Pattern | Value[];

export const isPattern = (v: Value): v is Pattern => typeof v === 'object' && v !== null && !Array.isArray(v);
export const toGo = (v: Value): unknown => (isPattern(v) ? v.source : Array.isArray(v) ? v.map(toGo) : v);
export const toResult = (v: Value): unknown => toGo(v);

// ---------------------------------------------------------------------------------------------------------------
// Lexer (parsing.go, lexerState.go)

export type Kind =
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

export interface Token {
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

/** What may follow a comparator or a logical operator (a comparator also takes a pattern, for `=~`). */
const OPERAND_START: readonly Kind[] = [
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
  COMPARATOR: { eof: false, nullable: false, next: [...OPERAND_START, 'PATTERN'] },
  LOGICALOP: { eof: false, nullable: false, next: OPERAND_START },
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

const isNumeric = (c: string) => isDigit(c) || c === '.';
const isNotQuote = (c: string) => c !== "'" && c !== '"';
const isHexDigit = (c: string) => isDigit(c.toLowerCase()) || 'abcdef'.includes(c.toLowerCase());
const isNotAlphanumeric = (c: string) =>
  !(isDigit(c) || isLetter(c) || c === '(' || c === ')' || c === '[' || c === ']' || !isNotQuote(c));
const isVariableName = (c: string) => isLetter(c) || isDigit(c) || c === '_' || c === '.';

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

export function lex(expression: string): Token[] {
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

export function checkBalance(tokens: readonly Token[]): void {
  let parens = 0;
  for (const t of tokens) {
    if (t.kind === 'CLAUSE') parens++;
    else if (t.kind === 'CLAUSE_CLOSE') parens--;
  }
  if (parens !== 0) throw new GovaluateError('Unbalanced parenthesis');
}

export function checkSyntax(tokens: readonly Token[]): void {
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

export const show = (t: Token | undefined) =>
  t === undefined ? '<nil>' : Array.isArray(t.value) ? `[${t.value.join(' ')}]` : formatGoV(toGo(t.value as Value));

/** optimizeTokens: a string right of `=~`/`!~` is compiled once, as a pattern. */
export function optimize(tokens: Token[]): Token[] {
  return tokens.map((t, i) => {
    const prev = tokens[i - 1];
    if (t.kind !== 'STRING' || prev?.kind !== 'COMPARATOR' || (prev.value !== '=~' && prev.value !== '!~')) return t;
    return { kind: 'PATTERN', value: compilePattern(t.value as string) };
  });
}

export function compilePattern(source: string): Pattern {
  const re = compileRe2(source);
  if (re.kind === 'unsupported')
    throw new Unsupported(`the regular expression ${JSON.stringify(source)} (${re.construct})`);
  if (re.kind === 'error') throw new GovaluateError(re.message);
  return { pattern: re.regexp, source };
}

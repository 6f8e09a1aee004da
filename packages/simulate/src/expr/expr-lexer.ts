/**
 * expr-lang's lexer (github.com/expr-lang/expr v1.17.8, parser/lexer), reproduced: the same tokens from the same
 * text, and the same refusals (an unterminated string, an unknown escape, a bad number, an unknown character).
 */

import { isDigit, isLetter, isSpace } from './go-unicode.js';

export type TokenKind = 'Identifier' | 'Number' | 'String' | 'Operator' | 'Bracket' | 'EOF' | 'Bytes';

export interface Token {
  readonly kind: TokenKind;
  readonly value: string;
}

export class ExprSyntaxError extends Error {}

const isAlphabetic = (c: string) => c === '_' || c === '$' || isLetter(c);
export const isAlphaNumeric = (c: string) => isAlphabetic(c) || isDigit(c);
export const isValidIdentifier = (s: string) => {
  const cs = Array.from(s);
  return cs.length > 0 && isAlphabetic(cs[0] as string) && cs.every(isAlphaNumeric);
};

const EOF = '';

export function lexExpr(source: string): Token[] {
  const src = Array.from(source);
  // Where each character starts in `source` (code units), so that a token's text is one slice of it.
  const offsets: number[] = [0];
  for (const c of src) offsets.push((offsets[offsets.length - 1] as number) + c.length);
  const tokens: Token[] = [];
  let start = 0;
  let end = 0;
  const next = (): string => {
    if (end >= src.length) {
      end++;
      return EOF;
    }
    return src[end++] as string;
  };
  const peek = (): string => (end < src.length ? (src[end] as string) : EOF);
  const backup = () => {
    end--;
  };
  const word = () => source.slice(offsets[Math.min(start, src.length)], offsets[Math.min(end, src.length)]);
  const emit = (kind: TokenKind, value = word()) => {
    tokens.push({ kind, value });
    start = end;
  };
  const skip = () => {
    start = end;
  };
  const accept = (valid: string): boolean => {
    const c = next();
    if (c !== EOF && valid.includes(c)) return true;
    backup();
    return false;
  };
  const acceptRun = (valid: string) => {
    while (accept(valid)) {
      /* absorb */
    }
  };
  const fail = (message: string): never => {
    throw new ExprSyntaxError(message);
  };

  const scanDigits = (first: string, base: number, n: number): string => {
    let ch = first;
    let left = n;
    while (left > 0 && digitVal(ch) < base) {
      ch = next();
      left--;
    }
    if (left > 0) fail('invalid char escape');
    return ch;
  };
  const scanEscape = (quote: string): string => {
    const ch = next();
    switch (ch) {
      case 'a':
      case 'b':
      case 'f':
      case 'n':
      case 'r':
      case 't':
      case 'v':
      case '\\':
      case quote:
        return next();
      case '0':
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
        return scanDigits(ch, 8, 3);
      case 'x':
        return scanDigits(next(), 16, 2);
      case 'u':
        if (peek() === '{') {
          next();
          let digits = 0;
          for (;;) {
            const p = peek();
            if (p === '}') break;
            if (digitVal(p) >= 16 || digits >= 6) fail('invalid char escape');
            next();
            digits++;
          }
          if (digits === 0) fail('invalid char escape');
          next();
          return next();
        }
        return scanDigits(next(), 16, 4);
      case 'U':
        return scanDigits(next(), 16, 8);
      default:
        return fail('invalid char escape');
    }
  };
  const scanString = (quote: string) => {
    let ch = next();
    while (ch !== quote) {
      if (ch === '\n' || ch === EOF) fail('literal not terminated');
      ch = ch === '\\' ? scanEscape(quote) : next();
    }
  };
  const scanNumber = (): boolean => {
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    const e = end;
    if (accept('.')) {
      if (peek() === '.') {
        end = e;
        return true;
      }
      acceptRun(digits);
    }
    if (accept('eE')) {
      accept('+-');
      acceptRun(digits);
    }
    if (peek() !== EOF && isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };
  const number = () => {
    if (!scanNumber()) fail(`bad number syntax: ${JSON.stringify(word())}`);
    emit('Number');
  };

  for (;;) {
    const r = next();
    if (r === EOF) {
      tokens.push({ kind: 'EOF', value: '' });
      return tokens;
    }
    if (isSpace(r)) {
      skip();
      continue;
    }
    if (r === "'" || r === '"') {
      scanString(r);
      emit('String', unescapeLiteral(word()));
      continue;
    }
    if (r === '`') {
      // A raw string: no escapes, except a doubled backtick for one backtick.
      let value = '';
      for (;;) {
        const c = next();
        if (c === EOF) fail('literal not terminated');
        if (c === '`') {
          if (peek() !== '`') break;
          next();
        }
        value += c;
      }
      emit('String', value);
      continue;
    }
    if ((r === 'b' || r === 'B') && (peek() === "'" || peek() === '"')) {
      const quote = next();
      scanString(quote);
      emit('Bytes', unescapeLiteral(word().slice(1)));
      continue;
    }
    if (r >= '0' && r <= '9') {
      backup();
      number();
      continue;
    }
    if (r === '?') {
      accept('.?');
      emit('Operator');
      continue;
    }
    if (r === '/') {
      if (accept('/')) {
        for (;;) {
          const c = next();
          if (c === EOF || c === '\n') break;
        }
        if (end > src.length) backup();
        skip();
        continue;
      }
      if (accept('*')) {
        for (;;) {
          const c = next();
          if (c === EOF) fail('unclosed comment');
          if (c === '*' && accept('/')) break;
        }
        skip();
        continue;
      }
      emit('Operator');
      continue;
    }
    if (r === '#') {
      accept('#');
      emit('Operator');
      for (;;) {
        const c = next();
        if (c !== EOF && isAlphaNumeric(c)) continue;
        backup();
        if (word() !== '') emit('Identifier');
        break;
      }
      continue;
    }
    if (r === '|' || r === ':') {
      accept(r);
      emit('Operator');
      continue;
    }
    if ('([{'.includes(r) || ')]}'.includes(r)) {
      emit('Bracket');
      continue;
    }
    if (',;%+-^'.includes(r)) {
      emit('Operator');
      continue;
    }
    if ('&!=*<>'.includes(r)) {
      accept('&=*');
      emit('Operator');
      continue;
    }
    if (r === '.') {
      backup();
      next();
      if (accept('0123456789')) {
        backup();
        number();
        continue;
      }
      accept('.');
      emit('Operator');
      continue;
    }
    if (isAlphaNumeric(r)) {
      for (;;) {
        const c = next();
        if (c !== EOF && isAlphaNumeric(c)) continue;
        backup();
        break;
      }
      const w = word();
      if (w === 'not') {
        emit('Operator');
        // `not in`, `not matches`, …: one operator; whenFalse the next word is read again.
        while (peek() !== EOF && isSpace(peek())) next();
        skip();
        const save = end;
        while (peek() !== EOF && isAlphaNumeric(peek())) next();
        if (['in', 'matches', 'contains', 'startsWith', 'endsWith'].includes(word())) emit('Operator');
        else end = save;
        continue;
      }
      if (['in', 'or', 'and', 'matches', 'contains', 'startsWith', 'endsWith', 'let', 'if', 'else'].includes(w))
        emit('Operator');
      else emit('Identifier');
      continue;
    }
    fail(`unrecognized character: U+${(r.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`);
  }
}

export class ExprUnsupported extends Error {}

function digitVal(c: string): number {
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  return 16;
}

/** The lexer's unescape of a quoted literal (quotes included): Go's escapes; `\r` and `\r\n` read as `\n`. */
function unescapeLiteral(quoted: string): string {
  const value = quoted.replace(/\r\n|\r/g, '\n');
  const body = Array.from(value.slice(1, -1));
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) throw new ExprSyntaxError("unable to unescape string, found '\\' as last character");
    i += 2;
    const simple: Record<string, string> = {
      a: '\x07',
      b: '\b',
      f: '\f',
      n: '\n',
      r: '\r',
      t: '\t',
      v: '\v',
      '\\': '\\',
      "'": "'",
      '"': '"',
      '`': '`',
      '?': '?',
    };
    if (simple[e] !== undefined) {
      out += simple[e];
      continue;
    }
    let code: number;
    if (e === 'u' && body[i] === '{') {
      const close = body.indexOf('}', i);
      const hex = body.slice(i + 1, close).join('');
      if (close < 0 || !/^[0-9a-fA-F]{1,6}$/.test(hex)) throw new ExprSyntaxError('unable to unescape string');
      code = Number.parseInt(hex, 16);
      i = close + 1;
    } else if (e === 'x' || e === 'X' || e === 'u' || e === 'U') {
      const n = e === 'u' ? 4 : e === 'U' ? 8 : 2;
      const hex = body.slice(i, i + n).join('');
      if (!new RegExp(`^[0-9a-fA-F]{${n}}$`).test(hex)) throw new ExprSyntaxError('unable to unescape string');
      code = Number.parseInt(hex, 16);
      i += n;
    } else if (e >= '0' && e <= '3') {
      const oct = body.slice(i, i + 2).join('');
      if (!/^[0-7]{2}$/.test(oct)) throw new ExprSyntaxError('unable to unescape octal sequence in string');
      code = Number.parseInt(e + oct, 8);
      i += 2;
    } else {
      throw new ExprSyntaxError('unable to unescape string');
    }
    if (code > 0x10ffff) throw new ExprSyntaxError('unable to unescape string');
    // Go writes a surrogate code point as U+FFFD.
    out += code >= 0xd800 && code <= 0xdfff ? '\ufffd' : String.fromCodePoint(code);
  }
  return out;
}

/**
 * Go's string conversions where JavaScript's differ: strconv.Atoi and ParseFloat (no spaces, no hex integers, an
 * out-of-range value is an error), strings.ToUpper/ToLower (rune by rune, no special casing such as ß → SS),
 * strings.TrimSpace (Unicode White_Space only).
 */
import { ExprUnsupported } from './expr-lexer.js';

/** strconv.Atoi: an optional sign and decimal digits that fit in 64 bits, or undefined (Go's error). */
export function goAtoi(s: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  if (n > 2n ** 63n - 1n || n < -(2n ** 63n)) return undefined;
  return n;
}

/** strconv.ParseFloat(s, 64), or undefined (Go's error). Hexadecimal floats and underscores are outside the subset. */
export function goParseFloat(s: string): number | undefined {
  if (/^[+-]?(inf|infinity)$/i.test(s)) return s.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[+-]?nan$/i.test(s)) return Number.NaN;
  if (/^[+-]?0[xX]/.test(s) || s.includes('_'))
    throw new ExprUnsupported(`parsing ${JSON.stringify(s)} as a float (hexadecimal or underscores)`);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const f = Number(s);
  // Go reports a value out of range as an error (with ±Inf).
  if (!Number.isFinite(f)) return undefined;
  return f;
}

const mapRunes = (s: string, f: (c: string) => string) =>
  Array.from(s)
    .map((c) => {
      const m = f(c);
      return Array.from(m).length === 1 ? m : c;
    })
    .join('');

export const goToUpper = (s: string) => mapRunes(s, (c) => c.toUpperCase());
export const goToLower = (s: string) => mapRunes(s, (c) => c.toLowerCase());
export const goTrimSpace = (s: string) => s.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');

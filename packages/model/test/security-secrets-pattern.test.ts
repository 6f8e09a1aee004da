import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSIGNMENTS } from '../src/security/secrets.js';

/**
 * The plain definition of a `NAME=value` assignment. The lint's pattern adds a lookbehind so that a run of name
 * characters not ending in `=` is scanned once instead of once per letter; it must find exactly the same names and
 * values.
 */
const PLAIN = /([A-Za-z_][\w.-]*)=(?=([^\s,;]+))/g;

const pairs = (pattern: RegExp, text: string): [string, string][] =>
  [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => [m[1] as string, m[2] as string]);

describe('the NAME=value pattern of security/secret-literal', () => {
  const fast = (ASSIGNMENTS[0] as { pattern: RegExp }).pattern;

  it('finds the same names and values as the plain definition', () => {
    // Characters that matter to either pattern: name characters of each class, separators, and the rest.
    const char = fc.constantFrom(...'aZ_9.-=,; \t\n"x:/#$');
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 40 }), (text) => {
        expect(pairs(fast, text)).toEqual(pairs(PLAIN, text));
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it('yields each assignment of a chained argument and skips leading digits, dots and dashes', () => {
    expect(pairs(fast, '--build-arg=NPM_TOKEN=abc 9.x=1 -=2')).toEqual([
      ['build-arg', 'NPM_TOKEN=abc'],
      ['NPM_TOKEN', 'abc'],
      ['x', '1'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { isDigit, isLetter, isSpace } from '../src/expr/go-unicode.js';

describe("the lexers' character classes", () => {
  it('answer every character as the Unicode property classes do (ASCII from the table, the rest from the regex)', () => {
    const classes = [
      [isSpace, /^\p{White_Space}$/u],
      [isLetter, /^\p{L}$/u],
      [isDigit, /^\p{Nd}$/u],
    ] as const;
    const characters = [
      '',
      ...Array.from({ length: 0x3000 }, (_, code) => String.fromCharCode(code)),
      '\u{1d400}', // a letter outside the BMP (two UTF-16 units)
      '\u{1d7ce}', // a digit outside the BMP
    ];
    for (const [classOf, pattern] of classes) {
      const disagreements = characters.filter((c) => classOf(c) !== pattern.test(c));
      expect(disagreements).toEqual([]);
    }
    expect([isLetter('é'), isDigit('٣'), isSpace('\u00a0'), isLetter('1'), isDigit('a')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

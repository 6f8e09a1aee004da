// Generated `depends` logic for the two property tests of its readers (depends-plain, depends-read): mostly what
// teams write (`&&`, `||`, `!`, parentheses over operands), sometimes what only expr-lang reads (its other operators,
// keywords for names, odd blanks, stray characters after a term).
import fc from 'fast-check';

export const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** Blanks plain logic allows, none at all, and one it does not (a no-break space). */
export const BLANK = pick(' ', ' ', '', '  ', '\t', '\n', '\u00a0');

/** Logic over `operand`; `tails` are what may follow a term (a stray parenthesis, a result, a character). */
export function dependsText(operand: fc.Arbitrary<string>, tails: readonly string[]): fc.Arbitrary<string> {
  return fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      operand,
      fc
        .tuple(
          tie('e'),
          BLANK,
          fc.oneof({ weight: 8, arbitrary: pick('&&', '||') }, pick('and', 'or', '==', '!=', '&', '|', '??')),
          BLANK,
          tie('e'),
        )
        .map((t) => t.join('')),
      fc
        .tuple(fc.oneof({ weight: 4, arbitrary: pick('!') }, pick('not ', '! ', '!!', '!=', '-')), tie('e'))
        .map((t) => t.join('')),
      fc.tuple(BLANK, tie('e'), BLANK).map(([x, e, y]) => `(${x}${e}${y})`),
      fc.tuple(tie('e'), pick(...tails)).map((t) => t.join('')),
    ),
  })).e;
}

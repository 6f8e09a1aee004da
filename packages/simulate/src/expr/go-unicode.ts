/**
 * Go's `unicode.IsSpace`, `unicode.IsLetter` and `unicode.IsDigit` on one character, as both lexers (expr-lang's and
 * govaluate's) test every character of their input. An ASCII character is answered from a table computed once from
 * the very same property class: a Unicode-property regex per character was most of the time lexing took.
 */
function characterClass(pattern: RegExp): (c: string) => boolean {
  const ascii = Array.from({ length: 0x80 }, (_, code) => pattern.test(String.fromCharCode(code)));
  return (c) => {
    const code = c.length === 1 ? c.charCodeAt(0) : 0x80;
    return code < 0x80 ? (ascii[code] as boolean) : pattern.test(c);
  };
}

export const isSpace = characterClass(/^\p{White_Space}$/u);
export const isLetter = characterClass(/^\p{L}$/u);
export const isDigit = characterClass(/^\p{Nd}$/u);

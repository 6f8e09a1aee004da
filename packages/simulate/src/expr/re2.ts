/**
 * Go's regular expressions (RE2 syntax, `regexp.Compile`), as govaluate's `=~`/`!~` and expr-lang's `matches` use
 * them, translated to a JavaScript RegExp for the subset where both mean the same: literals, `.`, `^`, `$`, `|`,
 * `\A`, `\z`, groups `(…)`/`(?:…)`, the quantifiers `* + ? {n} {n,} {n,m}` (lazy too), classes `[…]` with ranges and
 * `\d \w \s \D \W \S`, `\b \B`, and escaped punctuation. Go's meanings are kept where JavaScript's differ: `.` does
 * not match only `\n` (JavaScript also refuses `\r`, U+2028, U+2029), `\s` is `[\t\n\f\r ]`, a `{` that starts no
 * repeat is a literal. Patterns Go refuses (a repeat of nothing, nested repeats, unbalanced groups, a bad range, a
 * count over 1000, a trailing `\`) are errors as in Go; anything else (flags `(?i)`, named groups, `\p{…}`,
 * POSIX classes, octal or hex escapes) is outside the subset and said so, never guessed.
 */

export type Re2 =
  | { readonly kind: 'ok'; readonly regexp: RegExp }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'unsupported'; readonly construct: string };

const PUNCT = '\\.+*?()|[]{}^$-/!"#%&\',:;<=>@_`~';
const GO_SPACE = '\\t\\n\\f\\r ';

export function compileRe2(pattern: string): Re2 {
  const chars = Array.from(pattern);
  let i = 0;
  let out = '';
  let depth = 0;
  // Whether the last item can take a quantifier, and whether it already has one (Go: "invalid nested repetition").
  let atom = false;
  let repeated = false;
  // Go repeats an empty-width assertion (`^*`); JavaScript refuses it: outside the subset.
  let assertion = false;
  const err = (message: string): Re2 => ({ kind: 'error', message: `error parsing regexp: ${message}` });
  const unsupported = (construct: string): Re2 => ({ kind: 'unsupported', construct });
  while (i < chars.length) {
    const c = chars[i] as string;
    const afterAssertion = assertion;
    assertion = false;
    if (c === '\\') {
      const e = chars[i + 1];
      if (e === undefined) return err('trailing backslash at end of expression');
      if (e === 'A' || e === 'z') {
        // Start and end of the text: JavaScript's ^ and $ without the m flag.
        out += e === 'A' ? '^' : '$';
        atom = false;
        assertion = true;
        repeated = false;
        i += 2;
        continue;
      }
      if ('dDwWbB'.includes(e)) out += `\\${e}`;
      else if (e === 's') out += `[${GO_SPACE}]`;
      else if (e === 'S') out += `[^${GO_SPACE}]`;
      else if (PUNCT.includes(e)) out += escapeLiteral(e);
      else return unsupported(`the escape \\${e}`);
      atom = e !== 'b' && e !== 'B';
      assertion = !atom;
      repeated = false;
      i += 2;
      continue;
    }
    if (c === '[') {
      const cls = translateClass(chars, i);
      if ('kind' in cls) return cls;
      out += cls.js;
      i = cls.end;
      atom = true;
      repeated = false;
      continue;
    }
    if (c === '(') {
      if (chars[i + 1] === '?') {
        if (chars[i + 2] !== ':') return unsupported('a group with flags or a name, (?…)');
        out += '(?:';
        i += 3;
      } else {
        out += '(';
        i += 1;
      }
      depth++;
      atom = false;
      repeated = false;
      continue;
    }
    if (c === ')') {
      if (depth === 0) return err(`unexpected ): \`${pattern}\``);
      depth--;
      out += ')';
      i++;
      atom = true;
      repeated = false;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      let q = c;
      let next = i + 1;
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(chars.slice(i).join(''));
        if (!m) {
          // Not a repeat: a literal brace, as in Go.
          out += '\\{';
          i++;
          atom = true;
          repeated = false;
          continue;
        }
        const min = Number(m[1]);
        const max = m[3] === undefined || m[3] === '' ? undefined : Number(m[3]);
        if (min > 1000 || (max !== undefined && (max > 1000 || max < min)))
          return err(`invalid repeat count: \`${m[0]}\``);
        q = m[0];
        next = i + Array.from(m[0]).length;
      }
      if (afterAssertion) return unsupported('a repeated assertion');
      if (repeated) return err(`invalid nested repetition operator: \`${q}\``);
      if (!atom) return err(`missing argument to repetition operator: \`${q}\``);
      out += q;
      i = next;
      if (chars[i] === '?') {
        out += '?';
        i++;
      }
      repeated = true;
      continue;
    }
    if (c === '|') {
      out += '|';
      atom = false;
      repeated = false;
      i++;
      continue;
    }
    assertion = c === '^' || c === '$';
    if (c === '.') out += '[^\\n]';
    else if (assertion) out += c;
    else out += escapeLiteral(c);
    atom = !assertion;
    repeated = false;
    i++;
  }
  if (depth > 0) return err(`missing closing ): \`${pattern}\``);
  try {
    return { kind: 'ok', regexp: new RegExp(out, 'u') };
  } catch (e) {
    return unsupported(`the pattern ${JSON.stringify(pattern)} (${(e as Error).message})`);
  }
}

/** A literal character in a JavaScript `u` pattern: only syntax characters and `/` may be escaped there. */
function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

/** A class `[…]` from position `start`: its JavaScript text and where it ends, or why not. */
function translateClass(chars: readonly string[], start: number): { js: string; end: number } | Re2 {
  let i = start + 1;
  let js = '[';
  if (chars[i] === '^') {
    js += '^';
    i++;
  }
  if (chars[i] === ']') return { kind: 'unsupported', construct: 'a class that starts with ]' };
  if (chars[i] === '[' && chars[i + 1] === ':') return { kind: 'unsupported', construct: 'a POSIX class [[:…:]]' };
  let empty = true;
  while (i < chars.length && chars[i] !== ']') {
    const c = chars[i] as string;
    let single: string | undefined;
    if (c === '\\') {
      const e = chars[i + 1];
      if (e === undefined)
        return { kind: 'error', message: 'error parsing regexp: trailing backslash at end of expression' };
      if ('dDwW'.includes(e)) js += `\\${e}`;
      else if (e === 's') js += GO_SPACE;
      else if (PUNCT.includes(e)) single = e;
      else return { kind: 'unsupported', construct: `the escape \\${e} in a class` };
      i += 2;
    } else if (c === '[' && chars[i + 1] === ':') {
      return { kind: 'unsupported', construct: 'a POSIX class [[:…:]]' };
    } else {
      single = c;
      i++;
    }
    if (single !== undefined) {
      if (chars[i] === '-' && chars[i + 1] !== undefined && chars[i + 1] !== ']') {
        let hi = chars[i + 1] as string;
        let step = 2;
        if (hi === '\\') {
          const e = chars[i + 2];
          if (e === undefined || !PUNCT.includes(e))
            return { kind: 'unsupported', construct: 'a class range ending in an escape' };
          hi = e;
          step = 3;
        }
        if ((hi.codePointAt(0) as number) < (single.codePointAt(0) as number))
          return { kind: 'error', message: `error parsing regexp: invalid character class range: \`${single}-${hi}\`` };
        js += `${escapeInClass(single)}-${escapeInClass(hi)}`;
        i += step;
      } else {
        js += escapeInClass(single);
      }
    }
    empty = false;
  }
  if (i >= chars.length) return { kind: 'error', message: 'error parsing regexp: missing closing ]' };
  if (empty) return { kind: 'unsupported', construct: 'an empty class' };
  return { js: `${js}]`, end: i + 1 };
}

function escapeInClass(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

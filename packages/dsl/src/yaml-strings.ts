/**
 * Strings in block context (a map value or a sequence item), written byte for byte as yaml@2's stringifyString
 * writes them with toYaml's options (lineWidth 0, blockQuote 'literal', double quotes). Each function mirrors the
 * library function of the same role; `Decline` is thrown where the library would do something these do not copy
 * (folding a long multi-line double-quoted string), and the caller then falls back to the library.
 */
export class Decline extends Error {}
export const DECLINE = new Decline();

/** yaml's plainString(): what cannot be a plain scalar */
export const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** Control characters and lone surrogates: yaml forces double quotes on them. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point (yaml's own test)
export const NEEDS_ESCAPES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;
export const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/** yaml's doubleQuotedMinMultiLineLength default: shorter strings keep `\n` escapes on one line. */
const MIN_MULTI_LINE_LENGTH = 40;
const ESCAPES: Readonly<Record<string, string>> = {
  '0000': '\\0',
  '0007': '\\a',
  '000b': '\\v',
  '001b': '\\e',
  '0085': '\\N',
  '00a0': '\\_',
  '2028': '\\L',
  '2029': '\\P',
};

/** yaml's doubleQuotedString() outside implicit keys, where lineWidth 0 means it is never folded. */
export function doubleQuoted(value: string): string {
  const json = JSON.stringify(value);
  let str = '';
  let start = 0;
  for (let i = 0; i < json.length; i++) {
    let ch = json[i];
    if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
      // a space before a newline is escaped, or a reader would fold it away
      str += `${json.slice(start, i)}\\ `;
      i += 1;
      start = i;
      ch = '\\';
    }
    if (ch !== '\\') continue;
    const next = json[i + 1];
    if (next === 'u') {
      str += json.slice(start, i);
      const code = json.substr(i + 2, 4);
      str += ESCAPES[code] ?? (code.startsWith('00') ? `\\x${code.slice(2)}` : json.substr(i, 6));
      i += 5;
      start = i + 1;
    } else if (next === 'n') {
      // A newline inside a long string becomes a real line break in yaml's output: not copied here.
      if (json[i + 2] !== '"' && json.length >= MIN_MULTI_LINE_LENGTH) throw DECLINE;
      i += 1;
    } else {
      i += 1;
    }
  }
  return start ? str + json.slice(start) : json;
}

/** `\n` runs not at the end, each followed by the indentation of the block (yaml's blockEndNewlines) */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

/**
 * yaml's blockString() for a literal block scalar (`|`, `|-`, `|+`, with an indentation indicator when the text
 * starts with a space); `indent` is the indentation of the block's lines.
 */
export function literalBlock(text: string, indent: string): string {
  // A block cannot end in a whitespace-only line: yaml writes such a string double-quoted.
  if (/\n[\t ]+$/.test(text)) return doubleQuoted(text);
  let value = text;
  let endStart = value.length;
  while (endStart > 0) {
    const ch = value[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
    endStart--;
  }
  let end = value.substring(endStart);
  const endNlPos = end.indexOf('\n');
  const chomp = endNlPos === -1 ? '-' : value === end || endNlPos !== end.length - 1 ? '+' : '';
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNlPos = -1;
  for (; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNlPos = startEnd;
    else break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

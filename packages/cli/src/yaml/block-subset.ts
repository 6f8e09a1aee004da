import { GoDecodeError, jsonScalar, setKey } from './go-value.js';
import { resolveGoScalar } from './go-yaml-scalar.js';
import type { Offsets } from './locate.js';

/**
 * The fast path of the reader: the plain subset of YAML that Kubernetes and Argo files are almost always written in,
 * read in one pass over the text, without yaml@2's lexer, parser and composer (about two thirds of `validate`'s CPU
 * time on the upstream examples, most of it spent before V8 has optimised the library's code).
 *
 * The subset: block maps with plain keys, block sequences (compact ones too: `- - name: a`, `- key: v`), single-line
 * plain scalars, quoted scalars, flow collections (`[sh, -c]`, `[{name: a, value: b}]`) of those, literal block scalars
 * (`|`, `|-`) and folded ones without more indented lines (`>`, `>-`). Scalars and keys resolve with the very
 * functions the full reader uses (go-yaml-scalar.ts, go-value.ts). Anything else, and anything that would be an error
 * (duplicate keys, odd indentation, a value Argo refuses), is left to the full reader: `undefined` says "not mine",
 * never "invalid". test/yaml-reader-paths.test.ts holds this reader to the full one (values, key order and every
 * offset) over Argo's and this repository's YAML and random documents. See docs/yaml.md.
 */
export function readBlockSubset(text: string, offsets: Offsets): { value: unknown; root: number } | undefined {
  if (UNUSUAL.test(text)) return undefined;
  try {
    return new SubsetReader(text, offsets).document();
  } catch (error) {
    if (error === NOT_IN_SUBSET || error instanceof GoDecodeError) return undefined;
    throw error;
  }
}

/** Characters the subset leaves to the full reader wherever they appear: tabs, other line breaks, a BOM. */
const UNUSUAL = /[\t\r\x85\u2028\u2029\uFEFF]/;
/** Thrown (and caught above) where the text leaves the subset. */
const NOT_IN_SUBSET = Symbol('not in the block subset');
/** Characters that open something other than a plain scalar (or that YAML reserves) at the start of a scalar. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
/** What ends a plain scalar in a flow collection. */
const FLOW_END = new Set([',', ']', '}']);
/** Deep nesting is left to the full reader, which enforces MAX_DEPTH with its own message. */
const MAX_SUBSET_DEPTH = 100;

function out(): never {
  throw NOT_IN_SUBSET;
}

class SubsetReader {
  private readonly text: string;
  private readonly offsets: Offsets;
  private depth = 0;
  /** The current content line (not blank, not only a comment): where it starts, its indent and its end. */
  private lineStart = 0;
  private indent = 0;
  /** Where the content starts: lineStart + indent, or later on a line that holds a compact item (`- a: 1`). */
  private at = 0;
  private lineEnd = 0;
  private atEnd = false;

  constructor(text: string, offsets: Offsets) {
    this.text = text;
    this.offsets = offsets;
  }

  document(): { value: unknown; root: number } | undefined {
    if (!this.seekContent(0)) return undefined; // no content: the full reader decides what that is
    const t = this.text;
    if (this.indent === 0 && (t.startsWith('---', this.at) || t.startsWith('...', this.at))) {
      // A `---` line of its own (the first piece of a file that starts with one) starts the document.
      if (!t.startsWith('---', this.at) || !this.restIsBlank(this.at + 3)) out();
      if (!this.seekContent(this.lineEnd + 1)) out();
      if (this.indent === 0 && (t.startsWith('---', this.at) || t.startsWith('...', this.at))) out();
    }
    const root = this.at;
    const value = this.block();
    if (!this.atEnd) out(); // content left over, less indented than the first line
    return { value, root };
  }

  /**
   * Moves to the first content line at or after `from`; false at the end of the text. A line that starts with
   * `---` or `...` (a document marker) is left to the full reader.
   */
  private seekContent(from: number): boolean {
    const t = this.text;
    let start = from;
    while (start < t.length) {
      let end = t.indexOf('\n', start);
      if (end === -1) end = t.length;
      let i = start;
      while (i < end && t.charCodeAt(i) === 32) i++;
      if (i < end && t[i] !== '#') {
        if (i === start && (t.startsWith('---', i) || t.startsWith('...', i)) && this.depth > 0) out();
        this.lineStart = start;
        this.indent = i - start;
        this.at = i;
        this.lineEnd = end;
        this.atEnd = false;
        return true;
      }
      start = end + 1;
    }
    this.atEnd = true;
    return false;
  }

  /** After a value that ends its line: the rest is blank or a comment; then on to the next content line. */
  private finishLine(from: number): void {
    if (!this.restIsBlank(from)) out();
    this.seekContent(this.lineEnd + 1);
  }

  /** Whether the line holds only spaces from `from`, then perhaps a comment (after a space). */
  private restIsBlank(from: number): boolean {
    const t = this.text;
    let i = from;
    while (i < this.lineEnd && t.charCodeAt(i) === 32) i++;
    return i === this.lineEnd || (t[i] === '#' && i > from);
  }

  private isDash(i: number): boolean {
    return this.text[i] === '-' && (i + 1 === this.lineEnd || this.text[i + 1] === ' ');
  }

  /** The block node whose first line is the current one, at the current indent. */
  private block(): unknown {
    if (++this.depth > MAX_SUBSET_DEPTH) out();
    const value = this.isDash(this.at) ? this.sequence(this.indent) : this.mapping(this.indent);
    this.depth--;
    return value;
  }

  private mapping(indent: number): Record<string, unknown> {
    const t = this.text;
    const map: Record<string, unknown> = {};
    const keyOffsets: number[] = [];
    this.offsets.set(map, keyOffsets);
    const keyIds = new Map<string, string>();
    for (;;) {
      const keyAt = this.at;
      const colon = this.keyEnd(keyAt);
      const keyText = t.slice(keyAt, colon);
      if (keyText === '<<') out(); // a merge key
      const key = resolveGoScalar(keyText, true, '');
      let value: unknown;
      let from = colon + 1;
      while (from < this.lineEnd && t.charCodeAt(from) === 32) from++;
      if (from === this.lineEnd || t[from] === '#') {
        // The value is on the lines below: a block node more indented, a sequence at the key's indent, or nothing.
        this.seekContent(this.lineEnd + 1);
        if (this.atEnd || this.indent < indent) value = null;
        else if (this.indent > indent) value = this.block();
        else value = this.isDash(this.at) ? this.sequence(indent) : null;
      } else {
        value = this.inline(from, indent);
      }
      setKey(map, keyIds, key, value, keyAt);
      keyOffsets.push(keyAt);
      if (this.atEnd || this.indent < indent) return map;
      if (this.indent > indent || this.isDash(this.at)) out();
    }
  }

  /** The end of a plain key that starts at `from`: its `:` (followed by a space or the line's end). */
  private keyEnd(from: number): number {
    const t = this.text;
    if (INDICATORS.has(t[from] as string)) out();
    for (let i = from + 1; i < this.lineEnd; i++) {
      const c = t[i];
      if (c === ':') {
        if (i + 1 < this.lineEnd && t[i + 1] !== ' ') out(); // `a:b: c`: left to the full reader
        if (t[i - 1] === ' ' || i - from > 1000) out();
        return i;
      }
      if (c === '#' && t[i - 1] === ' ') out();
    }
    return out();
  }

  private sequence(indent: number): unknown[] {
    const t = this.text;
    const items: unknown[] = [];
    const itemOffsets: number[] = [];
    for (;;) {
      let from = this.at + 1;
      while (from < this.lineEnd && t.charCodeAt(from) === 32) from++;
      if (from === this.lineEnd || t[from] === '#') {
        // The item on the lines below (an empty item is left to the full reader).
        this.seekContent(this.lineEnd + 1);
        if (this.atEnd || this.indent <= indent) out();
        itemOffsets.push(this.at);
        items.push(this.block());
      } else if (this.isDash(from) || this.isKeyLine(from)) {
        itemOffsets.push(from);
        // A compact nested node (`- - a`, `- name: a`): its lines continue at the column where it starts.
        this.indent = from - this.lineStart;
        this.at = from;
        items.push(this.block());
      } else {
        itemOffsets.push(from);
        items.push(this.inline(from, indent));
      }
      if (this.atEnd || this.indent < indent) break;
      if (this.indent > indent) out();
      if (!this.isDash(this.at)) break; // the next key of the map this sequence is the value of
    }
    this.offsets.set(items, itemOffsets);
    return items;
  }

  /** Whether a plain key (`name: …`, `name:`) starts at `from`. */
  private isKeyLine(from: number): boolean {
    const t = this.text;
    if (INDICATORS.has(t[from] as string)) return false;
    for (let i = from + 1; i < this.lineEnd; i++) {
      const c = t[i];
      if (c === ':' && (i + 1 === this.lineEnd || t[i + 1] === ' ')) return true;
      if (c === '#' && t[i - 1] === ' ') return false;
    }
    return false;
  }

  /** A value that starts on the current line at `from`, in a block whose indent is `indent`. */
  private inline(from: number, indent: number): unknown {
    const t = this.text;
    const c = t[from];
    if (c === '"' || c === "'") {
      const { value, end } = this.quoted(from);
      this.finishLine(end);
      return value;
    }
    if (c === '[' || c === '{') {
      const { value, end } = this.flow(from);
      this.finishLine(end);
      return value;
    }
    if (c === '|' || c === '>') return this.blockScalar(from, indent);
    return this.plain(from);
  }

  /** A single-line plain scalar in block context, to a comment or the line's end. */
  private plain(from: number): unknown {
    const t = this.text;
    const c = t[from] as string;
    if (INDICATORS.has(c) && !((c === '-' || c === '?' || c === ':') && !this.blankAt(from + 1))) out();
    let end = from + 1;
    while (end < this.lineEnd && !(t[end] === '#' && t[end - 1] === ' ')) end++; // to a comment or the line's end
    while (t.charCodeAt(end - 1) === 32) end--;
    const s = t.slice(from, end);
    if (s.includes(': ') || s.endsWith(':')) out();
    const value = jsonScalar(resolveGoScalar(s, true, ''), from);
    this.seekContent(this.lineEnd + 1);
    // A more indented line below would continue the scalar (a multi-line plain scalar): the caller refuses it.
    return value;
  }

  private blankAt(i: number): boolean {
    return i >= this.lineEnd || this.text[i] === ' ';
  }

  /**
   * A quoted scalar (escapes: `\"` and `\\` only). Over several lines, it is folded as YAML folds it: a line break
   * reads as a space, or as one line break per empty line after it, white space around line breaks dropped; go-yaml
   * does not check the indentation of those lines. The current line becomes the one with the closing quote; `end` is
   * just past that quote.
   */
  private quoted(from: number): { value: string; end: number } {
    const t = this.text;
    const q = t[from];
    let i = from + 1;
    let value = '';
    let empties = -1; // empty lines since the last line with content; -1 on the first line
    for (;;) {
      let piece = '';
      let chunk = i;
      let closed = false;
      while (i < this.lineEnd) {
        const c = t[i];
        if (q === '"') {
          if (c === '"') {
            closed = true;
            break;
          }
          if (c === '\\') {
            const e = t[i + 1];
            if (e !== '"' && e !== '\\') out();
            piece += t.slice(chunk, i) + e;
            i += 2;
            chunk = i;
            continue;
          }
        } else if (c === "'") {
          if (t[i + 1] !== "'") {
            closed = true;
            break;
          }
          piece += t.slice(chunk, i + 1);
          i += 2;
          chunk = i;
          continue;
        }
        i++;
      }
      piece += t.slice(chunk, i);
      if (!closed) piece = piece.replace(/ +$/, '');
      if (empties === -1) {
        value = piece;
        empties = 0;
      } else if (piece === '' && !closed) empties++;
      else {
        value += (empties === 0 ? ' ' : '\n'.repeat(empties)) + piece;
        empties = 0;
      }
      if (closed) break;
      this.nextLine();
      i = this.lineStart;
      while (i < this.lineEnd && t.charCodeAt(i) === 32) i++;
    }
    return { value: jsonScalar(resolveGoScalar(value, false, ''), from) as string, end: i + 1 };
  }

  /** Moves on to the next line (inside a flow node); a document marker there is left to the full reader. */
  private nextLine(): void {
    const t = this.text;
    if (this.lineEnd >= t.length) out();
    this.lineStart = this.lineEnd + 1;
    const end = t.indexOf('\n', this.lineStart);
    this.lineEnd = end === -1 ? t.length : end;
    if (t.startsWith('---', this.lineStart) || t.startsWith('...', this.lineStart)) out();
  }

  /**
   * A flow node: `[a, "b", -c]`, `{name: a, value: "b"}`, nested, with plain keys, one-line plain scalars and quoted
   * ones; the current line becomes the one where it ends, `end` is just past it.
   */
  private flow(from: number): { value: unknown; end: number } {
    const t = this.text;
    const c = t[from];
    if (c === '"' || c === "'") return this.quoted(from);
    if (c !== '[' && c !== '{') {
      let end = from;
      while (end < this.lineEnd && !FLOW_END.has(t[end] as string)) end++;
      if (end === this.lineEnd) out(); // a plain scalar might go on on the next line
      const stop = end;
      while (end > from && t.charCodeAt(end - 1) === 32) end--;
      const s = t.slice(from, end);
      // `-c` is plain; a lone `-` (which go-yaml reads as "-") and other indicators are left to the full reader.
      if (s === '' || (INDICATORS.has(s[0] as string) && !(s[0] === '-' && s.length > 1)) || /[:#[\]{}]/.test(s)) out();
      return { value: jsonScalar(resolveGoScalar(s, true, ''), from), end: stop };
    }
    if (++this.depth > MAX_SUBSET_DEPTH) out();
    const isMap = c === '{';
    const close = isMap ? '}' : ']';
    const map: Record<string, unknown> = {};
    const keyIds = new Map<string, string>();
    const items: unknown[] = [];
    const entryOffsets: number[] = [];
    let i = from + 1;
    // White space, line breaks and comments between the tokens of a collection (go-yaml does not check the
    // indentation of its lines).
    const skip = () => {
      for (;;) {
        while (i < this.lineEnd && t.charCodeAt(i) === 32) i++;
        if (i < this.lineEnd && !(t[i] === '#' && t[i - 1] === ' ')) return;
        this.nextLine();
        i = this.lineStart;
      }
    };
    skip();
    if (t[i] === close) i++;
    else
      for (;;) {
        skip();
        entryOffsets.push(i);
        if (isMap) {
          const keyAt = i;
          if (INDICATORS.has(t[i] as string)) out();
          while (i < this.lineEnd && t[i] !== ':') {
            if (FLOW_END.has(t[i] as string) || t[i] === '#') out();
            i++;
          }
          if (i >= this.lineEnd || t[i + 1] !== ' ' || t[i - 1] === ' ') out();
          const key = resolveGoScalar(t.slice(keyAt, i), true, '');
          i++;
          skip();
          const entry = this.flow(i);
          setKey(map, keyIds, key, entry.value, keyAt);
          i = entry.end;
        } else {
          const item = this.flow(i);
          items.push(item.value);
          i = item.end;
        }
        skip();
        if (t[i] === close) {
          i++;
          break;
        }
        if (t[i] !== ',') out();
        i++;
        skip();
        if (t[i] === close) out(); // a trailing comma
      }
    this.depth--;
    const value = isMap ? map : items;
    this.offsets.set(value, entryOffsets);
    return { value, end: i };
  }

  /**
   * A block scalar (`|`, `|-`, `>`, `>-`) whose content is more indented than `indent`. Literal: its lines as written
   * past the content's indent. Folded: lines joined by a space, an empty line between them read as a line break (a
   * more indented line, which folds otherwise, is left to the full reader). A final line break is kept (`|`, `>`)
   * unless the text ends on the last line, which has none (go-yaml), or dropped (`-`) with the trailing empty lines.
   */
  private blockScalar(from: number, indent: number): string {
    const t = this.text;
    const folded = t[from] === '>';
    let i = from + 1;
    const strip = t[i] === '-';
    if (strip) i++;
    if (i < this.lineEnd && t[i] !== ' ') out(); // `|+`, `|2`, …
    if (!this.restIsBlank(i)) out();
    const lines: string[] = [];
    let contentIndent = -1;
    let lastContent = -1; // index in `lines` of the last line with content
    let finalBreak = true;
    let start = this.lineEnd + 1;
    while (start < t.length) {
      let end = t.indexOf('\n', start);
      if (end === -1) end = t.length;
      let s = start;
      while (s < end && t.charCodeAt(s) === 32) s++;
      if (s === end) {
        if (contentIndent === -1 ? s > start || folded : s - start > contentIndent) out(); // spaces that might be content
        lines.push('');
      } else {
        if (contentIndent === -1) {
          if (s - start <= indent) out(); // an empty scalar
          contentIndent = s - start;
        }
        if (s - start < contentIndent) break;
        if (folded && (s - start > contentIndent || t[s] === ' ')) out(); // a more indented line
        lines.push(t.slice(start + contentIndent, end));
        lastContent = lines.length - 1;
        finalBreak = end < t.length;
      }
      start = end + 1;
    }
    if (lastContent === -1) out();
    const content = lines.slice(0, lastContent + 1);
    const body = folded ? fold(content) : content.join('\n');
    this.seekContent(start);
    return strip || !finalBreak ? body : `${body}\n`;
  }
}

/** Folded lines: a space between two lines with text, a line break for each empty line between them. */
function fold(lines: readonly string[]): string {
  let text = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') text += '\n';
    else text += lines[i - 1] === '' ? line : ` ${line}`;
  }
  return text;
}

import { RETYPED_FIRST } from './yaml-retyped.js';
import { DECLINE, DOCUMENT_MARKER, doubleQuoted, literalBlock, NEEDS_ESCAPES, NOT_PLAIN } from './yaml-strings.js';

/**
 * A fast path for `toYaml`: emits the common case (block maps and sequences of strings, safe integers and booleans)
 * directly, byte for byte as the `yaml` library writes it with toYaml's options, and returns `undefined` for anything
 * else so that the caller falls back to the library. The equivalence is proven by the property tests in
 * test/yaml-fast.test.ts (random documents, compared with the library path). It does not import the library: loading
 * `yaml` costs more than writing most documents.
 *
 * What it mirrors from yaml@2's stringifier (lineWidth 0, indent 2, indentSeq, double quotes, no anchors):
 * - a string is plain unless yaml's plainString() would quote it: a leading indicator, `: `, ` #`, a trailing space
 *   or colon, or a value that a YAML 1.1 or core tag would re-type (`yes`, `on`, `0755`, `1:20`, `~`, dates…);
 *   quoted, it is double-quoted with yaml's escapes (yaml-strings.ts);
 * - a multi-line value is a literal block scalar (`|`, `|-`, `|+`, `|2-`…), as scripts and manifests read best;
 * - empty collections are `[]` and `{}`, sequences are indented below their key, a map in a sequence starts on the
 *   `- ` line.
 * Keys stay on the narrow path (printable ASCII); anything else about them goes to the library.
 */

export interface FastYamlOptions {
  /** The key order of toYaml (compareKeys on plain strings). */
  readonly compare: (a: string, b: string) => number;
  /** Strings toYaml forces into double quotes. */
  readonly forceQuotes: (s: string) => boolean;
  /** Plain scalars a reader would re-type (yaml-retyped.ts): these are quoted. */
  readonly retyped: readonly RegExp[];
}

/** printable ASCII without `"` and `\`: double-quoted, such a string is itself between quotes */
const SIMPLE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The document as toYaml writes it, or undefined when it holds anything the fast path does not cover. */
export function fastYaml(value: unknown, options: FastYamlOptions): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isPlainObject(value)) return undefined;
  const { compare, forceQuotes, retyped } = options;

  const isRetyped = (s: string): boolean => {
    if (s !== '' && !RETYPED_FIRST.test(s)) return false;
    for (const t of retyped) if (t.test(s)) return true;
    return false;
  };

  /** A single-line string of printable ASCII without `"` or `\`: plain, or itself between double quotes. */
  const simpleString = (s: string): string => {
    if (forceQuotes(s) || NOT_PLAIN.test(s)) return `"${s}"`;
    if (DOCUMENT_MARKER.test(s)) throw DECLINE; // yaml's handling depends on the indentation
    return isRetyped(s) ? `"${s}"` : s;
  };

  // Keys repeat (name, image, args…) and so do key sets: their texts and sorted orders are worked out once per call.
  /** A key's text with its colon, `name:` (every map entry starts with one). */
  const keyTexts = new Map<string, string>();
  const keyColon = (s: string): string => {
    let text = keyTexts.get(s);
    if (text !== undefined) return text;
    if (!SIMPLE.test(s)) throw DECLINE;
    text = simpleString(s); // `<<` (a merge key) is quoted as re-typed
    if (text === s && s.length > 1000) throw DECLINE; // yaml writes a long plain key as an explicit `? ` key
    text = `${text}:`;
    keyTexts.set(s, text);
    return text;
  };
  /**
   * Key orders already worked out, by first key: each entry pairs a key list as Object.keys gave it with its order.
   * Looking a list up compares it key by key (property names are interned, so each compare is cheap) rather than
   * joining it into a string to hash: there is one lookup per map of the document.
   */
  const orders = new Map<string, { readonly keys: readonly string[]; readonly order: readonly string[] }[]>();
  const sortedKeys = (obj: object): readonly string[] => {
    const keys = Object.keys(obj);
    const first = keys[0];
    if (first === undefined) return keys;
    let known = orders.get(first);
    if (known === undefined) {
      known = [];
      orders.set(first, known);
    } else {
      for (let i = 0; i < known.length; i++) {
        const entry = known[i] as (typeof known)[number];
        if (sameKeys(entry.keys, keys)) return entry.order;
      }
    }
    const order = [...keys].sort(compare);
    known.push({ keys, order });
    return order;
  };
  /** By depth: the indentation, and a line break followed by it (both made once). */
  const indents = [''];
  const breaks = ['\n'];
  /** By depth: a line break, the indentation and a sequence item's dash. */
  const dashes = ['\n-'];
  /** By depth: each key's text at the start of a line of its own, `\n  name:`, made once per key and depth. */
  const keyLines: Map<string, string>[] = [new Map()];
  const deepen = (depth: number): void => {
    while (indents.length <= depth) {
      const indent = `${indents[indents.length - 1]}  `;
      indents.push(indent);
      breaks.push(`\n${indent}`);
      dashes.push(`\n${indent}-`);
      keyLines.push(new Map());
    }
  };
  const keyLine = (k: string, depth: number): string => {
    const lines = keyLines[depth] as Map<string, string>;
    let line = lines.get(k);
    if (line === undefined) {
      line = `${breaks[depth]}${keyColon(k)}`;
      lines.set(k, line);
    }
    return line;
  };

  // Values repeat too (images, commands, paths, parameter names): a single-line value's text, once worked out, is
  // looked up rather than tested against five patterns again. Kept as written after `key:` or `- `, space included.
  const lineTexts = new Map<string, string>();

  /** A string value as written after `key:` or `- `; `depth` is where the lines of a block scalar go. */
  const valueString = (s: string, depth: number): string => {
    if (SIMPLE.test(s)) {
      // nearly every value: skip the escape and newline tests
      const text = ` ${simpleString(s)}`;
      lineTexts.set(s, text);
      return text;
    }
    if (forceQuotes(s) || NEEDS_ESCAPES.test(s)) return ` ${doubleQuoted(s)}`;
    if (s.includes('\n')) {
      deepen(depth);
      return ` ${literalBlock(s, indents[depth] as string)}`;
    }
    if (NOT_PLAIN.test(s)) return ` ${doubleQuoted(s)}`;
    if (DOCUMENT_MARKER.test(s)) throw DECLINE; // yaml's handling depends on the indentation
    return isRetyped(s) ? ` ${doubleQuoted(s)}` : ` ${s}`;
  };

  /** A scalar other than a string, as written after `key:` or `- `. */
  const otherScalar = (v: unknown): string => {
    switch (typeof v) {
      case 'boolean':
        return v ? ' true' : ' false';
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) return ` ${v}`;
        throw DECLINE;
      default:
        if (v === null) return ' null';
        throw DECLINE;
    }
  };

  /**
   * Text after `key:` or `- ` of a node at `depth`: a scalar or empty collection on the same line, or the block below
   * (one level deeper).
   */
  const node = (v: unknown, depth: number, inSeq: boolean): string => {
    if (typeof v === 'string') return lineTexts.get(v) ?? valueString(v, depth + 1);
    if (v === null || typeof v !== 'object') return otherScalar(v);
    deepen(depth + 1);
    if (Array.isArray(v)) {
      if (v.length === 0) return ' []';
      const items = seq(v, depth + 1);
      return inSeq ? ` ${items}` : `${breaks[depth + 1]}${items}`;
    }
    if (!isPlainObject(v)) throw DECLINE;
    const m = map(v, depth + 1);
    if (m === undefined) return ' {}';
    return inSeq ? ` ${m}` : `${breaks[depth + 1]}${m}`;
  };

  /** Items on lines of their own at `depth`; the caller writes the first line's indentation. */
  const seq = (items: readonly unknown[], depth: number): string => {
    // Each line's start is one cached string (fewer pieces for the text to be joined from at the end).
    const dash = dashes[depth] as string;
    let out = '';
    for (let i = 0; i < items.length; i++) {
      if (!(i in items)) throw DECLINE;
      const item = items[i];
      if (item === undefined) throw DECLINE;
      out += i === 0 ? `-${node(item, depth, true)}` : dash + node(item, depth, true);
    }
    return out;
  };

  /** Entries on lines of their own at `depth`; the caller writes the first line's indentation. */
  const map = (obj: Record<string, unknown>, depth: number): string | undefined => {
    const keys = sortedKeys(obj);
    if (keys.length === 0) return undefined;
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const v = obj[k];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') throw DECLINE;
      out += (i === 0 ? keyColon(k) : keyLine(k, depth)) + node(v, depth, false);
    }
    return out;
  };

  try {
    const body = map(value, 0);
    return body === undefined ? '{}\n' : `${body}\n`;
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

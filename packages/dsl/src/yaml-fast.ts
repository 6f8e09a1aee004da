import { type CreateNodeOptions, Document, type DocumentOptions, type SchemaOptions } from 'yaml';

/**
 * A fast path for `toYaml`: emits the common case (block maps and sequences of single-line printable-ASCII strings,
 * safe integers and booleans) directly, byte for byte as the `yaml` library writes it with toYaml's options, and
 * returns `undefined` for anything else so that the caller falls back to the library. The equivalence is proven by
 * the property tests in test/yaml-fast.test.ts (random documents, compared with the library path).
 *
 * What it mirrors from yaml@2's stringifier (lineWidth 0, indent 2, indentSeq, double quotes, no anchors):
 * - a string is plain unless yaml's plainString() would quote it: a leading indicator, `: `, ` #`, a trailing space
 *   or colon, or a value that a YAML 1.1 or core tag would re-type (`yes`, `on`, `0755`, `1:20`, `~`, dates…);
 *   quoted, a string of printable ASCII without `"` or `\` is `"` + itself + `"`;
 * - empty collections are `[]` and `{}`, sequences are indented below their key, a map in a sequence starts on the
 *   `- ` line.
 */

export interface FastYamlOptions {
  /** The key order of toYaml (compareKeys on plain strings). */
  readonly compare: (a: string, b: string) => number;
  /** Strings toYaml forces into double quotes. */
  readonly forceQuotes: (s: string) => boolean;
  /** The Document options toYaml uses, for the schema's tag tests. */
  readonly documentOptions: DocumentOptions & SchemaOptions & CreateNodeOptions;
}

type TagTest = { test: RegExp };

/** printable ASCII without `"` and `\`: double-quoted, such a string is itself between quotes */
const SIMPLE = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
/** yaml's plainString(): what cannot be a plain scalar (single-line case) */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;

const testsCache = new WeakMap<object, readonly RegExp[]>();

function tagTests(options: FastYamlOptions): readonly RegExp[] {
  const cached = testsCache.get(options);
  if (cached) return cached;
  const { tags, compat } = new Document(null, options.documentOptions).schema as unknown as {
    tags: readonly (TagTest & { default?: unknown; tag: string })[];
    compat?: readonly (TagTest & { default?: unknown; tag: string })[] | null;
  };
  const tests = [...tags, ...(compat ?? [])]
    .filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test)
    .map((t) => t.test);
  testsCache.set(options, tests);
  return tests;
}

class Fallback extends Error {}
const FALLBACK = new Fallback();

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The document as toYaml writes it, or undefined when it holds anything the fast path does not cover. */
export function fastYaml(value: unknown, options: FastYamlOptions): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !isPlainObject(value)) return undefined;
  const tests = tagTests(options);
  const { compare, forceQuotes } = options;

  const scalarString = (s: string, isKey: boolean): string => {
    if (!SIMPLE.test(s)) throw FALLBACK;
    if (forceQuotes(s)) return `"${s}"`;
    if (NOT_PLAIN.test(s)) return `"${s}"`;
    if (DOCUMENT_MARKER.test(s)) throw FALLBACK; // yaml's handling depends on the indentation
    for (const t of tests) if (t.test(s)) return `"${s}"`;
    if (isKey && (s === '<<' || s.length > 1000)) throw FALLBACK; // merge keys, explicit `? ` keys
    return s;
  };

  const scalar = (v: unknown): string => {
    switch (typeof v) {
      case 'string':
        return scalarString(v, false);
      case 'boolean':
        return v ? 'true' : 'false';
      case 'number':
        if (Number.isSafeInteger(v) && !Object.is(v, -0)) return String(v);
        throw FALLBACK;
      default:
        if (v === null) return 'null';
        throw FALLBACK;
    }
  };

  /** Text after `key:` or `- `: a scalar or empty collection on the same line, or the block below. */
  const node = (v: unknown, indent: string, inSeq: boolean): string => {
    if (v === null || typeof v !== 'object') return ` ${scalar(v)}`;
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      if (v.length === 0) return ' []';
      return inSeq ? ` ${seq(v, inner)}` : `\n${inner}${seq(v, inner)}`;
    }
    if (!isPlainObject(v)) throw FALLBACK;
    const m = map(v, inner);
    if (m === undefined) return ' {}';
    return inSeq ? ` ${m}` : `\n${inner}${m}`;
  };

  /** Items joined by newline + indent; the caller writes the first line's indentation. */
  const seq = (items: readonly unknown[], indent: string): string => {
    let out = '';
    for (let i = 0; i < items.length; i++) {
      if (!(i in items)) throw FALLBACK;
      const item = items[i];
      if (item === undefined) throw FALLBACK;
      out += `${i === 0 ? '' : `\n${indent}`}-${node(item, indent, true)}`;
    }
    return out;
  };

  const map = (obj: Record<string, unknown>, indent: string): string | undefined => {
    const keys = Object.keys(obj);
    if (keys.length === 0) return undefined;
    keys.sort(compare);
    let out = '';
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      const v = obj[k];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') throw FALLBACK;
      out += `${i === 0 ? '' : `\n${indent}`}${scalarString(k, true)}:${node(v, indent, false)}`;
    }
    return out;
  };

  try {
    const body = map(value, '');
    return body === undefined ? '{}\n' : `${body}\n`;
  } catch (error) {
    if (error === FALLBACK) return undefined;
    throw error;
  }
}

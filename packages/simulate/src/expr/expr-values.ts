/**
 * expr-lang's runtime values in JavaScript: Go `int` as bigint, `float64` as number, string, bool, nil as null,
 * `[]any` as an array, `map[string]any` as a plain object, a Go function as a GoFunc, a struct as a GoStruct.
 * Plus Go's JSON encoding (encoding/json, as Argo's template writes a `{{= }}` value and `toJson` does).
 */
import { compareGoStrings } from './go-values.js';

/** A Go function held in the environment (Argo's asInt, jsonpath, a sprig function) or a builtin used as a value. */
export class GoFunc {
  readonly name: string;
  /** Parameter types as Go declares them; a `...` prefix marks a variadic tail. */
  readonly params: readonly string[];
  readonly result: string;
  readonly call: (args: readonly unknown[]) => unknown;
  constructor(name: string, params: readonly string[], result: string, call: (args: readonly unknown[]) => unknown) {
    this.name = name;
    this.params = params;
    this.result = result;
    this.call = call;
  }
}

/** A Go struct (the controller's TaskResults for `depends`): exported fields only. */
export class GoStruct {
  readonly typeName: string;
  readonly fields: Readonly<Record<string, unknown>>;
  constructor(typeName: string, fields: Readonly<Record<string, unknown>>) {
    this.typeName = typeName;
    this.fields = fields;
  }
}

/** sprig's function map (`sprig.upper`): functions by name, some outside the simulation's subset. */
export class GoFuncMap {
  /** Every name the map holds; those without a GoFunc are outside the simulation's subset. */
  readonly names: ReadonlySet<string>;
  readonly funcs: ReadonlyMap<string, GoFunc>;
  constructor(names: readonly string[], funcs: ReadonlyMap<string, GoFunc>) {
    this.names = new Set(names);
    this.funcs = funcs;
  }
}

export type GoMap = { readonly [key: string]: unknown };

export const isGoMap = (v: unknown): v is GoMap =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

/** Go's %T, for messages. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'bigint') return 'int';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof GoFunc) return 'func';
  if (v instanceof GoFuncMap) return 'map[string]interface {}';
  if (v instanceof GoStruct) return v.typeName;
  return 'map[string]interface {}';
}

export class JsonError extends Error {}

/** encoding/json's Marshal (indent: MarshalIndent with that indent): sorted map keys, HTML-safe escaping. */
export function goJson(v: unknown, indent = '', prefix = ''): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new JsonError(`json: unsupported value: ${v}`);
    return Object.is(v, -0) ? '-0' : JSON.stringify(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return goJsonString(v);
  const nl = indent === '' ? '' : `\n${prefix}${indent}`;
  const end = indent === '' ? '' : `\n${prefix}`;
  const sep = indent === '' ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${v.map((x) => nl + goJson(x, indent, prefix + indent)).join(',')}${end}]`;
  }
  if (v instanceof GoStruct) {
    const keys = Object.keys(v.fields);
    return `{${keys.map((k) => `${nl}${goJsonString(k)}${sep}${goJson(v.fields[k], indent, prefix + indent)}`).join(',')}${end}}`;
  }
  if (isGoMap(v)) {
    const keys = Object.keys(v).sort(compareGoStrings);
    if (keys.length === 0) return '{}';
    return `{${keys.map((k) => `${nl}${goJsonString(k)}${sep}${goJson(v[k], indent, prefix + indent)}`).join(',')}${end}}`;
  }
  throw new JsonError(`json: unsupported type: ${goTypeName(v)}`);
}

/** A JSON string as Go writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped; other controls as \u00XX. */
export function goJsonString(s: string): string {
  return `"${s.replace(GO_JSON_ESCAPED, goJsonEscape)}"`;
}

/** What Go's encoder escapes: `"`, `\\`, control characters, `<`, `>`, `&`, U+2028/9, and a lone surrogate. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: Go escapes every control character, so the pattern names them
const GO_JSON_ESCAPED = /["\\\u0000-\u001f<>&\u2028\u2029\ud800-\udfff]/gu;

function goJsonEscape(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) return '\\ufffd'; // a lone surrogate: Go writes U+FFFD
  return SIMPLE_ESCAPES[c] ?? `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The escapes Go's JSON encoder and strconv.Quote write alike. */
export const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

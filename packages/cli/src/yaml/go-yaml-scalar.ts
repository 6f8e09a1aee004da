/**
 * Scalars as go-yaml v2 (go.yaml.in/yaml/v2 v2.4.4, resolve.go) resolves them when Argo decodes into an untyped value:
 * a port of its `resolve`, not yaml@2's YAML 1.1 schema, which differs in corners (`0o17`, `1__0`, `.5_0`, `y`,
 * timestamps, hex beyond 64 bits). Numbers are JavaScript numbers; an integer go-yaml keeps as uint64 is tagged so
 * that map keys can tell it apart (sigs.k8s.io/yaml refuses uint64 keys).
 */
export type GoScalar =
  | { readonly kind: 'null' }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'int' | 'uint' | 'float'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string };

const STR = 'tag:yaml.org,2002:str';
const INT = 'tag:yaml.org,2002:int';
const FLOAT = 'tag:yaml.org,2002:float';
const BOOL = 'tag:yaml.org,2002:bool';
const NULL = 'tag:yaml.org,2002:null';
const TIMESTAMP = 'tag:yaml.org,2002:timestamp';
const BINARY = 'tag:yaml.org,2002:binary';
/** Tags go-yaml resolves; any other tag leaves the text as it is (a string). */
const RESOLVABLE = new Set(['', STR, BOOL, INT, FLOAT, NULL, TIMESTAMP]);

const NULL_SCALAR: GoScalar = { kind: 'null' };
const TRUE: GoScalar = { kind: 'bool', value: true };
const FALSE: GoScalar = { kind: 'bool', value: false };
const MAP = new Map<string, GoScalar>();
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) MAP.set(s, TRUE);
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) MAP.set(s, FALSE);
for (const s of ['', '~', 'null', 'Null', 'NULL']) MAP.set(s, NULL_SCALAR);
for (const s of ['.nan', '.NaN', '.NAN']) MAP.set(s, { kind: 'float', value: Number.NaN });
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) MAP.set(s, { kind: 'float', value: Infinity });
for (const s of ['-.inf', '-.Inf', '-.INF']) MAP.set(s, { kind: 'float', value: -Infinity });

/** go-yaml's hint from the first byte: S sign, D digit, M in the map, '.' float; anything else is a string. */
function hintOf(c: string | undefined): string {
  if (c === undefined) return 'N';
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  return c === '.' ? '.' : '';
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

export class GoScalarError extends Error {}

/**
 * Resolves a scalar's text. `plain` is false for quoted and block scalars (always strings unless tagged); `tag` is the
 * explicit tag in its long form ('' when there is none).
 */
export function resolveGoScalar(text: string, plain: boolean, tag: string): GoScalar {
  if (tag === '' && !plain) return { kind: 'str', value: text };
  if (tag === BINARY) return { kind: 'str', value: decodeBinary(text) };
  if (!RESOLVABLE.has(tag)) return { kind: 'str', value: text };
  const resolved = resolveUntyped(text, tag);
  if (tag === '' || tag === STR || tagOf(resolved) === tag) return resolved;
  // go-yaml's resolve turns an int or int64 into a float under !!float, but not a uint64 (2^63 and above): that stays
  // an error, "cannot decode !!int `9223372036854775808` as a !!float".
  if (tag === FLOAT && resolved.kind === 'int') return { kind: 'float', value: resolved.value };
  if (tag === TIMESTAMP && resolved.kind === 'str' && looksLikeTimestamp(text)) return resolved;
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  throw new GoScalarError(`cannot decode ${shortTag(tagOf(resolved))} \`${shown}\` as a ${shortTag(tag)}`);
}

function resolveUntyped(text: string, tag: string): GoScalar {
  const hint = hintOf(text[0]);
  if (hint === '' || tag === STR) return { kind: 'str', value: text };
  const mapped = MAP.get(text);
  if (mapped) return mapped;
  if (hint === '.') {
    const f = parseGoFloat(text);
    return f === undefined ? { kind: 'str', value: text } : { kind: 'float', value: f };
  }
  if (hint === 'D' || hint === 'S') {
    // A timestamp (YYYY-…) stays text when decoded into an untyped value; it can parse as no number either.
    const digits = text.replaceAll('_', '');
    const int = parseGoInt(digits);
    if (int !== undefined) return int;
    if (YAML_STYLE_FLOAT.test(digits)) {
      const f = parseGoFloat(digits);
      if (f !== undefined) return { kind: 'float', value: f };
    }
    if (digits.startsWith('0b')) return binaryInt(digits.slice(2), false) ?? { kind: 'str', value: text };
    if (digits.startsWith('-0b')) return binaryInt(digits.slice(3), true) ?? { kind: 'str', value: text };
  }
  return { kind: 'str', value: text };
}

function tagOf(s: GoScalar): string {
  switch (s.kind) {
    case 'null':
      return NULL;
    case 'bool':
      return BOOL;
    case 'int':
    case 'uint':
      return INT;
    case 'float':
      return FLOAT;
    default:
      return STR;
  }
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

/** Go's strconv.ParseInt(s, 0, 64), then ParseUint: optional sign, 0x/0o/0b/0 prefixes (underscores already gone). */
function parseGoInt(s: string): GoScalar | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const [, sign, body = ''] = m;
  const lower = body.toLowerCase();
  let magnitude: bigint;
  if (lower.startsWith('0x') || lower.startsWith('0b') || lower.startsWith('0o')) magnitude = BigInt(lower);
  else if (body.length > 1 && body.startsWith('0')) magnitude = BigInt(`0o${body.slice(1)}`);
  else magnitude = BigInt(body);
  const value = sign === '-' ? -magnitude : magnitude;
  if (value >= INT64_MIN && value <= INT64_MAX) return { kind: 'int', value: Number(value) };
  if (sign !== '-' && value <= UINT64_MAX) return { kind: 'uint', value: Number(value) };
  return undefined;
}

/** go-yaml's own 0b branch, reached only when ParseInt(s, 0) failed: strconv.ParseInt(bits, 2) accepts a sign. */
function binaryInt(bits: string, negative: boolean): GoScalar | undefined {
  const signed = negative ? `-${bits}` : bits;
  if (!/^[+-]?[01]+$/.test(signed)) return undefined;
  const value = BigInt(`0b${signed.replace(/^[+-]/, '')}`) * (signed.startsWith('-') ? -1n : 1n);
  if (value >= INT64_MIN && value <= INT64_MAX) return { kind: 'int', value: Number(value) };
  if (!negative && /^[01]+$/.test(bits) && value <= UINT64_MAX) return { kind: 'uint', value: Number(value) };
  return undefined;
}

/**
 * Go's strconv.ParseFloat(s, 64) for the decimal forms go-yaml can reach (a leading '.', or text matching its float
 * pattern): digits with underscores only between digits, an optional exponent. Out of range is an error in Go.
 */
function parseGoFloat(s: string): number | undefined {
  if (!/^[+-]?(?:[0-9_]*\.?[0-9_]*)(?:[eE][+-]?[0-9_]+)?$/.test(s) || !/[0-9]/.test(s.split(/[eE]/)[0] ?? '')) {
    return undefined;
  }
  if (s.includes('_') && !underscoresBetweenDigits(s)) return undefined;
  const f = Number(s.replaceAll('_', ''));
  return Number.isFinite(f) ? f : undefined;
}

/** Go's underscoreOK: an underscore must sit between digits. */
function underscoresBetweenDigits(s: string): boolean {
  let saw = '^';
  const body = s[0] === '+' || s[0] === '-' ? s.slice(1) : s;
  for (const c of body) {
    if (c >= '0' && c <= '9') saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** go-yaml's quick test and formats: YYYY-M-D, optionally with a time (a subset of YAML timestamps). */
function looksLikeTimestamp(s: string): boolean {
  return (
    /^[0-9]{4}-/.test(s) &&
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]| )[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})?)?$/.test(
      s,
    ) &&
    validDate(s)
  );
}

function validDate(s: string): boolean {
  const [y = 0, m = 0, d = 0] = s
    .slice(0, 10)
    .split(/[-T t]/)
    .map(Number);
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function decodeBinary(text: string): string {
  const clean = text.replace(/[\r\n]/g, ''); // Go's StdEncoding skips line breaks, nothing else
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(clean))
    throw new GoScalarError(`!!binary value contains invalid base64 data`);
  return Buffer.from(clean, 'base64').toString('utf8');
}

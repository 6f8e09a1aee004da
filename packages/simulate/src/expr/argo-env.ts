/**
 * The environment Argo gives a `{{= }}` expression (util/expr/env GetFuncMap over util/template's map): the flat
 * substitution map expanded by dots into nested maps (util/expand: a key that is also the prefix of another is
 * dropped first), plus `asInt` and `asFloat` (expr's int and float), `jsonpath`, `toJson`, and `sprig`.
 *
 * `jsonpath` is reproduced for `$`, `.key`, `['key']` and `[n]`; filters, slices, wildcards and recursive descent
 * are outside the subset. `sprig` is reproduced for the string functions below; the others are outside the subset.
 */
import { goFloat, goInt } from './expr-builtins.js';
import { ExprUnsupported } from './expr-lexer.js';
import { ExprRuntimeError } from './expr-ops.js';
import { GoFunc, GoFuncMap, type GoMap, goJson, isGoMap } from './expr-values.js';
import { goAtoi, goToLower, goToUpper, goTrimSpace } from './go-strings.js';
import { compareGoStrings, formatGoV } from './go-values.js';
import { namesOf } from './names.js';

/** The expanded environment of a flat map, or the reason it cannot be built without guessing. */
export function argoExprEnv(flat: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const keys = namesOf(flat).sort(compareGoStrings);
  // removeConflicts: a key followed (in sorted order) by one of its own children is dropped.
  const kept = keys.filter((k, i) => !(keys[i + 1]?.startsWith(`${k}.`) ?? false));
  for (const k of kept)
    if (kept.some((other) => other.startsWith(`${k}.`)))
      throw new ExprUnsupported(`the parameters ${k} and ${k}.… together (Argo expands them in random order)`);
  const env: Record<string, unknown> = {};
  for (const k of kept) {
    const parts = k.split('.');
    let node: Record<string, unknown> = env;
    for (const part of parts.slice(0, -1)) {
      const child = node[part];
      if (isGoMap(child)) node = child as Record<string, unknown>;
      else {
        const fresh: Record<string, unknown> = {};
        node[part] = fresh;
        node = fresh;
      }
    }
    node[parts.at(-1) as string] = flat[k];
  }
  env.asInt = new GoFunc('asInt', ['any'], 'any', ([v]) => goInt(v));
  env.asFloat = new GoFunc('asFloat', ['any'], 'any', ([v]) => goFloat(v));
  env.jsonpath = new GoFunc('jsonpath', ['string', 'string'], 'any', ([json, path]) =>
    jsonPath(json as string, path as string),
  );
  env.toJson = new GoFunc('toJson', ['any'], 'string', ([v]) => goJson(v));
  env.sprig = SPRIG;
  return env;
}

function jsonPath(json: string, path: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new ExprRuntimeError(`jsonpath: ${(e as Error).message}`);
  }
  if (!path.startsWith('$')) throw new ExprUnsupported(`the JSONPath ${JSON.stringify(path)}`);
  let rest = path.slice(1);
  let current = data;
  while (rest !== '') {
    const m = /^\.([A-Za-z_][A-Za-z0-9_]*)|^\['([A-Za-z0-9_ -]*)'\]|^\["([A-Za-z0-9_ -]*)"\]|^\[(\d+)\]/.exec(rest);
    if (!m) throw new ExprUnsupported(`the JSONPath ${JSON.stringify(path)} (only $, .key, ['key'] and [n])`);
    rest = rest.slice(m[0].length);
    const index = m[4];
    if (index !== undefined) {
      if (!Array.isArray(current)) throw new ExprUnsupported(`the JSONPath index ${m[0]} on a non-array`);
      const i = Number(index);
      if (i >= current.length) throw new ExprUnsupported(`the JSONPath index ${m[0]} out of range`);
      current = current[i];
      continue;
    }
    const key = (m[1] ?? m[2] ?? m[3]) as string;
    if (!isGoMap(current)) throw new ExprUnsupported(`the JSONPath key ${key} on a non-object`);
    if (!Object.hasOwn(current, key)) throw new ExprRuntimeError(`jsonpath: key '${key}' not found`);
    current = (current as GoMap)[key];
  }
  return current;
}

/** sprig's strval. */
const strval = (v: unknown): string => (typeof v === 'string' ? v : formatGoV(v));

/** sprig's empty. */
function empty(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v === '';
  if (typeof v === 'bigint') return v === 0n;
  if (typeof v === 'number') return v === 0;
  if (typeof v === 'boolean') return !v;
  if (Array.isArray(v)) return v.length === 0;
  if (isGoMap(v)) return Object.keys(v).length === 0;
  return false;
}

/** strconv.Quote for the text it leaves alone or escapes simply; the rest is outside the subset. */
function goQuote(s: string): string {
  if (!/^[\x20-\x7e\n\t\r]*$/.test(s))
    throw new ExprUnsupported('sprig.quote of text with non-ASCII or control characters');
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r')}"`;
}

const f = (name: string, params: string[], result: string, call: (a: readonly unknown[]) => unknown) =>
  [name, new GoFunc(`sprig.${name}`, params, result, call)] as const;

/** Every name in sprig v3.3.0's GenericFuncMap, less `env` and `expandenv` (which Argo deletes). */
// prettier-ignore
const SPRIG_NAMES: readonly string[] = [
  'abbrev',
  'abbrevboth',
  'add',
  'add1',
  'add1f',
  'addf',
  'adler32sum',
  'ago',
  'all',
  'any',
  'append',
  'atoi',
  'b32dec',
  'b32enc',
  'b64dec',
  'b64enc',
  'base',
  'bcrypt',
  'biggest',
  'buildCustomCert',
  'camelcase',
  'cat',
  'ceil',
  'chunk',
  'clean',
  'coalesce',
  'compact',
  'concat',
  'contains',
  'date',
  'dateInZone',
  'dateModify',
  'date_in_zone',
  'date_modify',
  'decryptAES',
  'deepCopy',
  'deepEqual',
  'default',
  'derivePassword',
  'dict',
  'dig',
  'dir',
  'div',
  'divf',
  'duration',
  'durationRound',
  'empty',
  'encryptAES',
  'ext',
  'fail',
  'first',
  'float64',
  'floor',
  'fromJson',
  'genCA',
  'genCAWithKey',
  'genPrivateKey',
  'genSelfSignedCert',
  'genSelfSignedCertWithKey',
  'genSignedCert',
  'genSignedCertWithKey',
  'get',
  'getHostByName',
  'has',
  'hasKey',
  'hasPrefix',
  'hasSuffix',
  'hello',
  'htmlDate',
  'htmlDateInZone',
  'htpasswd',
  'indent',
  'initial',
  'initials',
  'int',
  'int64',
  'isAbs',
  'join',
  'kebabcase',
  'keys',
  'kindIs',
  'kindOf',
  'last',
  'list',
  'lower',
  'max',
  'maxf',
  'merge',
  'mergeOverwrite',
  'min',
  'minf',
  'mod',
  'mul',
  'mulf',
  'mustAppend',
  'mustChunk',
  'mustCompact',
  'mustDateModify',
  'mustDeepCopy',
  'mustFirst',
  'mustFromJson',
  'mustHas',
  'mustInitial',
  'mustLast',
  'mustMerge',
  'mustMergeOverwrite',
  'mustPrepend',
  'mustRegexFind',
  'mustRegexFindAll',
  'mustRegexMatch',
  'mustRegexReplaceAll',
  'mustRegexReplaceAllLiteral',
  'mustRegexSplit',
  'mustRest',
  'mustReverse',
  'mustSlice',
  'mustToDate',
  'mustToJson',
  'mustToPrettyJson',
  'mustToRawJson',
  'mustUniq',
  'mustWithout',
  'must_date_modify',
  'nindent',
  'nospace',
  'now',
  'omit',
  'osBase',
  'osClean',
  'osDir',
  'osExt',
  'osIsAbs',
  'pick',
  'pluck',
  'plural',
  'prepend',
  'quote',
  'randAlpha',
  'randAlphaNum',
  'randAscii',
  'randBytes',
  'randInt',
  'randNumeric',
  'regexFind',
  'regexFindAll',
  'regexMatch',
  'regexQuoteMeta',
  'regexReplaceAll',
  'regexReplaceAllLiteral',
  'regexSplit',
  'repeat',
  'replace',
  'rest',
  'reverse',
  'round',
  'semver',
  'semverCompare',
  'seq',
  'set',
  'sha1sum',
  'sha256sum',
  'sha512sum',
  'shuffle',
  'slice',
  'snakecase',
  'sortAlpha',
  'split',
  'splitList',
  'splitn',
  'squote',
  'sub',
  'subf',
  'substr',
  'swapcase',
  'ternary',
  'title',
  'toDate',
  'toDecimal',
  'toJson',
  'toPrettyJson',
  'toRawJson',
  'toString',
  'toStrings',
  'trim',
  'trimAll',
  'trimPrefix',
  'trimSuffix',
  'trimall',
  'trunc',
  'tuple',
  'typeIs',
  'typeIsLike',
  'typeOf',
  'uniq',
  'unixEpoch',
  'unset',
  'until',
  'untilStep',
  'untitle',
  'upper',
  'urlJoin',
  'urlParse',
  'uuidv4',
  'values',
  'without',
  'wrap',
  'wrapWith',
];

const SPRIG = new GoFuncMap(
  SPRIG_NAMES,
  new Map([
    f('upper', ['string'], 'string', ([s]) => goToUpper(s as string)),
    f('lower', ['string'], 'string', ([s]) => goToLower(s as string)),
    f('trim', ['string'], 'string', ([s]) => goTrimSpace(s as string)),
    f('trimPrefix', ['string', 'string'], 'string', ([p, s]) =>
      (s as string).startsWith(p as string) ? (s as string).slice((p as string).length) : s,
    ),
    f('trimSuffix', ['string', 'string'], 'string', ([p, s]) =>
      (s as string).endsWith(p as string) ? (s as string).slice(0, (s as string).length - (p as string).length) : s,
    ),
    f('replace', ['string', 'string', 'string'], 'string', ([o, n, s]) => {
      if (o === '') throw new ExprUnsupported('sprig.replace with an empty old string');
      return (s as string).split(o as string).join(n as string);
    }),
    f('contains', ['string', 'string'], 'bool', ([sub, s]) => (s as string).includes(sub as string)),
    f('hasPrefix', ['string', 'string'], 'bool', ([p, s]) => (s as string).startsWith(p as string)),
    f('hasSuffix', ['string', 'string'], 'bool', ([p, s]) => (s as string).endsWith(p as string)),
    f('repeat', ['int', 'string'], 'string', ([n, s]) => {
      if ((n as bigint) < 0n) throw new ExprRuntimeError('strings: negative Repeat count');
      if ((n as bigint) > 100000n) throw new ExprUnsupported('sprig.repeat of more than 100000');
      return (s as string).repeat(Number(n));
    }),
    f('quote', ['...any'], 'string', (args) =>
      args
        .filter((a) => a !== null)
        .map((a) => goQuote(strval(a)))
        .join(' '),
    ),
    f('squote', ['...any'], 'string', (args) =>
      args
        .filter((a) => a !== null)
        .map((a) => `'${strval(a)}'`)
        .join(' '),
    ),
    f('toString', ['any'], 'string', ([v]) => strval(v)),
    f('atoi', ['string'], 'int', ([s]) => {
      const n = goAtoi(s as string);
      if (n === undefined && /^[+-]?\d+$/.test(s as string))
        throw new ExprUnsupported('sprig.atoi of a number out of range');
      return n ?? 0n;
    }),
    f('default', ['any', '...any'], 'any', ([d, ...given]) => (given.length === 0 || empty(given[0]) ? d : given[0])),
    f('empty', ['any'], 'bool', ([v]) => empty(v)),
    f('ternary', ['any', 'any', 'bool'], 'any', ([t, e, c]) => (c ? t : e)),
    f('splitList', ['string', 'string'], 'any', ([sep, s]) =>
      sep === '' ? Array.from(s as string) : (s as string).split(sep as string),
    ),
    f('list', ['...any'], 'any', (args) => [...args]),
    f('b64enc', ['string'], 'string', ([s]) => {
      const bytes = new TextEncoder().encode(s as string);
      let bin = '';
      for (const b of bytes) bin += String.fromCharCode(b);
      return btoa(bin);
    }),
  ]),
);

export const SPRIG_SUPPORTED: readonly string[] = [...SPRIG.funcs.keys()];

/**
 * expr-lang's builtin functions (builtin/builtin.go) that the simulation reproduces, each with the types the checker
 * accepts (a known argument of another type is a compile error, as in expr) and its runtime behaviour. Builtins not
 * here (dates and durations, `sum`, `groupBy`, `sortBy`, `reduce`, `uniq`, `sort`, bit operations, …) are named as
 * outside the subset.
 */

import type { Nature } from './expr-checker.js';
import { ExprUnsupported } from './expr-lexer.js';
import { ExprRuntimeError, less } from './expr-ops.js';
import { GoStruct, goJson, isGoMap } from './expr-values.js';
import { goAtoi, goParseFloat, goToLower, goToUpper, goTrimSpace } from './go-strings.js';
import { formatGoV } from './go-values.js';

type Kind = 'any' | 'string' | 'int' | 'number' | 'array' | 'collection';

interface Builtin {
  /** Overloads: the kinds of the arguments. */
  readonly params: readonly (readonly Kind[])[];
  readonly result: (args: readonly Nature[]) => Nature;
  readonly run: (args: readonly unknown[]) => unknown;
}

const N = (k: 'int' | 'float' | 'string' | 'bool' | 'unknown'): Nature => ({ k });

const fits = (n: Nature, k: Kind): boolean => {
  if (n.k === 'unknown' || n.k === 'any' || k === 'any') return true;
  if (k === 'number') return n.k === 'int' || n.k === 'float';
  if (k === 'collection') return n.k === 'array' || n.k === 'map' || n.k === 'string';
  if (k === 'array') return n.k === 'array' || n.k === 'nil';
  return n.k === k;
};

const str = (v: unknown, name: string): string => {
  if (typeof v !== 'string')
    throw new ExprRuntimeError(`interface conversion: interface {} is ${typeName(v)}, not string (${name})`);
  return v;
};
const int = (v: unknown, name: string): bigint => {
  if (typeof v !== 'bigint')
    throw new ExprRuntimeError(`interface conversion: interface {} is ${typeName(v)}, not int (${name})`);
  return v;
};
const typeName = (v: unknown) =>
  v === null ? 'nil' : typeof v === 'bigint' ? 'int' : typeof v === 'number' ? 'float64' : typeof v;

/** builtin.Int, which Argo also exposes as asInt. */
export function goInt(v: unknown): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Math.abs(v) >= 2 ** 63)
      throw new ExprUnsupported(`int() of ${formatGoV(v)} (out of Go's int range)`);
    return BigInt(Math.trunc(v));
  }
  if (typeof v === 'string') {
    const n = goAtoi(v);
    if (n === undefined) throw new ExprRuntimeError(`invalid operation: int(${v})`);
    return n;
  }
  throw new ExprRuntimeError(`invalid operation: int(${typeName(v)})`);
}

/** builtin.Float, which Argo also exposes as asFloat. */
export function goFloat(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    const f = goParseFloat(v);
    if (f === undefined) throw new ExprRuntimeError(`invalid operation: float(${v})`);
    return f;
  }
  throw new ExprRuntimeError(`invalid operation: float(${typeName(v)})`);
}

const BUILTINS: Readonly<Record<string, Builtin>> = {
  len: {
    params: [['collection']],
    result: () => N('int'),
    run: ([v]) => {
      if (Array.isArray(v)) return BigInt(v.length);
      if (typeof v === 'string') return BigInt(Array.from(v).length);
      if (isGoMap(v)) return BigInt(Object.keys(v).length);
      throw new ExprRuntimeError(`invalid argument for len (type ${typeName(v)})`);
    },
  },
  string: {
    params: [['any']],
    result: () => N('string'),
    run: ([v]) => {
      if (v instanceof GoStruct) throw new ExprUnsupported('string() of a struct');
      return formatGoV(v);
    },
  },
  int: { params: [['number'], ['string']], result: () => N('int'), run: ([v]) => goInt(v) },
  float: { params: [['number'], ['string']], result: () => N('float'), run: ([v]) => goFloat(v) },
  upper: { params: [['string']], result: () => N('string'), run: ([v]) => goToUpper(str(v, 'upper')) },
  lower: { params: [['string']], result: () => N('string'), run: ([v]) => goToLower(str(v, 'lower')) },
  trim: {
    params: [['string'], ['string', 'string']],
    result: () => N('string'),
    run: (args) => {
      const s = str(args[0], 'trim');
      if (args.length === 1) return goTrimSpace(s);
      const cut = new Set(Array.from(str(args[1], 'trim')));
      const cs = Array.from(s);
      let a = 0;
      let b = cs.length;
      while (a < b && cut.has(cs[a] as string)) a++;
      while (b > a && cut.has(cs[b - 1] as string)) b--;
      return cs.slice(a, b).join('');
    },
  },
  trimPrefix: {
    params: [['string', 'string']],
    result: () => N('string'),
    run: ([s, p]) =>
      str(s, 'trimPrefix').startsWith(str(p, 'trimPrefix')) ? (s as string).slice((p as string).length) : s,
  },
  trimSuffix: {
    params: [['string', 'string']],
    result: () => N('string'),
    run: ([s, p]) =>
      str(s, 'trimSuffix').endsWith(str(p, 'trimSuffix'))
        ? (s as string).slice(0, (s as string).length - (p as string).length)
        : s,
  },
  split: {
    params: [['string', 'string']],
    result: () => ({ k: 'array', elem: N('string') }),
    run: ([s, sep]) => {
      const text = str(s, 'split');
      const by = str(sep, 'split');
      // Go splits "" into its UTF-8 sequences (characters); JavaScript's split('') into UTF-16 units.
      return by === '' ? Array.from(text) : text.split(by);
    },
  },
  replace: {
    params: [['string', 'string', 'string']],
    result: () => N('string'),
    run: ([s, a, b]) => {
      const text = str(s, 'replace');
      const old = str(a, 'replace');
      const by = str(b, 'replace');
      if (old === '') throw new ExprUnsupported('replace with an empty old string');
      return text.split(old).join(by);
    },
  },
  repeat: {
    params: [['string', 'int']],
    result: () => N('string'),
    run: ([s, n]) => {
      const count = int(n, 'repeat');
      if (count < 0n) throw new ExprRuntimeError('strings: negative Repeat count');
      if (count > 100000n) throw new ExprUnsupported('repeat of more than 100000');
      return str(s, 'repeat').repeat(Number(count));
    },
  },
  join: {
    params: [['array'], ['array', 'string']],
    result: () => N('string'),
    run: (args) => {
      const list = args[0];
      const glue = args.length === 2 ? str(args[1], 'join') : '';
      if (!Array.isArray(list)) throw new ExprRuntimeError(`invalid argument for join (type ${typeName(list)})`);
      return list.map((x) => str(x, 'join')).join(glue);
    },
  },
  indexOf: {
    params: [['string', 'string']],
    result: () => N('int'),
    run: ([s, sub]) => BigInt(byteIndex(str(s, 'indexOf'), str(sub, 'indexOf'), false)),
  },
  lastIndexOf: {
    params: [['string', 'string']],
    result: () => N('int'),
    run: ([s, sub]) => BigInt(byteIndex(str(s, 'lastIndexOf'), str(sub, 'lastIndexOf'), true)),
  },
  hasPrefix: {
    params: [['string', 'string']],
    result: () => N('bool'),
    run: ([s, p]) => str(s, 'hasPrefix').startsWith(str(p, 'hasPrefix')),
  },
  hasSuffix: {
    params: [['string', 'string']],
    result: () => N('bool'),
    run: ([s, p]) => str(s, 'hasSuffix').endsWith(str(p, 'hasSuffix')),
  },
  abs: {
    params: [['number']],
    result: (args) => args[0] ?? N('unknown'),
    run: ([v]) => {
      if (typeof v === 'bigint') return v < 0n ? BigInt.asIntN(64, -v) : v;
      if (typeof v === 'number') return v < 0 ? -v : v;
      throw new ExprRuntimeError(`invalid argument for abs (type ${typeName(v)})`);
    },
  },
  max: { params: [], result: () => N('unknown'), run: (args) => minMax('max', args) },
  min: { params: [], result: () => N('unknown'), run: (args) => minMax('min', args) },
  toJSON: { params: [['any']], result: () => N('string'), run: ([v]) => goJson(v, '  ') },
  fromJSON: {
    params: [['string']],
    result: () => N('unknown'),
    run: ([v]) => {
      try {
        return JSON.parse(str(v, 'fromJSON')) as unknown;
      } catch (e) {
        throw new ExprRuntimeError(`fromJSON: ${(e as Error).message}`);
      }
    },
  },
  first: { params: [['array']], result: (a) => elemOf(a[0]), run: ([v]) => (Array.isArray(v) ? (v[0] ?? null) : null) },
  last: {
    params: [['array']],
    result: (a) => elemOf(a[0]),
    run: ([v]) => (Array.isArray(v) ? (v.at(-1) ?? null) : null),
  },
  keys: {
    params: [['any']],
    result: () => ({ k: 'array', elem: N('unknown') }),
    run: ([v]) => {
      if (!isGoMap(v)) throw new ExprRuntimeError(`cannot get keys from ${typeName(v)}`);
      // Go's map order is random; a sorted order would be a guess.
      if (Object.keys(v).length > 1)
        throw new ExprUnsupported('keys() of a map of more than one entry (Go orders them at random)');
      return Object.keys(v);
    },
  },
};

const elemOf = (n: Nature | undefined): Nature => (n && n.k === 'array' ? n.elem : N('unknown'));

function minMax(name: 'min' | 'max', args: readonly unknown[]): unknown {
  const flat: unknown[] = [];
  for (const a of args) {
    if (Array.isArray(a)) flat.push(...a);
    else flat.push(a);
  }
  if (flat.length === 0) throw new ExprUnsupported(`${name}() of nothing`);
  let best: unknown;
  for (const v of flat) {
    if (typeof v !== 'bigint' && typeof v !== 'number')
      throw new ExprRuntimeError(`invalid argument for ${name} (type ${typeName(v)})`);
    if (best === undefined || (name === 'max' ? less('<', best, v) : less('>', best, v))) best = v;
  }
  return best;
}

/** strings.Index / LastIndex: a byte offset, equal to the character offset only in ASCII. */
function byteIndex(s: string, sub: string, last: boolean): number {
  const i = last ? s.lastIndexOf(sub) : s.indexOf(sub);
  if (i < 0) return -1;
  return new TextEncoder().encode(s.slice(0, i)).length;
}

export function checkBuiltin(name: string, args: readonly Nature[], fail: (m: string) => never): Nature {
  const b = BUILTINS[name];
  if (!b) throw new ExprUnsupported(`the builtin ${name}`);
  if (b.params.length > 0) {
    const overloads = b.params.filter((p) => p.length === args.length);
    if (overloads.length === 0) return fail(`invalid number of arguments for ${name} (got ${args.length})`);
    if (!overloads.some((p) => p.every((k, i) => fits(args[i] as Nature, k))))
      return fail(`cannot use ${args.map((a) => a.k).join(', ')} as arguments to call ${name}`);
  } else if (args.length === 0) {
    return fail(`not enough arguments to call ${name}`);
  }
  return b.result(args);
}

export function callBuiltin(name: string, args: readonly unknown[]): unknown {
  const b = BUILTINS[name];
  if (!b) throw new ExprUnsupported(`the builtin ${name}`);
  return b.run(args);
}

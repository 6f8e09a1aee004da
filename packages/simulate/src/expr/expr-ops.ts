/**
 * expr-lang's runtime operators (vm/runtime): Go's int (64-bit, wrapping) and float64 rules, string comparison by
 * bytes, equality that compares numbers across int and float and anything else with reflect.DeepEqual.
 */
import { ExprUnsupported } from './expr-lexer.js';
import { GoStruct, goTypeName, isGoMap } from './expr-values.js';
import { goPow } from './go-math.js';
import { compareGoStrings, goDeepEqual } from './go-values.js';

export class ExprRuntimeError extends Error {}

const typeOf = goTypeName;

const isNum = (v: unknown): v is bigint | number => typeof v === 'bigint' || typeof v === 'number';
const float = (v: bigint | number): number => (typeof v === 'bigint' ? Number(v) : v);

/** runtime.Equal. */
export function equal(a: unknown, b: unknown): boolean {
  if (isNum(a) && isNum(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') return a === b;
    return float(a) === float(b);
  }
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  // Lists compare element by element with Equal itself (so [1] == [1.0]); maps with reflect.DeepEqual.
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (a instanceof GoStruct || b instanceof GoStruct) {
    return (
      a instanceof GoStruct && b instanceof GoStruct && a.typeName === b.typeName && goDeepEqual(a.fields, b.fields)
    );
  }
  return deepEqual(a, b);
}

/** reflect.DeepEqual: an int never equals a float64 inside a list or map. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isGoMap(a) || isGoMap(b)) {
    if (!isGoMap(a) || !isGoMap(b)) return false;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return goDeepEqual(a, b);
}

/** runtime.Less / More / LessOrEqual / MoreOrEqual. */
export function less(op: string, a: unknown, b: unknown): boolean {
  let c: number;
  if (isNum(a) && isNum(b)) {
    if (typeof a === 'bigint' && typeof b === 'bigint') c = a < b ? -1 : a > b ? 1 : 0;
    else {
      const x = float(a);
      const y = float(b);
      if (Number.isNaN(x) || Number.isNaN(y)) return false;
      c = x < y ? -1 : x > y ? 1 : 0;
    }
  } else if (typeof a === 'string' && typeof b === 'string') {
    c = compareGoStrings(a, b);
  } else {
    throw new ExprRuntimeError(`invalid operation: ${typeOf(a)} ${op} ${typeOf(b)}`);
  }
  return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
}

const wrap = (n: bigint) => BigInt.asIntN(64, n);

/** Add, Subtract, Multiply, Divide, Modulo, Exponent. */
export function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (!isNum(a) || !isNum(b)) throw new ExprRuntimeError(`invalid operation: ${typeOf(a)} ${op} ${typeOf(b)}`);
  if (op === '/') return float(a) / float(b);
  if (op === '**' || op === '^') return pow(float(a), float(b));
  if (op === '%') {
    if (typeof a !== 'bigint' || typeof b !== 'bigint')
      throw new ExprRuntimeError(`invalid operation: ${typeOf(a)} % ${typeOf(b)}`);
    if (b === 0n) throw new ExprRuntimeError('runtime error: integer divide by zero');
    return wrap(a % b);
  }
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (op === '+') return wrap(a + b);
    if (op === '-') return wrap(a - b);
    return wrap(a * b);
  }
  const x = float(a);
  const y = float(b);
  return op === '+' ? x + y : op === '-' ? x - y : x * y;
}

/** runtime.ToInt, for an index: an int, or a float64 truncated. */
export function toInt(v: unknown): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') {
    // Go converts an out-of-range float to int differently on amd64 and arm64.
    if (!Number.isFinite(v) || Math.abs(v) >= 2 ** 63) throw new ExprUnsupported(`an index of ${v}`);
    return Math.trunc(v);
  }
  throw new ExprRuntimeError(`invalid operation: int(${typeOf(v)})`);
}

/** math.Pow, where reproduced. */
export function pow(x: number, y: number): number {
  const r = goPow(x, y);
  if (r === undefined)
    throw new ExprUnsupported('a power with a fractional exponent (Go computes it with its own Exp and Log)');
  return r;
}

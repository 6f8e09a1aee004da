/**
 * Go's views of values, as both evaluators need them: a Go `int` is a JavaScript bigint (64-bit, wrapping), a
 * `float64` a number, a string, a bool, nil as null, a slice an array, a `map[string]any` a plain object.
 */

/** strconv.FormatFloat(f, 'g', -1, 64), which `%v` prints: the shortest digits, an exponent below 1e-4 or from 1e6. */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (f === Number.POSITIVE_INFINITY) return '+Inf';
  if (f === Number.NEGATIVE_INFINITY) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mantissa = '', e = '0'] = f.toExponential().split('e');
  const exp = Number(e);
  // The shortest form takes precision 6 for this decision (strconv's %g): 1e+06, 1.234567e+06, but 123456.
  if (exp < -4 || exp >= 6) return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** fmt's `%v`. */
export function formatGoV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return formatGoFloat(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(formatGoV).join(' ')}]`;
  if (typeof v === 'object') {
    const keys = Object.keys(v).sort(compareGoStrings);
    return `map[${keys.map((k) => `${k}:${formatGoV((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  return String(v);
}

/** reflect.DeepEqual on these values. */
export function goDeepEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (a === null || b === null) return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => goDeepEqual(x, b[i]));
  if (Array.isArray(b)) return false;
  if (typeof a === 'object') {
    const ka = Object.keys(a as object);
    const kb = Object.keys(b as object);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) =>
          Object.hasOwn(b as object, k) &&
          goDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return a === b; // NaN is not equal to itself, as in Go
}

const utf8 = new TextEncoder();

/** Go compares strings byte by byte, in UTF-8 (JavaScript compares UTF-16 units, which differs above U+FFFF). */
export function compareGoStrings(a: string, b: string): number {
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
  return x.length - y.length;
}

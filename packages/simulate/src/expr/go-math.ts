/**
 * Go's math.Pow (pure Go on amd64 and arm64), which both govaluate's `**` and expr-lang's `**`/`^` call. It differs
 * from JavaScript's `**` in the last digits: it multiplies successive squarings with a separate binary exponent.
 * Reproduced for integer exponents and ±0.5 (a square root); a fractional exponent goes through Go's Exp and Log,
 * whose last digit is not reproduced: undefined then (the caller says it is outside the subset).
 */

const view = new DataView(new ArrayBuffer(8));
const bits = (f: number): bigint => {
  view.setFloat64(0, f);
  return view.getBigUint64(0);
};
const fromBits = (b: bigint): number => {
  view.setBigUint64(0, BigInt.asUintN(64, b));
  return view.getFloat64(0);
};
const MASK = 0x7ffn;
const SHIFT = 52n;
const BIAS = 1023;
const SMALLEST_NORMAL = 2.2250738585072014e-308;

function normalize(x: number): [number, number] {
  if (Math.abs(x) < SMALLEST_NORMAL) return [x * 2 ** 52, -52];
  return [x, 0];
}

function frexp(f: number): [number, number] {
  if (f === 0 || !Number.isFinite(f)) return [f, 0];
  const [g, e0] = normalize(f);
  let x = bits(g);
  const exp = e0 + Number((x >> SHIFT) & MASK) - BIAS + 1;
  x &= ~(MASK << SHIFT);
  x |= BigInt(-1 + BIAS) << SHIFT;
  return [fromBits(x), exp];
}

function ldexp(frac0: number, exp0: number): number {
  if (frac0 === 0 || !Number.isFinite(frac0)) return frac0;
  const [frac, e] = normalize(frac0);
  let exp = exp0 + e;
  let x = bits(frac);
  exp += Number((x >> SHIFT) & MASK) - BIAS;
  if (exp < -1075) return frac < 0 ? -0 : 0;
  if (exp > 1023) return frac < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  let m = 1;
  if (exp < -1022) {
    exp += 53;
    m = 1 / 2 ** 53;
  }
  x &= ~(MASK << SHIFT);
  x |= BigInt(exp + BIAS) << SHIFT;
  return m * fromBits(x);
}

const isOddInt = (y: number) => Number.isInteger(y) && Math.abs(y) < 2 ** 53 && Math.abs(y % 2) === 1;

/** math.Pow(x, y), or undefined where the result would need Go's Exp and Log. */
export function goPow(x: number, y: number): number | undefined {
  if (y === 0 || x === 1) return 1;
  if (y === 1) return x;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (x === 0) {
    if (y < 0) return Object.is(x, -0) && isOddInt(y) ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    return Object.is(x, -0) && isOddInt(y) ? x : 0;
  }
  if (!Number.isFinite(y)) {
    if (x === -1) return 1;
    return Math.abs(x) < 1 === y > 0 ? 0 : Number.POSITIVE_INFINITY;
  }
  if (!Number.isFinite(x)) {
    if (x < 0) return goPow(1 / x, -y);
    return y < 0 ? 0 : Number.POSITIVE_INFINITY;
  }
  if (y === 0.5) return Math.sqrt(x);
  if (y === -0.5) return 1 / Math.sqrt(x);
  const ay = Math.abs(y);
  const yi = Math.trunc(ay);
  const yf = ay - yi;
  if (yf !== 0 && x < 0) return Number.NaN;
  if (yi >= 2 ** 63) {
    if (x === -1) return 1;
    return Math.abs(x) < 1 === y > 0 ? 0 : Number.POSITIVE_INFINITY;
  }
  if (yf !== 0) return undefined;
  let a1 = 1;
  let ae = 0;
  let [x1, xe] = frexp(x);
  for (let i = BigInt(yi); i !== 0n; i >>= 1n) {
    if (xe < -(1 << 12) || 1 << 12 < xe) {
      ae += xe;
      break;
    }
    if ((i & 1n) === 1n) {
      a1 *= x1;
      ae += xe;
    }
    x1 *= x1;
    xe <<= 1;
    if (x1 < 0.5) {
      x1 += x1;
      xe--;
    }
  }
  if (y < 0) {
    a1 = 1 / a1;
    ae = -ae;
  }
  return ldexp(a1, ae);
}

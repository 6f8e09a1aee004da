/**
 * A float map key as sigs.k8s.io/yaml turns it into a JSON key: Go's strconv.FormatFloat(f, 'g', -1, 32) (the
 * shortest text that reads back as the same float32; exponent form below 1e-4 and from 1e6), with go-yaml's spellings
 * of the infinities and NaN.
 */
export function goFloatKey(f: number): string {
  const x = Math.fround(f);
  if (Number.isNaN(x)) return '.nan';
  if (x === Infinity) return '.inf';
  if (x === -Infinity) return '-.inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let mantissa = '';
  let exponent = 0;
  for (let p = 1; p <= 9; p++) {
    const s = Math.abs(x).toExponential(p - 1);
    if (Math.fround(Number(s)) === Math.abs(x)) {
      const [m = '', e = '0'] = s.split('e');
      mantissa = m.replace('.', '');
      exponent = Number(e);
      break;
    }
  }
  const sign = x < 0 ? '-' : '';
  if (exponent < -4 || exponent >= 6) {
    const e = Math.abs(exponent);
    const rest = mantissa.slice(1);
    return `${sign}${mantissa[0]}${rest ? `.${rest}` : ''}e${exponent < 0 ? '-' : '+'}${e < 10 ? `0${e}` : e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${mantissa}`;
  const whole = mantissa.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = mantissa.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

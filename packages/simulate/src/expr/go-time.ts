/**
 * govaluate reads a quoted string that parses as a date or time (Go's `time.ParseInLocation` with one of its layouts)
 * as a number: the Unix seconds of that instant. This is that test, for the layouts made of numbers (`2006-01-02`,
 * `2006-01-02 15:04:05`, RFC 3339, ISO 8601 with `Z0700`, `3:04PM`) with Go's rules: fixed two-digit fields except
 * the hour, day and month ranges, an optional fraction after the seconds, the offset. The controller's local zone is
 * taken as UTC (Argo's images run in UTC). The three layouts with day and month names (ANSIC, UnixDate, RubyDate)
 * are not reproduced: a string that may match one is reported as outside the subset.
 */

export type GoTime =
  | { readonly kind: 'time'; readonly unix: number }
  | { readonly kind: 'not-time' }
  | { readonly kind: 'unsupported' };

type Element =
  | 'year'
  | 'month'
  | 'day'
  | 'hour'
  | 'hour12'
  | 'minute'
  | 'second'
  | 'fraction'
  | 'pm'
  | 'tzColonZ'
  | 'tzColon'
  | 'tzZ'
  | string;

const DATE: Element[] = ['year', '-', 'month', '-', 'day'];
const LAYOUTS: readonly Element[][] = [
  ['hour12', ':', 'minute', 'pm'], // time.Kitchen
  [...DATE, 'T', 'hour', ':', 'minute', ':', 'second', 'tzColonZ'], // RFC3339
  [...DATE, 'T', 'hour', ':', 'minute', ':', 'second', 'fraction', 'tzColonZ'], // RFC3339Nano
  DATE,
  [...DATE, ' ', 'hour', ':', 'minute'],
  [...DATE, ' ', 'hour', ':', 'minute', ':', 'second'],
  [...DATE, ' ', 'hour', ':', 'minute', ':', 'second', 'tzColon'],
  [...DATE, 'T', 'hour', 'tzZ'],
  [...DATE, 'T', 'hour', ':', 'minute', 'tzZ'],
  [...DATE, 'T', 'hour', ':', 'minute', ':', 'second', 'tzZ'],
  [...DATE, 'T', 'hour', ':', 'minute', ':', 'second', 'fraction', 'tzZ'],
];

export function parseGoTime(s: string): GoTime {
  // ANSIC "Mon Jan _2 15:04:05 2006", UnixDate, RubyDate: names of days and months.
  if (/^[A-Za-z]{3} [A-Za-z]{3} /.test(s)) return { kind: 'unsupported' };
  // Go's year field takes a sign ("+123-01-02"): not reproduced.
  if (/^[+-]\d{3}-/.test(s)) return { kind: 'unsupported' };
  for (const layout of LAYOUTS) {
    const unix = parseLayout(layout, s);
    if (unix !== undefined) return { kind: 'time', unix };
  }
  return { kind: 'not-time' };
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

function parseLayout(layout: readonly Element[], value: string): number | undefined {
  let v = value;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let offset = 0;
  let pm: boolean | undefined;
  /** Go's getnum: two digits when fixed, else one or two. */
  const num = (fixed: boolean): number | undefined => {
    if (!isDigit(v[0])) return undefined;
    if (!isDigit(v[1])) {
      if (fixed) return undefined;
      const n = Number(v[0]);
      v = v.slice(1);
      return n;
    }
    const n = Number(v.slice(0, 2));
    v = v.slice(2);
    return n;
  };
  const tz = (colon: boolean, z: boolean): boolean => {
    if (z && v[0] === 'Z') {
      v = v.slice(1);
      return true;
    }
    const len = colon ? 6 : 5;
    if (v.length < len) return false;
    if (colon && v[3] !== ':') return false;
    const sign = v[0];
    const hh = v.slice(1, 3);
    const mm = colon ? v.slice(4, 6) : v.slice(3, 5);
    if (!/^\d\d$/.test(hh) || !/^\d\d$/.test(mm)) return false;
    if (Number(hh) > 24 || Number(mm) > 60) return false;
    if (sign !== '+' && sign !== '-') return false;
    offset = (sign === '-' ? -1 : 1) * (Number(hh) * 3600 + Number(mm) * 60);
    v = v.slice(len);
    return true;
  };
  for (const el of layout) {
    switch (el) {
      case 'year': {
        if (v.length < 4 || !/^\d{4}/.test(v)) return undefined;
        year = Number(v.slice(0, 4));
        v = v.slice(4);
        break;
      }
      case 'month': {
        const n = num(true);
        if (n === undefined || n < 1 || n > 12) return undefined;
        month = n;
        break;
      }
      case 'day': {
        const n = num(true);
        if (n === undefined) return undefined;
        day = n;
        break;
      }
      case 'hour': {
        const n = num(false);
        if (n === undefined || n >= 24) return undefined;
        hour = n;
        break;
      }
      case 'hour12': {
        const n = num(false);
        if (n === undefined || n > 12) return undefined;
        hour = n;
        break;
      }
      case 'minute': {
        const n = num(true);
        if (n === undefined || n >= 60) return undefined;
        minute = n;
        break;
      }
      case 'second': {
        const n = num(true);
        if (n === undefined || n >= 60) return undefined;
        second = n;
        // A fraction the layout does not name is still read (Go's special case after seconds).
        if (!layout.includes('fraction') && (v[0] === '.' || v[0] === ',') && isDigit(v[1]))
          v = v.replace(/^[.,]\d+/, '');
        break;
      }
      case 'fraction': {
        if ((v[0] === '.' || v[0] === ',') && isDigit(v[1])) v = v.replace(/^[.,]\d+/, '');
        break;
      }
      case 'pm': {
        const p = v.slice(0, 2);
        if (p !== 'PM' && p !== 'AM') return undefined;
        pm = p === 'PM';
        v = v.slice(2);
        break;
      }
      case 'tzColonZ':
        if (!tz(true, true)) return undefined;
        break;
      case 'tzColon':
        if (!tz(true, false)) return undefined;
        break;
      case 'tzZ':
        if (!tz(false, true)) return undefined;
        break;
      default:
        if (!v.startsWith(el)) return undefined;
        v = v.slice(el.length);
    }
  }
  if (v !== '') return undefined;
  if (day < 1 || day > daysIn(month, year)) return undefined;
  if (pm === true && hour < 12) hour += 12;
  else if (pm === false && hour === 12) hour = 0;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return Math.floor(d.getTime() / 1000) - offset;
}

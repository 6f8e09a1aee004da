/**
 * `withItems`, `withParam` and `withSequence`: the items a step or task fans out over, each iteration's name as the
 * controller makes it (`name(0:item)`, `name(1:key:v,other:w)`), and the names `{{item}}`/`{{item.key}}` it binds.
 */
import type { Evaluated } from './expr/evaluated.js';

export interface Iteration {
  readonly name: string;
  readonly index: number;
  /** `item`, `item.<key>`. */
  readonly names: Readonly<Record<string, string>>;
}

export interface Loop {
  readonly withItems?: readonly unknown[];
  readonly withParam?: string;
  readonly withSequence?: {
    readonly start?: unknown;
    readonly end?: unknown;
    readonly count?: unknown;
    readonly format?: string;
  };
}

export function isLoop(x: Loop): boolean {
  return (x.withItems !== undefined && x.withItems.length > 0) || !!x.withParam || x.withSequence !== undefined;
}

/** The items, or why they cannot be known (a `withParam` that is not a JSON list). */
export function loopItems(loop: Loop): Evaluated {
  if (loop.withItems && loop.withItems.length > 0) return { ok: true, value: loop.withItems };
  if (loop.withParam) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(loop.withParam);
    } catch {
      return { ok: false, reason: `withParam value could not be parsed as a JSON list: ${loop.withParam.trim()}` };
    }
    if (!Array.isArray(parsed))
      return { ok: false, reason: `withParam value could not be parsed as a JSON list: ${loop.withParam.trim()}` };
    return { ok: true, value: parsed };
  }
  if (loop.withSequence) return expandSequence(loop.withSequence);
  return { ok: true, value: [] };
}

function expandSequence(seq: NonNullable<Loop['withSequence']>): Evaluated {
  const int = (v: unknown): number | undefined => {
    const n = Number(typeof v === 'string' ? v.trim() : v);
    return Number.isInteger(n) ? n : undefined;
  };
  const start = seq.start === undefined ? 0 : int(seq.start);
  if (start === undefined) return { ok: false, reason: `withSequence start '${String(seq.start)}' is not an integer` };
  let end: number | undefined;
  if (seq.end !== undefined) end = int(seq.end);
  else if (seq.count !== undefined) {
    const count = int(seq.count);
    if (count === undefined)
      return { ok: false, reason: `withSequence count '${String(seq.count)}' is not an integer` };
    if (count === 0) return { ok: true, value: [] };
    end = start + count - 1;
  } else return { ok: false, reason: 'neither end nor count was specified in withSequence' };
  if (end === undefined) return { ok: false, reason: `withSequence end '${String(seq.end)}' is not an integer` };
  const items: string[] = [];
  const step = start <= end ? 1 : -1;
  for (let i = start; step > 0 ? i <= end : i >= end; i += step) items.push(formatInt(seq.format, i));
  return { ok: true, value: items };
}

/** Go's `fmt.Sprintf(format, i)` for the integer verbs sequences use (`%d`, `%02d`, `%x`…). */
function formatInt(format: string | undefined, i: number): string {
  if (!format) return String(i);
  return format.replace(/%(0?)(\d*)([dxXo])/g, (_m, zero: string, width: string, verb: string) => {
    let s = verb === 'd' ? String(Math.abs(i)) : Math.abs(i).toString(verb === 'o' ? 8 : 16);
    if (verb === 'X') s = s.toUpperCase();
    const w = Number(width || 0) - (i < 0 ? 1 : 0);
    s = s.padStart(w, zero === '0' ? '0' : ' ');
    return i < 0 ? `-${s}` : s;
  });
}

/** Go's `%v` of a decoded JSON value. */
function goString(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(goString).join(' ')}]`;
  if (typeof v === 'object' && v !== null) {
    const entries = Object.keys(v)
      .sort()
      .map((k) => `${k}:${goString((v as Record<string, unknown>)[k])}`);
    return `map[${entries.join(' ')}]`;
  }
  return String(v);
}

/** `processItem` + `generateNodeName`. */
export function iterations(name: string, items: readonly unknown[]): Iteration[] {
  return items.map((item, index) => {
    const names: Record<string, string> = {};
    let desc: string;
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const vals: string[] = [];
      for (const [k, v] of Object.entries(item)) {
        names[`item.${k}`] = goString(v);
        vals.push(`${k}:${goString(v)}`);
      }
      names.item = JSON.stringify(item);
      desc = vals.sort().join(',');
    } else if (Array.isArray(item)) {
      names.item = JSON.stringify(item);
      desc = goString(item);
    } else {
      names.item = String(item);
      desc = String(item);
    }
    return { name: `${name}(${index}:${desc.replace(/[()]/g, '')})`, index, names };
  });
}

/**
 * The simulation's logical clock: seconds since the run started, never the wall clock, so a run is the same every
 * time. Timestamps are rendered from a fixed epoch, as RFC 3339 like the controller writes them.
 */
export const EPOCH_MS = Date.UTC(2000, 0, 1);

/** How long a leaf runs when its outcome gives no `durationSeconds`. */
export const DEFAULT_LEAF_SECONDS = 1;

/** Rendered once per instant: a run reads the same few instants into every node's scope. */
const TIMESTAMPS = new Map<number, string>();

export function timestamp(seconds: number): string {
  let text = TIMESTAMPS.get(seconds);
  if (text === undefined) {
    text = new Date(EPOCH_MS + Math.round(seconds * 1000)).toISOString().replace(/\.000Z$/, 'Z');
    if (TIMESTAMPS.size < 4096) TIMESTAMPS.set(seconds, text);
  }
  return text;
}

/** Go's `time.Time.String()` of a UTC instant (`2000-01-01 00:01:00 +0000 UTC`), as messages print deadlines. */
export function goTimeString(seconds: number): string {
  return `${timestamp(seconds).replace('T', ' ').replace('Z', '')} +0000 UTC`;
}

/** Argo durations: a number of seconds, or Go's `1h2m3.5s` form. Undefined when it is neither. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001, us: 1e-6, µs: 1e-6, ns: 1e-9 };
  let total = 0;
  let rest = text;
  while (rest !== '') {
    const m = /^(\d+(?:\.\d+)?)(h|ms|m|s|us|\u00b5s|ns)/.exec(rest);
    if (!m) return undefined;
    total += Number(m[1]) * (unit[m[2] as string] as number);
    rest = rest.slice(m[0].length);
  }
  return total;
}

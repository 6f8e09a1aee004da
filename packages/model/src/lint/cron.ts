import type { CronWorkflowSpec } from '../gen/types.gen.js';
import { list, type Sink } from './document.js';

/**
 * CronWorkflow rules (argo-validation-rules.md rule 69): at least one schedule, each parsing as robfig/cron's
 * `ParseStandard` does (five fields, or a descriptor, optionally after `CRON_TZ=`), a timezone Go can load, and a
 * known concurrencyPolicy. The errors quote robfig/cron's wording.
 */
export function checkCron(sink: Sink, spec: CronWorkflowSpec): void {
  // Argo 3.7 also has the single `schedule` (removed in 4.0); only a 3.7 target's schema check lets it through.
  const single = (spec as { schedule?: unknown }).schedule;
  if (single !== undefined && single !== '' && list(spec.schedules).length > 0)
    sink.error(
      'lint/schedule-and-schedules',
      '/spec/schedule',
      'cron workflow cant be configured with both Spec.Schedule and Spec.Schedules',
    );
  const schedules: [unknown, string][] =
    single !== undefined && single !== ''
      ? [[single, '/spec/schedule']]
      : list(spec.schedules).map((s, i) => [s, `/spec/schedules/${i}`]);
  if (schedules.length === 0)
    sink.error('lint/missing-schedule', '/spec/schedules', 'cron workflow must have at least one schedule');
  for (const [s, at] of schedules) {
    const problem = typeof s === 'string' ? scheduleProblem(s) : 'not a string';
    if (problem) sink.error('lint/invalid-schedule', at, `cron schedule ${s} is malformed: ${problem}`);
  }
  if (spec.timezone && !validTimezone(spec.timezone))
    sink.error(
      'lint/invalid-timezone',
      '/spec/timezone',
      `invalid timezone "${spec.timezone}": unknown time zone ${spec.timezone}`,
    );
  const policy = spec.concurrencyPolicy;
  if (policy !== undefined && !['Allow', 'Forbid', 'Replace', ''].includes(policy))
    sink.error(
      'lint/invalid-concurrency-policy',
      '/spec/concurrencyPolicy',
      `'${policy}' is not a valid concurrencyPolicy (expected Allow, Forbid or Replace)`,
    );
  if (typeof spec.startingDeadlineSeconds === 'number' && spec.startingDeadlineSeconds < 0)
    sink.error(
      'lint/invalid-starting-deadline',
      '/spec/startingDeadlineSeconds',
      'startingDeadlineSeconds must be positive',
    );
}

/** Whether Go's `time.LoadLocation` would load the zone: IANA names, `UTC`, and `Local`. */
let canonicalZones: ReadonlySet<string> | undefined;

export function validTimezone(zone: string): boolean {
  if (zone === 'Local' || zone === 'UTC') return true;
  // The canonical IANA names first (~2 ms once); a formatter is the authority for aliases (US/Eastern, Etc/GMT+5) but
  // costs ~15 ms on its first use, a twentieth of `argo-gen generate`.
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (canonicalZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const GO_DURATION = /^([0-9]+(\.[0-9]+)?(ns|us|\u00b5s|ms|s|m|h))+$/;

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const FIELDS: readonly Field[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];

/** Why a schedule does not parse, or undefined. */
export function scheduleProblem(schedule: string): string | undefined {
  let text = schedule.trim();
  const tz = /^(CRON_TZ|TZ)=(\S+)\s*/.exec(text);
  if (tz) {
    if (!validTimezone(tz[2] ?? '')) return `provided bad location ${tz[2]}: unknown time zone ${tz[2]}`;
    text = text.slice(tz[0].length);
  }
  if (text === '') return 'empty spec string';
  if (text.startsWith('@')) {
    if (DESCRIPTORS.has(text)) return undefined;
    const every = /^@every\s+(\S+)$/.exec(text);
    if (every) return GO_DURATION.test(every[1] ?? '') ? undefined : `failed to parse duration ${text}`;
    return `unrecognized descriptor: ${text}`;
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    const problem = fieldProblem(fields[i] ?? '', FIELDS[i] as Field);
    if (problem) return problem;
  }
  return undefined;
}

function fieldProblem(text: string, field: Field): string | undefined {
  for (const part of text.split(',')) {
    const [range = '', step, extra] = part.split('/');
    if (extra !== undefined) return `too many slashes: ${part}`;
    let low = field.min;
    let high = field.max;
    if (range !== '*' && range !== '?') {
      const [a = '', b, more] = range.split('-');
      if (more !== undefined) return `too many hyphens: ${range}`;
      const start = value(a, field);
      if (typeof start === 'string') return start;
      low = start;
      if (b !== undefined) {
        const end = value(b, field);
        if (typeof end === 'string') return end;
        high = end;
      } else if (step === undefined) high = low;
      if (low < field.min) return `beginning of range (${low}) below minimum (${field.min}): ${part}`;
      if (high > field.max) return `end of range (${high}) above maximum (${field.max}): ${part}`;
      if (low > high) return `beginning of range (${low}) beyond end of range (${high}): ${part}`;
    }
    if (step !== undefined) {
      const n = value(step, { ...field, names: [] });
      if (typeof n === 'string') return n;
      if (n === 0) return `step of range should be a positive number: ${part}`;
    }
  }
  return undefined;
}

function value(text: string, field: Field): number | string {
  const named = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named >= 0) return named + field.min;
  if (!/^[0-9]+$/.test(text))
    return `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`;
  return Number(text);
}

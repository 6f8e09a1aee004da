import {
  asBoolean,
  asNumber,
  type Condition,
  container,
  expr,
  inputs,
  output,
  param,
  type Ref,
  task,
  when,
  workflowParams,
} from '@argo-gen/dsl';

/**
 * The typed-expression table: each row is a typed condition or `expr` value built with the DSL, and what it means
 * in TypeScript, evaluated on plain JS values. expressions-agree.test.ts renders each row with the DSL and has Argo's
 * own evaluators (expr-oracle) compute it with the same values, as the strings Argo passes around.
 */

export const wf = workflowParams({
  dryRun: param.boolean({ default: false }),
  region: param.string(),
  replicas: param.number(),
});
export const io = inputs({ env: param.enum(['staging', 'prod']), threshold: param.number() });
const probe = container(
  'probe',
  { image: 'alpine:3.20', command: ['sh', '-c', 'true'] },
  {
    outputs: {
      p95: output.path('/tmp/p95', { type: 'number' }),
      healthy: output.path('/tmp/healthy', { type: 'boolean' }),
      verdict: output.path('/tmp/verdict'),
    },
  },
);
export const t = task('probe', probe);
/** A task name that is not an identifier: expr-lang reaches it with brackets. */
export const dashed = task('load-test', probe);

/** One set of values, typed as the handles declare them. */
export interface Sample {
  readonly dryRun: boolean;
  readonly region: string;
  readonly replicas: number;
  readonly env: 'staging' | 'prod';
  readonly threshold: number;
  readonly p95: number;
  readonly healthy: boolean;
  readonly verdict: string;
  /** A script's standard output, a string the workflow knows to hold a number (read with asNumber). */
  readonly result: string;
  readonly dashedVerdict: string;
  /** How Argo holds a value when not as `String(value)` (a script may write `2.5e2`): JS reads it with Number(). */
  readonly text?: Partial<Record<keyof Sample, string>>;
}

/** The handle each sample field is substituted for. */
export const HANDLES: Readonly<Record<Exclude<keyof Sample, 'text'>, Ref<unknown>>> = {
  dryRun: wf.dryRun,
  region: wf.region,
  replicas: wf.replicas,
  env: io.env,
  threshold: io.threshold,
  p95: t.outputs.parameters.p95,
  healthy: t.outputs.parameters.healthy,
  verdict: t.outputs.parameters.verdict,
  result: t.outputs.result,
  dashedVerdict: dashed.outputs.parameters.verdict,
};

export const SAMPLES: readonly Sample[] = [
  {
    dryRun: false,
    region: 'eu-west-1',
    replicas: 3,
    env: 'prod',
    threshold: 200,
    p95: 250,
    healthy: true,
    verdict: 'pass',
    result: '7',
    dashedVerdict: 'pass',
  },
  {
    dryRun: true,
    region: 'us-east-1',
    replicas: 2,
    env: 'staging',
    threshold: 300,
    p95: 300,
    healthy: false,
    verdict: 'fail',
    result: '5',
    dashedVerdict: 'fail',
  },
  {
    dryRun: false,
    region: 'eu west',
    replicas: 0,
    env: 'prod',
    threshold: 1000.25,
    p95: 300.5,
    healthy: true,
    verdict: '',
    result: '-2.5',
    dashedVerdict: 'pass',
  },
  {
    dryRun: true,
    region: 'EU-north',
    replicas: 12,
    env: 'staging',
    threshold: -1,
    p95: -3,
    healthy: false,
    verdict: 'pass fail',
    result: '5.0',
    dashedVerdict: '',
  },
  {
    dryRun: false,
    region: 'eu-',
    replicas: 1,
    env: 'staging',
    threshold: 0.1,
    p95: 0,
    healthy: false,
    verdict: 'Pass',
    result: '100',
    dashedVerdict: 'Pass',
  },
];

/**
 * Numbers as scripts write them, which Argo's asFloat (Go's ParseFloat) reads as JS's Number() does, and NaN (the
 * default of perfCheck's p95 when k6 wrote none): every comparison with NaN is false. Conditions only: a `{{= }}`
 * whose value is NaN cannot be written (JSON has no NaN), so Argo refuses it.
 */
export const NUMBER_TEXT_SAMPLES: readonly Sample[] = [
  { ...(SAMPLES[0] as Sample), p95: 250, replicas: 1000, text: { p95: '2.5e2', replicas: '1e3' } },
  { ...(SAMPLES[1] as Sample), p95: Number.NaN, threshold: 0.5, text: { threshold: '.5' } },
  { ...(SAMPLES[2] as Sample), p95: 300, replicas: 7, text: { p95: '300.000', replicas: '+7' } },
];

/**
 * Values a govaluate `when` cannot hold: Argo substitutes them raw into the text, where a quote ends the string
 * (`'it's'`). The `{{= }}` form reads them as values, so the expr-lang rows are also checked with these.
 */
export const QUOTING_SAMPLES: readonly Sample[] = [
  { ...(SAMPLES[0] as Sample), verdict: "it's", region: 'a "b" \\ c' },
  { ...(SAMPLES[1] as Sample), verdict: 'pass', region: "eu-'x'" },
];

export interface ConditionRow {
  readonly name: string;
  readonly condition: Condition;
  /** What the condition means in TypeScript, on the typed values. */
  readonly means: (s: Sample) => boolean;
}

const p95 = t.outputs.parameters.p95;
const verdict = t.outputs.parameters.verdict;
const healthy = t.outputs.parameters.healthy;

export const CONDITIONS: readonly ConditionRow[] = [
  { name: 'number < literal', condition: when.lt(p95, 300), means: (s) => s.p95 < 300 },
  { name: 'number <= literal', condition: when.le(p95, 300), means: (s) => s.p95 <= 300 },
  { name: 'number > number', condition: when.gt(p95, io.threshold), means: (s) => s.p95 > s.threshold },
  { name: 'number >= literal', condition: when.ge(wf.replicas, 3), means: (s) => s.replicas >= 3 },
  { name: 'number == literal', condition: when.eq(p95, 300), means: (s) => s.p95 === 300 },
  { name: 'number != fraction', condition: when.ne(p95, 300.5), means: (s) => s.p95 !== 300.5 },
  { name: 'number < negative', condition: when.lt(p95, -1), means: (s) => s.p95 < -1 },
  { name: 'number < huge literal', condition: when.lt(p95, 1e21), means: (s) => s.p95 < 1e21 },
  { name: 'number > tiny literal', condition: when.gt(p95, 1e-7), means: (s) => s.p95 > 1e-7 },
  { name: 'literal on the left', condition: when.lt(100, wf.replicas), means: (s) => 100 < s.replicas },
  { name: 'boolean == false', condition: when.eq(wf.dryRun, false), means: (s) => s.dryRun === false },
  { name: 'boolean == true', condition: when.eq(wf.dryRun, true), means: (s) => s.dryRun === true },
  { name: 'boolean != boolean', condition: when.ne(wf.dryRun, healthy), means: (s) => s.dryRun !== s.healthy },
  { name: 'boolean handle', condition: when.truthy(healthy), means: (s) => s.healthy },
  { name: 'not boolean', condition: when.not(when.truthy(wf.dryRun)), means: (s) => !s.dryRun },
  { name: 'string == literal', condition: when.eq(verdict, 'pass'), means: (s) => s.verdict === 'pass' },
  { name: 'string != literal', condition: when.ne(verdict, 'pass'), means: (s) => s.verdict !== 'pass' },
  { name: 'string == empty', condition: when.eq(verdict, ''), means: (s) => s.verdict === '' },
  {
    name: 'string == string',
    condition: when.eq(verdict, dashed.outputs.parameters.verdict),
    means: (s) => s.verdict === s.dashedVerdict,
  },
  { name: 'literal with a quote', condition: when.ne(verdict, "it's"), means: (s) => s.verdict !== "it's" },
  { name: 'enum == value', condition: when.eq(io.env, 'prod'), means: (s) => s.env === 'prod' },
  {
    name: 'dashed task name',
    condition: when.eq(dashed.outputs.parameters.verdict, 'pass'),
    means: (s) => s.dashedVerdict === 'pass',
  },
  { name: 'regular expression', condition: when.matches(wf.region, '^eu-'), means: (s) => /^eu-/.test(s.region) },
  {
    name: 'asNumber(result) > literal',
    condition: when.gt(asNumber(t.outputs.result), 5),
    means: (s) => Number(s.result) > 5,
  },
  {
    name: 'asNumber(result) == literal',
    condition: when.eq(asNumber(t.outputs.result), 5),
    means: (s) => Number(s.result) === 5,
  },
  {
    name: 'asBoolean(string)',
    condition: when.truthy(asBoolean(t.outputs.parameters.verdict)),
    means: (s) => s.verdict === 'true',
  },
  {
    name: 'and of number and string',
    condition: when.and(when.lt(p95, 300), when.eq(verdict, 'pass')),
    means: (s) => s.p95 < 300 && s.verdict === 'pass',
  },
  {
    name: 'or of boolean and number',
    condition: when.or(when.truthy(wf.dryRun), when.gt(wf.replicas, 2)),
    means: (s) => s.dryRun || s.replicas > 2,
  },
  {
    name: 'or inside and, not',
    condition: when.and(when.or(when.eq(io.env, 'prod'), when.truthy(healthy)), when.not(when.ge(p95, io.threshold))),
    means: (s) => (s.env === 'prod' || s.healthy) && !(s.p95 >= s.threshold),
  },
  {
    name: 'and inside or',
    condition: when.or(when.and(when.eq(verdict, 'pass'), when.not(when.truthy(wf.dryRun))), when.le(wf.replicas, 0)),
    means: (s) => (s.verdict === 'pass' && !s.dryRun) || s.replicas <= 0,
  },
  {
    name: 'not of and',
    condition: when.not(when.and(when.truthy(healthy), when.eq(wf.dryRun, false))),
    means: (s) => !(s.healthy && s.dryRun === false),
  },
];

export interface ExprRow {
  readonly name: string;
  /** A `{{= }}` string written with `expr```. */
  readonly expression: string;
  /** The value Argo must substitute: a boolean (written `true`/`false`) or text. */
  readonly means: (s: Sample) => boolean | string;
}

export const EXPRESSIONS: readonly ExprRow[] = [
  { name: 'the issue’s p95 < 300', expression: expr`${p95} < 300`, means: (s) => s.p95 < 300 },
  { name: 'the issue’s dryRun == false', expression: expr`${wf.dryRun} == false`, means: (s) => s.dryRun === false },
  {
    name: 'arithmetic on numbers',
    expression: expr`${p95} * 2 > ${io.threshold} + 1`,
    means: (s) => s.p95 * 2 > s.threshold + 1,
  },
  { name: 'boolean operators', expression: expr`!${wf.dryRun} && ${healthy}`, means: (s) => !s.dryRun && s.healthy },
  {
    name: 'string equality',
    expression: expr`${verdict} == 'pass' || ${io.env} == 'prod'`,
    means: (s) => s.verdict === 'pass' || s.env === 'prod',
  },
  {
    name: 'a typed condition inside',
    expression: expr`${when.lt(p95, 300)} && ${verdict} != ''`,
    means: (s) => s.p95 < 300 && s.verdict !== '',
  },
  { name: 'a number value', expression: expr`${p95} + 1`, means: (s) => String(s.p95 + 1) },
  {
    name: 'a number value from two',
    expression: expr`${p95} - ${wf.replicas}`,
    means: (s) => String(s.p95 - s.replicas),
  },
  {
    name: 'a string value',
    expression: expr`${verdict} + '/' + ${wf.region}`,
    means: (s) => `${s.verdict}/${s.region}`,
  },
  { name: 'a boolean value', expression: expr`${wf.dryRun}`, means: (s) => s.dryRun },
  { name: 'a string of a quote', expression: expr`${verdict} == "it's"`, means: (s) => s.verdict === "it's" },
];

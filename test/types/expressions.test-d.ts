/**
 * Type tests for typed conditions (`when.*`): compiled by `tsc -p test/tsconfig.json --noEmit`, so each
 * `@ts-expect-error` must stay an error. A comparison the type allows is one Argo evaluates as the type says
 * (test/expressions-agree.test.ts checks that against Argo's own evaluators).
 */
import {
  asBoolean,
  asNumber,
  type Condition,
  container,
  inputs,
  output,
  param,
  Ref,
  type Task,
  task,
  when,
  workflowParams,
} from '@argo-gen/dsl';
import type { PerfCheckOutputs } from '@argo-gen/steps';
import { describe, expectTypeOf, it } from 'vitest';

const wf = workflowParams({ dryRun: param.boolean({ default: false }), region: param.string() });
const i = inputs({ replicas: param.number(), env: param.enum(['staging', 'prod']) });
const probe = container(
  'probe',
  { image: 'alpine:3.20', command: ['sh', '-c', 'echo 250 > /tmp/p95; echo pass > /tmp/verdict'] },
  {
    outputs: {
      p95: output.path('/tmp/p95', { type: 'number' }),
      healthy: output.path('/tmp/healthy', { type: 'boolean' }),
      verdict: output.path('/tmp/verdict'),
    },
  },
);
const t = task('probe', probe);

describe('typed handles', () => {
  it('carry the declared type of parameters and outputs', () => {
    expectTypeOf(wf.dryRun).toEqualTypeOf<Ref<boolean>>();
    expectTypeOf(i.replicas).toEqualTypeOf<Ref<number>>();
    expectTypeOf(t.outputs.parameters.p95).toEqualTypeOf<Ref<number>>();
    expectTypeOf(t.outputs.parameters.healthy).toEqualTypeOf<Ref<boolean>>();
    expectTypeOf(t.outputs.parameters.verdict).toEqualTypeOf<Ref<string>>();
    expectTypeOf(asNumber(t.outputs.result)).toEqualTypeOf<Ref<number>>();
  });

  it('make perfCheck’s p95 and error rate numbers', () => {
    type Gate = Task<PerfCheckOutputs>['outputs']['parameters'];
    expectTypeOf<Gate['p95']>().toEqualTypeOf<Ref<number>>();
    expectTypeOf<Gate['error-rate']>().toEqualTypeOf<Ref<number>>();
    expectTypeOf<Gate['verdict']>().toEqualTypeOf<Ref<string>>();
  });
});

describe('comparisons type-check only within one type', () => {
  it('accepts what Argo evaluates as typed', () => {
    expectTypeOf(when.lt(t.outputs.parameters.p95, 300)).toEqualTypeOf<Condition>();
    when.eq(wf.dryRun, false);
    when.truthy(t.outputs.parameters.healthy);
    when.eq(i.env, 'prod');
    when.eq(t.outputs.parameters.verdict, 'pass');
    when.ge(i.replicas, t.outputs.parameters.p95);
    when.gt(asNumber(t.outputs.result), 3);
    when.truthy(asBoolean(t.outputs.result));
    when.matches(wf.region, '^eu-');
  });

  it('refuses a string handle compared with a number or a boolean', () => {
    // @ts-expect-error a string handle is not ordered against a number (expr-lang: string < int)
    when.lt(t.outputs.parameters.verdict, 300);
    // @ts-expect-error a string handle does not equal a number
    when.eq(t.outputs.parameters.verdict, 300);
    // @ts-expect-error "false" == false is always false
    when.eq(t.outputs.result, false);
    // @ts-expect-error a string handle is not a condition
    when.truthy(t.outputs.parameters.verdict);
  });

  it('refuses a number or boolean handle compared with a string', () => {
    // @ts-expect-error a boolean handle compared with the string 'false'
    when.eq(wf.dryRun, 'false');
    // @ts-expect-error a number handle compared with a string
    when.eq(t.outputs.parameters.p95, '300');
    // @ts-expect-error handles of two types
    when.ne(i.replicas, wf.region);
    // @ts-expect-error only strings are matched against a pattern
    when.matches(i.replicas, '^1');
  });

  it('keeps enum handles to their values', () => {
    // @ts-expect-error not one of the enum's values
    when.eq(i.env, 'production');
  });
});

describe('handles the DSL cannot type', () => {
  it('are compared as what they are compared with', () => {
    const item = new Ref<unknown>(['item', 'kind']);
    when.eq(item, 'even');
    when.eq(item, 2);
    when.matches(item, '^e');
    // @ts-expect-error ordering needs a number: asNumber(item)
    when.lt(item, 2);
    when.lt(asNumber(item), 2);
  });
});

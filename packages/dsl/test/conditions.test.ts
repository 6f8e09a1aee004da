import { describe, expect, it } from 'vitest';
import {
  type Condition,
  dag,
  expr,
  globals,
  inputs,
  param,
  synth,
  task,
  when,
  workflowTemplate,
} from '../src/index.js';
import { render } from '../src/tokens.js';
import { echo } from './helpers.js';

const a = task('a', echo, { args: { who: 'a' } });
const out = a.outputs.parameters.out;
/** A condition as it appears in YAML (handles rendered to `{{…}}`). */
const text = (c: Condition | string): string => render(String(c)).text;

/** The `when` (or the first argument) of task `b` after synthesis. */
function rendered(b: ReturnType<typeof task>): { when?: string; value?: string; depends?: string } {
  const doc = synth(workflowTemplate('w', { entrypoint: dag('main', [a, b]) }));
  const t = doc.spec.templates?.[0]?.dag?.tasks?.[1];
  return { when: t?.when, value: t?.arguments?.parameters?.[0]?.value as string | undefined, depends: t?.depends };
}

describe('when: typed conditions rendered in Argo’s govaluate syntax', () => {
  it.each([
    ['string equality quotes both sides', when.eq(out, 'pass'), "'{{tasks.a.outputs.parameters.out}}' == 'pass'"],
    ['inequality', when.ne(out, 'fail'), "'{{tasks.a.outputs.parameters.out}}' != 'fail'"],
    ['numbers are not quoted', when.gt(a.outputs.result, 3), '{{tasks.a.outputs.result}} > 3'],
    ['ordering comparisons are numeric', when.le(out, '10'), "{{tasks.a.outputs.parameters.out}} <= '10'"],
    [
      'ge / lt',
      when.and(when.ge(a.exitCode, 0), when.lt(a.exitCode, 2)),
      '{{tasks.a.exitCode}} >= 0 && {{tasks.a.exitCode}} < 2',
    ],
    ['booleans', when.eq(out, true), "'{{tasks.a.outputs.parameters.out}}' == true"],
    [
      'quotes and backslashes in literals are escaped',
      when.eq(out, "it's a\\b"),
      "'{{tasks.a.outputs.parameters.out}}' == 'it\\'s a\\\\b'",
    ],
    ['regular expressions', when.matches(out, '^v[0-9]+'), "'{{tasks.a.outputs.parameters.out}}' =~ '^v[0-9]+'"],
    ['truthy handles', when.truthy(out), '{{tasks.a.outputs.parameters.out}} == true'],
  ])('%s', (_what, condition, text) => {
    expect(rendered(task('b', echo, { args: { who: 'b' }, when: condition })).when).toBe(text);
  });

  it('or inside and is parenthesised; and inside or is not', () => {
    const x = when.eq(out, 'x');
    const y = when.eq(out, 'y');
    const z = when.gt(a.outputs.result, 1);
    expect(text(when.and(when.or(x, y), z))).toBe(
      "('{{tasks.a.outputs.parameters.out}}' == 'x' || '{{tasks.a.outputs.parameters.out}}' == 'y') && {{tasks.a.outputs.result}} > 1",
    );
    expect(text(when.or(when.and(x, y), z))).toBe(
      "'{{tasks.a.outputs.parameters.out}}' == 'x' && '{{tasks.a.outputs.parameters.out}}' == 'y' || {{tasks.a.outputs.result}} > 1",
    );
  });

  it('not always parenthesises its operand (govaluate’s ! binds tighter than ==)', () => {
    expect(text(when.not(when.eq(out, 'x')))).toBe("!('{{tasks.a.outputs.parameters.out}}' == 'x')");
    expect(text(when.not(when.and(when.eq(out, 'x'), when.eq(out, 'y'))))).toBe(
      "!('{{tasks.a.outputs.parameters.out}}' == 'x' && '{{tasks.a.outputs.parameters.out}}' == 'y')",
    );
    expect(text(when.and(when.not(when.eq(out, 'x')), when.eq(out, 'y')))).toBe(
      "!('{{tasks.a.outputs.parameters.out}}' == 'x') && '{{tasks.a.outputs.parameters.out}}' == 'y'",
    );
  });

  it('a when that reads a task makes it a dependency', () => {
    expect(rendered(task('b', echo, { args: { who: 'b' }, when: when.eq(out, 'go') })).depends).toBe('a');
  });

  it('workflow parameters and inputs work as operands', () => {
    const i = inputs({ env: param.enum(['dev', 'prod']) });
    expect(text(when.and(when.eq(globals.status, 'Succeeded'), when.ne(i.env, 'prod')))).toBe(
      "'{{workflow.status}}' == 'Succeeded' && '{{inputs.parameters.env}}' != 'prod'",
    );
  });
});

describe('expr: {{= }} expressions', () => {
  it('renders handles as bare expression paths', () => {
    const b = task('b', echo, { args: { who: expr`${out} + '-' + ${globals.name}` } });
    expect(rendered(b)).toEqual({ value: "{{=tasks.a.outputs.parameters.out + '-' + workflow.name}}", depends: 'a' });
  });

  it('uses bracket notation for path segments that are not identifiers', () => {
    const withDash = task('my-task', echo, { args: { who: 'x' } });
    expect(text(expr`${withDash.outputs.parameters.out} == 'x'`)).toBe(
      "{{=tasks['my-task'].outputs.parameters.out == 'x'}}",
    );
  });

  it('interpolates numbers, booleans and strings as written', () => {
    const b = task('b', echo, { args: { who: expr`asInt(${out}) > ${3} && ${true} && ${"'lit'"} != ''` } });
    expect(rendered(b).value).toBe("{{=asInt(tasks.a.outputs.parameters.out) > 3 && true && 'lit' != ''}}");
  });

  it('can be a when condition', () => {
    const b = task('b', echo, { args: { who: 'b' }, when: expr`${a.outputs.result} == 'heads'` });
    expect(rendered(b)).toMatchObject({ when: "{{=tasks.a.outputs.result == 'heads'}}", depends: 'a' });
  });
});

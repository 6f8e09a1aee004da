import { describe, expect, it } from 'vitest';
import {
  asNumber,
  type Condition,
  dag,
  expr,
  globals,
  inputs,
  param,
  Ref,
  synth,
  task,
  when,
  workflowTemplate,
} from '../src/index.js';
import { render } from '../src/tokens.js';
import { echo, errorOf, lineHere } from './helpers.js';

const a = task('a', echo, { args: { who: 'a' } });
const out = a.outputs.parameters.out;
/** `when` as plain JavaScript (or esbuild, which `generate` uses) calls it: no type check. */
const untyped = when as unknown as Record<keyof typeof when, (...operands: unknown[]) => Condition>;
const typed = inputs({ n: param.number(), ok: param.boolean(), env: param.enum(['dev', 'prod']) });
/** A condition as it appears in YAML (handles rendered to `{{…}}`). */
const text = (c: Condition | string): string => render(String(c)).text;

/** The `when` (or the first argument) of task `b` after synthesis. */
function rendered(b: ReturnType<typeof task>): { when?: string; value?: string; depends?: string } {
  const doc = synth(workflowTemplate('w', { entrypoint: dag('main', [a, b], { inputs: typed }) }));
  const t = doc.spec.templates?.[0]?.dag?.tasks?.[1];
  return { when: t?.when, value: t?.arguments?.parameters?.[0]?.value as string | undefined, depends: t?.depends };
}

describe('when: typed conditions rendered in Argo’s govaluate syntax', () => {
  it.each([
    ['string equality quotes both sides', when.eq(out, 'pass'), "'{{tasks.a.outputs.parameters.out}}' == 'pass'"],
    ['inequality', when.ne(out, 'fail'), "'{{tasks.a.outputs.parameters.out}}' != 'fail'"],
    ['numbers are compared by expr-lang', when.gt(typed.n, 3), '{{=asFloat(inputs.parameters.n) > 3}}'],
    [
      'a string handle read as a number',
      when.le(asNumber(out), 10),
      '{{=asFloat(tasks.a.outputs.parameters.out) <= 10}}',
    ],
    ['number literals in exponent form', when.lt(typed.n, 1e21), '{{=asFloat(inputs.parameters.n) < 1e+21}}'],
    [
      'ge / lt',
      when.and(when.ge(a.exitCode, 0), when.lt(a.exitCode, 2)),
      '{{=asFloat(tasks.a.exitCode) >= 0}} && {{=asFloat(tasks.a.exitCode) < 2}}',
    ],
    ['booleans compare as text', when.eq(typed.ok, true), "'{{inputs.parameters.ok}}' == 'true'"],
    ['a loop item takes the type it is compared with', when.eq(new Ref(['item']), 2), '{{=asFloat(item) == 2}}'],
    [
      'quotes and backslashes in literals are escaped',
      when.eq(out, "it's a\\b"),
      "'{{tasks.a.outputs.parameters.out}}' == 'it\\'s a\\\\b'",
    ],
    ['regular expressions', when.matches(out, '^v[0-9]+'), "'{{tasks.a.outputs.parameters.out}}' =~ '^v[0-9]+'"],
    ['truthy handles', when.truthy(typed.ok), "'{{inputs.parameters.ok}}' == 'true'"],
  ])('%s', (_what, condition, text) => {
    expect(rendered(task('b', echo, { args: { who: 'b' }, when: condition })).when).toBe(text);
  });

  it('or inside and is parenthesised; and inside or is not', () => {
    const x = when.eq(out, 'x');
    const y = when.eq(out, 'y');
    const z = when.gt(asNumber(a.outputs.result), 1);
    expect(text(when.and(when.or(x, y), z))).toBe(
      "('{{tasks.a.outputs.parameters.out}}' == 'x' || '{{tasks.a.outputs.parameters.out}}' == 'y') && {{=asFloat(tasks.a.outputs.result) > 1}}",
    );
    expect(text(when.or(when.and(x, y), z))).toBe(
      "'{{tasks.a.outputs.parameters.out}}' == 'x' && '{{tasks.a.outputs.parameters.out}}' == 'y' || {{=asFloat(tasks.a.outputs.result) > 1}}",
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

  it.each([
    [
      'a string handle ordered',
      () => untyped.lt(out, 300),
      'when.lt(): orders numbers only, got tasks.a.outputs.parameters.out (a string)',
    ],
    [
      'a string handle equal to a number',
      () => untyped.eq(out, 300),
      'when.eq(): cannot compare tasks.a.outputs.parameters.out (a string) with 300 (a number)',
    ],
    [
      'a boolean handle equal to a string',
      () => untyped.eq(typed.ok, 'false'),
      'when.eq(): cannot compare inputs.parameters.ok (a boolean) with "false" (a string)',
    ],
    [
      'a number handle matched',
      () => untyped.matches(typed.n, '^1'),
      'when.matches(): matches strings only, got inputs.parameters.n (a number)',
    ],
    [
      'a string handle as a condition',
      () => untyped.truthy(out),
      'when.truthy(): takes a boolean handle, got tasks.a.outputs.parameters.out (a string)',
    ],
  ])('refuses %s where it is written (the untyped path: generate does not type-check)', (_what, make, message) => {
    const error = errorOf(make);
    expect(error.issues[0]?.code).toBe('dsl/expression-type');
    expect(error.issues[0]?.message.startsWith(message)).toBe(true);
    expect(error.issues[0]?.source?.file).toMatch(/conditions\.test\.ts$/);
  });

  it('names the line of the mistaken call', () => {
    const line = lineHere();
    const inWhen = errorOf(() => untyped.gt(a.outputs.result, 3));
    const inExpr = errorOf(() => expr`${a.outputs.result} > 3`);
    expect([inWhen.issues[0]?.source?.line, inExpr.issues[0]?.source?.line]).toEqual([line + 1, line + 2]);
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

  it('reads number and boolean handles as Argo must (asFloat, == true)', () => {
    expect(text(expr`${typed.n} < 300 && ${typed.ok} == false`)).toBe(
      "{{=asFloat(inputs.parameters.n) < 300 && (inputs.parameters.ok == 'true') == false}}",
    );
  });

  it('renders a typed condition in expr-lang', () => {
    const c = when.and(when.eq(typed.env, 'prod'), when.not(when.lt(typed.n, 3)), when.matches(out, "^v'1"));
    expect(text(expr`${c}`)).toBe(
      "{{=(inputs.parameters.env == 'prod' && !(asFloat(inputs.parameters.n) < 3) && tasks.a.outputs.parameters.out matches '^v\\'1')}}",
    );
  });

  it.each([
    [
      'a string handle before a number',
      () => expr`${out} < 300`,
      'tasks.a.outputs.parameters.out (a string) < 300 (a number)',
    ],
    [
      'a number after a string handle',
      () => expr`300 >= ${out}`,
      'tasks.a.outputs.parameters.out (a string) >= 300 (a number)',
    ],
    [
      'a boolean handle and a string',
      () => expr`${typed.ok} == 'false'`,
      "inputs.parameters.ok (a boolean) == 'false' (a string)",
    ],
    [
      'two handles of other types',
      () => expr`${typed.n} != ${out}`,
      'inputs.parameters.n (a number) != tasks.a.outputs.parameters.out (a string)',
    ],
    [
      'a string handle and false',
      () => expr`${globals.status} == false`,
      'workflow.status (a string) == false (a boolean)',
    ],
  ])('refuses %s in expr text, at its line', (_what, make, message) => {
    const error = errorOf(make);
    expect(error.issues[0]?.code).toBe('dsl/expression-type');
    expect(error.issues[0]?.message).toContain(`cannot compare ${message}`);
    expect(error.issues[0]?.source?.file).toMatch(/conditions\.test\.ts$/);
  });

  it('types a withItems item by its values (Argo substitutes each as a string)', () => {
    const b = task('b', echo, { withItems: [1, 2.5], args: (item) => ({ who: expr`${item} < 2` }) });
    const c = task('c', echo, { withItems: [{ on: true }], args: (item) => ({ who: expr`${item.on} == false` }) });
    const mixed = task('d', echo, { withItems: [1, 'x'], args: (item) => ({ who: expr`${item} == 'x'` }) });
    const doc = synth(workflowTemplate('w', { entrypoint: dag('main', [b, c, mixed]) }));
    expect(doc.spec.templates?.[0]?.dag?.tasks?.map((x) => x.arguments?.parameters?.[0]?.value)).toEqual([
      '{{=asFloat(item) < 2}}',
      "{{=(item.on == 'true') == false}}",
      "{{=item == 'x'}}",
    ]);
    expect(
      errorOf(() => task('e', echo, { withItems: ['a'], args: (item) => ({ who: expr`${item} > 1` }) })).message,
    ).toContain('item (a string) > 1 (a number)');
  });

  it('leaves comparisons it cannot see alone (inside calls, of expression text)', () => {
    expect(text(expr`asInt(${out}) > 3 && len(${out}) == 0`)).toBe(
      '{{=asInt(tasks.a.outputs.parameters.out) > 3 && len(tasks.a.outputs.parameters.out) == 0}}',
    );
  });

  it('can be a when condition', () => {
    const b = task('b', echo, { args: { who: 'b' }, when: expr`${a.outputs.result} == 'heads'` });
    expect(rendered(b)).toMatchObject({ when: "{{=tasks.a.outputs.result == 'heads'}}", depends: 'a' });
  });
});

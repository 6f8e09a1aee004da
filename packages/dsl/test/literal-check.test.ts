import { describe, expect, it } from 'vitest';
import {
  container,
  dag,
  inputs,
  param,
  synth,
  task,
  workflowFrom,
  workflowParams,
  workflowTemplate,
} from '../src/index.js';
import { errorOf, fileOf, lineHere } from './helpers.js';

// `generate` compiles with esbuild, without type-checking: these casts stand for what `tsc` would have refused and
// a JavaScript caller can still write. Synthesis must refuse them with the file and line of the call.
const i = inputs({
  n: param.number({ default: 1 }),
  on: param.boolean({ default: false }),
  mode: param.enum(['fast', 'slow'], { default: 'fast' }),
  who: param.string({ default: 'x' }),
});
const t = container('t', { image: 'alpine:3.20', args: [i.n, i.on, i.mode, i.who] }, { inputs: i });
const bad = <T>(v: unknown) => v as T;

describe('literal arguments are checked against the declared parameter type at synthesis', () => {
  it.each([
    [{ n: bad<number>('three') }, `argument 'n' of template 't' must be a number (got "three")`],
    [{ n: Number.NaN }, `argument 'n' of template 't' must be a number (got NaN)`],
    [{ n: bad<number>(true) }, `argument 'n' of template 't' must be a number (got true)`],
    [{ on: bad<boolean>('yes') }, `argument 'on' of template 't' must be a boolean (got "yes")`],
    [{ on: bad<boolean>(1) }, `argument 'on' of template 't' must be a boolean (got 1)`],
    [{ mode: bad<'fast'>('warp') }, `argument 'mode' of template 't' must be one of "fast", "slow" (got "warp")`],
  ])('refuses %j with the file and line of the call', (args, message) => {
    const [run, line] = [() => task('a', t, { args }), lineHere()];
    const e = errorOf(run);
    expect(e.issues.map((x) => [x.code, x.subject, x.message, x.source?.file, x.source?.line])).toEqual([
      ['dsl/bad-argument', "task 'a'", message, fileOf(import.meta.url), line],
    ]);
  });

  it('accepts values of the declared type, and strings that are written the same way', () => {
    const a = task('a', t, { args: { n: 2.5, on: true, mode: 'slow', who: 'y' } });
    const b = task('b', t, { args: { n: bad<number>('-1e3'), on: bad<boolean>('false') } });
    const doc = synth(workflowTemplate('w', { entrypoint: dag('main', [a, b]) }));
    const tasks = doc.spec.templates?.find((x) => x.name === 'main')?.dag?.tasks;
    expect(tasks?.map((x) => x.arguments?.parameters?.map((p) => p.value))).toEqual([
      ['2.5', 'true', 'slow', 'y'],
      ['-1e3', 'false'],
    ]);
  });

  it('checks each withItems item that reaches a parameter through the (wider-typed) item handle', () => {
    const items = ['fast', 'bogus'];
    const [run, line] = [() => task('b', t, { withItems: items, args: (item) => ({ mode: item }) }), lineHere()];
    const e = errorOf(run);
    expect(e.issues.map((x) => [x.message, x.source?.line])).toEqual([
      [`argument 'mode' of template 't' must be one of "fast", "slow" (got "bogus"), from item 1 of withItems`, line],
    ]);
    expect(() => task('c', t, { withItems: [{ k: 1 }, { k: 'x' }], args: (item) => ({ n: item.k }) })).toThrow(
      `argument 'n' of template 't' must be a number (got "x"), from item 1 of withItems`,
    );
    // A string built around the item is checked as Argo will see it once substituted.
    expect(() =>
      task('d', t, { withItems: ['1', '2'], args: (item) => ({ n: bad<number>(`${item}0`) }) }),
    ).not.toThrow();
    expect(() => task('e', t, { withItems: ['1', 'x'], args: (item) => ({ n: bad<number>(`${item}0`) }) })).toThrow(
      `(got "x0"), from item 1 of withItems`,
    );
  });

  it('leaves values known only at run time to Argo (handles other than loop items)', () => {
    const wf = workflowParams({ mode: param.string() });
    expect(() => task('a', t, { args: { mode: wf.mode, n: bad<number>(wf.mode) } })).not.toThrow();
  });

  it('checks a Workflow run from a WorkflowTemplate the same way', () => {
    const wf = workflowParams({ replicas: param.number() });
    const wt = workflowTemplate('wt', { entrypoint: t, params: wf });
    expect(() => workflowFrom(wt, { generateName: 'x-' }, { replicas: bad<number>('many') })).toThrow(
      `workflow from 'wt': argument 'replicas' of WorkflowTemplate 'wt' must be a number (got "many") [dsl/bad-argument]`,
    );
  });

  it('checks a parameter default the same way, where it is declared', () => {
    const [run, line] = [() => param.number({ default: bad<number>('many') }), lineHere()];
    expect(errorOf(run).issues.map((x) => [x.code, x.message, x.source?.file, x.source?.line])).toEqual([
      ['dsl/bad-default', `param.number(): default must be a number (got "many")`, fileOf(import.meta.url), line],
    ]);
    expect(() => param.boolean({ default: bad<boolean>('no') })).toThrow(
      `param.boolean(): default must be a boolean (got "no") [dsl/bad-default]`,
    );
    expect(() => param.enum(['a', 'b'], { default: bad<'a'>('c') })).toThrow(
      `param.enum(): default must be one of "a", "b" (got "c") [dsl/bad-default]`,
    );
    expect(param.number({ default: 0 }).default).toBe(0);
  });
});

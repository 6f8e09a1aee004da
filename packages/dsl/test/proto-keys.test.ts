import { describe, expect, it } from 'vitest';
import {
  container,
  dag,
  inputs,
  output,
  param,
  paramsNamed,
  synth,
  task,
  workflowParams,
  workflowTemplate,
} from '../src/index.js';

// `__proto__` is a legal Argo name. Assigned as `object[name] = value` it would replace the prototype (or vanish, for
// a string); the DSL keeps it as an own property wherever a user's name becomes a key.

/** Read through a variable: linters take a literal `.__proto__` or `['__proto__']` for the prototype accessor. */
const PROTO = '__proto__';

describe('names that are also JavaScript special keys', () => {
  it('paramsNamed declares each name as an own key, __proto__ included, in the order given', () => {
    const specs = paramsNamed(['tier', PROTO, 'image'], (name) => param.string({ description: name }));
    expect(Object.keys(specs)).toEqual(['tier', '__proto__', 'image']);
    expect(Object.getPrototypeOf(specs)).toBe(Object.prototype);
    expect(Object.isFrozen(specs)).toBe(true);
    expect(Object.values(specs).map((s) => [s.description, s.required])).toEqual([
      ['tier', true],
      ['__proto__', true],
      ['image', true],
    ]);
  });

  it('inputs, outputs and workflow parameters named __proto__ have handles, and render', () => {
    const i = inputs({ ['__proto__']: param.string() });
    expect(Object.keys(i)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(i)).toBe(Object.prototype);
    const emit = container(
      'emit',
      { image: 'alpine:3.20', args: [i[PROTO]] },
      { inputs: i, outputs: { ['__proto__']: output.path('/tmp/out') } },
    );
    const params = workflowParams({ ['__proto__']: param.string({ default: 'hello' }) });
    const a = task('a', emit, { args: { ['__proto__']: params[PROTO] } });
    const b = task('b', emit, { args: { ['__proto__']: a.outputs.parameters[PROTO] } });
    const wt = workflowTemplate('proto', {
      labels: { ['__proto__']: 'x' },
      entrypoint: dag('main', [a, b]),
      params,
    });
    // The API server refuses '__proto__' as a label key (k8s/invalid-label, which synth's default lint reports):
    // this test is about carrying such keys, so it renders without the lint.
    expect(() => synth(wt)).toThrow(/k8s\/invalid-label/);
    const doc = synth(wt, { lint: false });
    expect(Object.keys(doc.metadata?.labels ?? {})).toEqual(['__proto__']);
    expect(doc.metadata?.labels?.[PROTO]).toBe('x');
    const tasks = doc.spec?.templates?.find((t) => t.name === 'main')?.dag?.tasks ?? [];
    expect(tasks.map((t) => t.arguments?.parameters?.[0])).toEqual([
      { name: '__proto__', value: '{{workflow.parameters.__proto__}}' },
      { name: '__proto__', value: '{{tasks.a.outputs.parameters.__proto__}}' },
    ]);
    const template = doc.spec?.templates?.find((t) => t.name === 'emit');
    expect(template?.container?.args).toEqual(['{{inputs.parameters.__proto__}}']);
    expect(template?.outputs?.parameters?.[0]?.name).toBe('__proto__');
  });
});

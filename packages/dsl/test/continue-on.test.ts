import { lintDocument } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { dag, or, synth, task, workflowTemplate } from '../src/index.js';
import { echo, errorOf, fileOf, lineHere } from './helpers.js';

// Argo refuses `continueOn` in a DAG that uses `depends` (validate.go, "cannot use 'continueOn' when using
// 'depends'"), so a DAG with `continueOn` is written with `dependencies`, the form Argo's controller gives continueOn
// its meaning in (ancestry.go expandDependency; dag.go assessDAGPhase for leaves).
const lint = (doc: unknown) => lintDocument(doc);
const synthDag = (entries: Parameters<typeof dag>[1]) =>
  synth(workflowTemplate('w', { entrypoint: dag('main', entries) }), { lint });

describe('continueOn in a DAG', () => {
  it('writes the DAG with dependencies (after and data references alike), which the lint accepts', () => {
    const a = task('a', echo, { args: { who: 'a' }, continueOn: { failed: true } });
    const b = task('b', echo, { args: { who: a.outputs.parameters.out } });
    const c = task('c', echo, { args: { who: 'c' }, after: [a, b] });
    const d = task('d', echo, { args: { who: 'd' } });
    const tasks = synthDag([a, b, c, d]).spec.templates?.find((t) => t.name === 'main')?.dag?.tasks;
    expect(tasks?.map((t) => [t.name, t.dependencies, t.depends, t.continueOn])).toEqual([
      ['a', undefined, undefined, { failed: true }],
      ['b', ['a'], undefined, undefined],
      ['c', ['a', 'b'], undefined, undefined],
      ['d', undefined, undefined, undefined],
    ]);
  });

  it('a raw entry with continueOn switches the DSL tasks of its DAG to dependencies too', () => {
    const raw = {
      name: 'a',
      template: 'echo',
      arguments: { parameters: [{ name: 'who', value: 'a' }] },
      continueOn: { error: true },
    };
    const b = task('b', echo, { args: { who: 'b' } });
    const c = task('c', echo, { args: { who: 'c' }, after: [b] });
    const tasks = synth(workflowTemplate('w', { entrypoint: dag('main', [raw, b, c]), templates: [echo] }), {
      lint,
    }).spec.templates?.find((t) => t.name === 'main')?.dag?.tasks;
    expect(tasks?.map((t) => t.dependencies)).toEqual([undefined, undefined, ['b']]);
  });

  it('a DAG without continueOn keeps depends', () => {
    const a = task('a', echo, { args: { who: 'a' } });
    const b = task('b', echo, { args: { who: 'b' }, after: [a] });
    const tasks = synthDag([a, b]).spec.templates?.find((t) => t.name === 'main')?.dag?.tasks;
    expect(tasks?.map((t) => [t.depends, t.dependencies])).toEqual([
      [undefined, undefined],
      ['a', undefined],
    ]);
  });

  it('refuses a depends expression next to continueOn at the call site, naming both tasks', () => {
    const a = task('a', echo, { args: { who: 'a' }, continueOn: { failed: true } });
    const x = task('x', echo, { args: { who: 'x' } });
    const [b, line] = [task('b', echo, { args: { who: 'b' }, depends: or(x.succeeded, x.failed) }), lineHere()];
    const e = errorOf(() => dag('main', [a, x, b]));
    expect(e.issues.map((i) => [i.code, i.message, i.source?.file, i.source?.line])).toEqual([
      [
        'dsl/continue-on-with-depends',
        "task 'b' has a 'depends' expression, and task 'a' of DAG 'main' has 'continueOn': Argo forbids both in one " +
          "DAG; drop 'continueOn' and say the continuation in 'depends' (or(a.succeeded, a.failed)), or order with " +
          "'after' only",
        fileOf(import.meta.url),
        line,
      ],
    ]);
  });

  it('the lint refuses what the DSL no longer emits (continueOn beside depends)', () => {
    const doc = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowTemplate',
      metadata: { name: 'w' },
      spec: {
        entrypoint: 'main',
        templates: [
          { name: 'echo', container: { image: 'alpine:3.20' } },
          {
            name: 'main',
            dag: {
              tasks: [
                { name: 'a', template: 'echo', continueOn: { failed: true } },
                { name: 'b', template: 'echo', depends: 'a' },
              ],
            },
          },
        ],
      },
    };
    expect(lintDocument(doc).map((i) => i.code)).toContain('lint/continue-on-with-depends');
  });
});

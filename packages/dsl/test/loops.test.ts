import { describe, expect, it } from 'vitest';
import { dag, step, steps, synth, task, workflowTemplate } from '../src/index.js';
import { echo } from './helpers.js';

function dagTasks(...tasks: Parameters<typeof dag>[1]) {
  return synth(workflowTemplate('w', { entrypoint: dag('main', tasks) })).spec.templates?.[0]?.dag?.tasks ?? [];
}

describe('loops', () => {
  it('withItems of objects: the item handle has typed fields', () => {
    const t = task('t', echo, {
      withItems: [
        { os: 'linux', speed: 'fast' },
        { os: 'darwin', speed: 'slow' },
      ] as const,
      args: (item) => ({ who: item.os, mode: item.speed }),
    });
    expect(dagTasks(t)).toEqual([
      {
        name: 't',
        template: 'echo',
        arguments: {
          parameters: [
            { name: 'who', value: '{{item.os}}' },
            { name: 'mode', value: '{{item.speed}}' },
          ],
        },
        withItems: [
          { os: 'linux', speed: 'fast' },
          { os: 'darwin', speed: 'slow' },
        ],
      },
    ]);
  });

  it('withItems of scalars: the item is {{item}}', () => {
    const t = task('t', echo, { withItems: ['a', 'b', 'yes'], args: (item) => ({ who: `hello ${item}` }) });
    expect(dagTasks(t)[0]).toMatchObject({
      arguments: { parameters: [{ name: 'who', value: 'hello {{item}}' }] },
      withItems: ['a', 'b', 'yes'],
    });
  });

  it('withParam over another task’s output adds the dependency; fields are reached with field()', () => {
    const gen = task('gen', echo, { args: { who: 'x' } });
    const each = task('each', echo, { withParam: gen.outputs.result, args: (item) => ({ who: item.field('name') }) });
    expect(dagTasks(gen, each)[1]).toEqual({
      name: 'each',
      template: 'echo',
      depends: 'gen',
      arguments: { parameters: [{ name: 'who', value: '{{item.name}}' }] },
      withParam: '{{tasks.gen.outputs.result}}',
    });
  });

  it('withSequence', () => {
    const t = task('t', echo, {
      withSequence: { start: '1', end: '5', format: 'n%02d' },
      args: (item) => ({ who: item }),
    });
    expect(dagTasks(t)[0]).toMatchObject({ withSequence: { start: '1', end: '5', format: 'n%02d' } });
  });

  it('loops on steps, with the iterations’ outputs aggregated by a later step', () => {
    const gen = step('gen', echo, { withItems: [1, 2, 3], args: (item) => ({ who: item }) });
    const sum = step('sum', echo, { args: { who: gen.outputs.parameters.out } });
    const doc = synth(workflowTemplate('w', { entrypoint: steps('main', [[gen], [sum]]) }));
    expect(doc.spec.templates?.[0]?.steps).toEqual([
      [
        {
          name: 'gen',
          template: 'echo',
          arguments: { parameters: [{ name: 'who', value: '{{item}}' }] },
          withItems: [1, 2, 3],
        },
      ],
      [
        {
          name: 'sum',
          template: 'echo',
          arguments: { parameters: [{ name: 'who', value: '{{steps.gen.outputs.parameters.out}}' }] },
        },
      ],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { simulate } from '../src/index.js';
import { container, names, node, workflow } from './helpers.js';

describe('parallelism', () => {
  it('a DAG with parallelism 2 starts its third ready task when one of the first two is done; phases do not change', () => {
    const wf = (parallelism?: number) =>
      workflow({
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            ...(parallelism ? { parallelism } : {}),
            dag: { tasks: ['a', 'b', 'c'].map((name) => ({ name, template: 'work' })) },
          },
          container('work'),
        ],
      });
    const started = (run: ReturnType<typeof simulate>, n: string) =>
      Date.parse(node(run, `wf.${n}`).startedAt as string) / 1000;
    const free = simulate(wf(), { outcomes: { a: { durationSeconds: 5 }, b: { durationSeconds: 3 } } });
    expect(['a', 'b', 'c'].map((n) => started(free, n))).toEqual([946684800, 946684800, 946684800]);
    const limited = simulate(wf(2), { outcomes: { a: { durationSeconds: 5 }, b: { durationSeconds: 3 } } });
    expect(started(limited, 'c') - started(limited, 'a')).toBe(3);
    expect(names(limited).at(-1)).toBe('wf.c');
    expect(limited.phase).toBe('Succeeded');
  });

  it('a steps group with parallelism 1 runs its loop iterations one after another', () => {
    const run = simulate(
      workflow({
        entrypoint: 'main',
        templates: [
          { name: 'main', parallelism: 1, steps: [[{ name: 'each', template: 'work', withItems: ['x', 'y'] }]] },
          container('work'),
        ],
      }),
    );
    const x = node(run, 'wf[0].each(0:x)');
    const y = node(run, 'wf[0].each(1:y)');
    expect(Date.parse(y.startedAt as string)).toBe(Date.parse(x.finishedAt as string));
  });
});

describe('workflow parallelism', () => {
  it("spec.parallelism 1 runs the workflow's pods one at a time", () => {
    const run = simulate(
      workflow({
        entrypoint: 'main',
        parallelism: 1,
        templates: [
          { name: 'main', dag: { tasks: ['a', 'b'].map((name) => ({ name, template: 'work' })) } },
          container('work'),
        ],
      }),
    );
    const a = node(run, 'wf.a');
    const b = node(run, 'wf.b');
    expect(Date.parse(b.startedAt as string)).toBe(Date.parse(a.finishedAt as string));
    expect(run.phase).toBe('Succeeded');
  });
});

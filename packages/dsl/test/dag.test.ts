import type * as model from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { dependsOf, findCycle } from '../src/dag.js';
import { and, dag, not, or, synth, type Task, task, workflowTemplate } from '../src/index.js';
import { echo, errorOf, fileOf, issuesOf, lineHere } from './helpers.js';

const hello = (name: string, extra: object = {}) => task(name, echo, { args: { who: name }, ...extra });

/** The rendered DAG tasks of a one-DAG WorkflowTemplate. */
function tasksOf(entries: readonly (Task | model.DAGTask)[]): readonly model.DAGTask[] {
  const doc = synth(workflowTemplate('w', { entrypoint: dag('main', entries) }));
  return doc.spec.templates?.find((t) => t.name === 'main')?.dag?.tasks ?? [];
}

describe('dag(): graph checks when the DAG is assembled', () => {
  it('refuses two tasks with one name', () => {
    const a = hello('a');
    expect(() => dag('main', [a, hello('b'), hello('a')])).toThrow(
      "DAG 'main' has two tasks named 'a' [dsl/duplicate-task]",
    );
    expect(() => dag('main', [a, a])).toThrow("DAG 'main' has two tasks named 'a' [dsl/duplicate-task]");
  });

  it('refuses a dependency on a task that belongs to another DAG (even one with the same name)', () => {
    const a = hello('a');
    const b = hello('b', { after: [a] });
    expect(() => dag('main', [b])).toThrow(
      "task 'b' depends on task 'a', which is not in DAG 'main' [dsl/foreign-dependency]",
    );
    // Same name, different task value: still foreign.
    expect(() => dag('main', [hello('a'), b])).toThrow(
      "task 'b' depends on task 'a', which is not in DAG 'main' [dsl/foreign-dependency]",
    );
    const c = hello('c', { depends: a.failed });
    expect(() => dag('main', [c])).toThrow(
      "task 'c' depends on task 'a', which is not in DAG 'main' [dsl/foreign-dependency]",
    );
  });

  it('refuses a data reference to a task that is not in the DAG', () => {
    const a = hello('a');
    const b = task('b', echo, { args: { who: a.outputs.parameters.out } });
    expect(issuesOf(() => dag('main', [b]))).toEqual([
      {
        code: 'dsl/unknown-task-reference',
        severity: 'error',
        path: '',
        message: "task 'b' uses an output of task 'a', which is not in DAG 'main'",
      },
    ]);
  });

  it('reports a cycle with its path', () => {
    // Tasks are values, so a cycle can only come from raw DAGTasks or from depends on names; build one with raw entries.
    const raw: model.DAGTask[] = [
      { name: 'a', template: 'echo', dependencies: ['c'] },
      { name: 'b', template: 'echo', dependencies: ['a'] },
      { name: 'c', template: 'echo', dependencies: ['b'] },
    ];
    expect(() => dag('main', raw)).toThrow("DAG 'main' has a dependency cycle: a -> c -> b -> a [dsl/dag-cycle]");
  });

  it('reports a cycle that goes through DSL tasks', () => {
    const a = hello('a');
    const b = hello('b', { after: [a] });
    const rawA: model.DAGTask = { name: 'a', template: 'echo', dependencies: ['b'] };
    expect(issuesOf(() => dag('main', [rawA, b])).map((i) => [i.code, i.message])).toEqual([
      ['dsl/foreign-dependency', "task 'b' depends on task 'a', which is not in DAG 'main'"],
      ['dsl/dag-cycle', "DAG 'main' has a dependency cycle: a -> b -> a"],
    ]);
  });

  it('findCycle returns the first cycle in declaration order, or undefined', () => {
    expect(findCycle(new Map([['x', ['x']]]))).toEqual(['x', 'x']);
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeUndefined();
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c', 'outside']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
  });

  it('locates a graph error at the line where the offending task was declared', () => {
    const a = hello('a');
    const [b, line] = [task('b', echo, { args: { who: 'b' }, after: [a] }), lineHere()];
    const [issue] = errorOf(() => dag('main', [b])).issues;
    expect(issue?.source).toMatchObject({ file: fileOf(import.meta.url), line });
  });
});

describe('dependencies inferred from data, after and depends', () => {
  it('a task that reads another task’s output depends on it', () => {
    const a = hello('a');
    const b = task('b', echo, { args: { who: a.outputs.parameters.out } });
    const c = task('c', echo, { args: { who: `${a.outputs.result}/${b.outputs.parameters.out}` } });
    expect(tasksOf([a, b, c]).map((t) => [t.name, t.depends])).toEqual([
      ['a', undefined],
      ['b', 'a'],
      ['c', 'a && b'],
    ]);
  });

  it('status, exit code and other task variables are data dependencies too', () => {
    const a = hello('a');
    const b = task('b', echo, { args: { who: a.status } });
    const c = task('c', echo, { args: { who: `${a.exitCode}` } });
    expect(tasksOf([a, b, c]).map((t) => t.depends)).toEqual([undefined, 'a', 'a']);
  });

  it('`after` adds plain dependencies, without repeating one the data already implies', () => {
    const a = hello('a');
    const b = hello('b');
    const c = task('c', echo, { args: { who: a.outputs.parameters.out }, after: [b, a] });
    expect(tasksOf([a, b, c])[2]?.depends).toBe('b && a');
  });

  it('an explicit depends expression is kept whole and data dependencies are and-ed after it', () => {
    const a = hello('a');
    const b = hello('b');
    const c = task('c', echo, { args: { who: a.outputs.parameters.out }, depends: or(b.failed, b.errored) });
    const d = task('d', echo, { args: { who: a.outputs.parameters.out }, depends: a.succeeded });
    expect(tasksOf([a, b, c, d]).map((t) => t.depends)).toEqual([
      undefined,
      undefined,
      '(b.Failed || b.Errored) && a',
      'a.Succeeded',
    ]);
  });

  // dag() and synth() share one `depends` per task (remembered for frozen tasks); a task object that can still change
  // is read afresh each time.
  it('a hand-made, unfrozen task renders the dependencies it has when synthesized', () => {
    const a = hello('a');
    const b = hello('b');
    const c: { -readonly [K in keyof Task]: Task[K] } = { ...hello('c'), after: [a] };
    expect(dependsOf(c)?.text).toBe('a');
    c.after = [a, b];
    expect(dependsOf(c)?.text).toBe('a && b');
    expect(tasksOf([a, b, c])[2]?.depends).toBe('a && b');
    const d = task('d', echo, { args: { who: a.outputs.parameters.out }, after: [b] });
    expect(dependsOf(d)).toBe(dependsOf(d));
    expect(tasksOf([a, b, d])[2]?.depends).toBe('b && a');
  });

  it('a task with no dependency has no depends field', () => {
    expect(tasksOf([hello('a')])[0]).toEqual({
      name: 'a',
      template: 'echo',
      arguments: { parameters: [{ name: 'who', value: 'a' }] },
    });
  });
});

describe('depends rendering: and/or/not precedence', () => {
  const [a, b, c, d] = [hello('a'), hello('b'), hello('c'), hello('d')];

  it.each([
    ['atom', a.done, 'a'],
    [
      'every result',
      and(a.succeeded, b.failed, c.errored, d.skipped),
      'a.Succeeded && b.Failed && c.Errored && d.Skipped',
    ],
    [
      'more results',
      or(a.omitted, b.daemoned, c.anySucceeded, d.allFailed),
      'a.Omitted || b.Daemoned || c.AnySucceeded || d.AllFailed',
    ],
    ['or inside and', and(or(a.failed, b.failed), c.done), '(a.Failed || b.Failed) && c'],
    ['and inside or', or(and(a.failed, b.failed), c.done), 'a.Failed && b.Failed || c'],
    ['not of an atom', not(a.succeeded), '!a.Succeeded'],
    ['not of and', not(and(a.done, b.done)), '!(a && b)'],
    ['not of or inside and', and(not(or(a.failed, b.errored)), c.done), '!(a.Failed || b.Errored) && c'],
    ['not of not', not(not(a.done)), '!(!a)'],
    ['single-part and/or', and(or(a.done)), 'a'],
  ])('%s', (_what, expression, text) => {
    expect(expression.text).toBe(text);
  });

  it('and()/or() need at least one part', () => {
    expect(() => and()).toThrow('and() needs at least one dependency');
    expect(() => or()).toThrow('or() needs at least one dependency');
  });

  it('a depends expression lists each task once', () => {
    expect(and(a.failed, or(a.errored, b.done)).tasks).toEqual(['a', 'b']);
  });
});

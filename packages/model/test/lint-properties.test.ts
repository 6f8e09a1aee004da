import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateSchema } from '../src/index.js';
import { ECHO, errors } from './lint-helpers.js';

/** A random layered DAG: each task depends only on earlier ones and reads the output of one of its dependencies. */
interface Shape {
  readonly style: 'depends' | 'dependencies';
  readonly tasks: readonly { readonly name: string; readonly deps: readonly number[]; readonly pick: number }[];
}

const shape: fc.Arbitrary<Shape> = fc.record({
  style: fc.constantFrom('depends' as const, 'dependencies' as const),
  tasks: fc
    .array(
      fc.record({
        prefix: fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/),
        deps: fc.uniqueArray(fc.nat(), { maxLength: 3 }),
        pick: fc.nat(),
      }),
      { minLength: 2, maxLength: 30 },
    )
    .map((raw) =>
      raw.map((t, i) => ({
        name: `${t.prefix}-${i}`,
        deps: i === 0 ? [] : [...new Set(t.deps.map((d) => d % i))],
        pick: t.pick,
      })),
    ),
});

type Task = { name: string; template: string; depends?: string; dependencies?: string[]; arguments?: unknown };

function tasksOf(s: Shape): Task[] {
  return s.tasks.map((t) => {
    const deps = t.deps.map((d) => s.tasks[d]?.name ?? '');
    const task: Task = { name: t.name, template: 'echo' };
    if (deps.length > 0) {
      if (s.style === 'depends') task.depends = deps.map((d, i) => (i % 2 === 0 ? d : `${d}.Succeeded`)).join(' && ');
      else task.dependencies = deps;
      const from = deps[t.pick % deps.length];
      task.arguments = { parameters: [{ name: 'msg', value: `{{tasks.${from}.outputs.parameters.out}}` }] };
    }
    return task;
  });
}

const workflow = (tasks: readonly Task[]) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { generateName: 'random-' },
  spec: { entrypoint: 'main', templates: [{ name: 'main', dag: { tasks } }, ECHO] },
});

const codes = (tasks: readonly Task[]) => errors(workflow(tasks)).map((e) => e.code);

/** Depends/dependencies of a task, as names, in whichever style the DAG uses. */
function depsOf(t: Task): string[] {
  return t.dependencies ?? (t.depends ? t.depends.split(' && ').map((x) => x.replace(/\.Succeeded$/, '')) : []);
}

function setDeps(t: Task, deps: readonly string[], style: Shape['style']): Task {
  const { depends: _a, dependencies: _b, ...rest } = t;
  return style === 'depends' ? { ...rest, depends: deps.join(' && ') } : { ...rest, dependencies: [...deps] };
}

describe('lint: properties of random DAGs', () => {
  it('finds nothing wrong with a valid layered DAG (and the schema agrees)', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const doc = workflow(tasksOf(s));
        expect(validateSchema(doc).status).toBe('valid');
        expect(errors(doc)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  /** The tasks of a shape and the index of one that has dependencies (skipping shapes without any). */
  const withDependencies = (s: Shape, n: number) => {
    const tasks = tasksOf(s);
    const candidates = tasks.flatMap((t, i) => (depsOf(t).length > 0 ? [i] : []));
    fc.pre(candidates.length > 0);
    return { tasks, j: candidates[n % candidates.length] as number };
  };

  it('reports a back-edge as a cycle', () => {
    fc.assert(
      fc.property(shape, fc.nat(), (s, n) => {
        const { tasks, j } = withDependencies(s, n);
        const target = depsOf(tasks[j] as Task)[0] as string;
        const i = tasks.findIndex((t) => t.name === target);
        tasks[i] = setDeps(tasks[i] as Task, [...depsOf(tasks[i] as Task), (tasks[j] as Task).name], s.style);
        expect(codes(tasks)).toContain('lint/dag-cycle');
      }),
      { numRuns: 200 },
    );
  });

  it('reports a dependency renamed to a missing task', () => {
    fc.assert(
      fc.property(shape, fc.nat(), (s, n) => {
        const { tasks, j } = withDependencies(s, n);
        const [, ...rest] = depsOf(tasks[j] as Task);
        tasks[j] = setDeps(tasks[j] as Task, ['no-such-task', ...rest], s.style);
        expect(codes(tasks)).toContain('lint/unknown-dependency');
      }),
      { numRuns: 200 },
    );
  });

  it('reports a reference to an undeclared input', () => {
    fc.assert(
      fc.property(shape, fc.nat(), (s, n) => {
        const tasks = tasksOf(s);
        const i = n % tasks.length;
        tasks[i] = {
          ...(tasks[i] as Task),
          arguments: { parameters: [{ name: 'msg', value: '{{inputs.parameters.undeclared}}' }] },
        };
        expect(codes(tasks)).toContain('lint/unresolved-reference');
      }),
      { numRuns: 200 },
    );
  });

  it('reports a duplicated task name', () => {
    fc.assert(
      fc.property(shape, fc.nat(), fc.nat(), (s, a, b) => {
        const tasks = tasksOf(s);
        const i = a % tasks.length;
        const j = b % tasks.length;
        fc.pre(i !== j);
        tasks[j] = { ...(tasks[j] as Task), name: (tasks[i] as Task).name };
        expect(codes(tasks)).toContain('lint/duplicate-task');
      }),
      { numRuns: 200 },
    );
  });

  it('reports a task name over 128 characters', () => {
    fc.assert(
      fc.property(shape, fc.nat(), fc.integer({ min: 129, max: 300 }), (s, n, length) => {
        const tasks = tasksOf(s);
        const i = n % tasks.length;
        tasks[i] = { ...(tasks[i] as Task), name: `t${'x'.repeat(length - 1)}` };
        expect(codes(tasks)).toContain('lint/name-too-long');
      }),
      { numRuns: 100 },
    );
  });
});

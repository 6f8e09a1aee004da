import { ArgoGenError, type Issue, lintDocument } from '@argo-gen/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  container,
  dag,
  inputs,
  output,
  param,
  synth,
  type Task,
  task,
  toYaml,
  workflowTemplate,
} from '../src/index.js';

/** One template for every task: two inputs (one optional), one output a dependent can consume. */
const pi = inputs({ a: param.string(), b: param.string({ default: '-' }) });
const pass = container(
  'pass',
  { image: 'alpine:3.20', command: ['sh', '-c'], args: [`echo ${pi.a} ${pi.b} | tee /tmp/out`] },
  { inputs: pi, outputs: { out: output.path('/tmp/out') } },
);

/** A random layered DAG: task i reads outputs of some earlier tasks and runs `after` some others. */
interface Shape {
  readonly data: readonly (readonly number[])[];
  readonly after: readonly (readonly number[])[];
}

const shape: fc.Arbitrary<Shape> = fc.integer({ min: 1, max: 14 }).chain((n) => {
  const earlier = (i: number) =>
    i === 0 ? fc.constant([]) : fc.uniqueArray(fc.nat(i - 1), { maxLength: Math.min(i, 4) });
  const perTask = Array.from({ length: n }, (_, i) => fc.tuple(earlier(i), earlier(i)));
  return fc.tuple(...perTask).map((rows) => ({ data: rows.map((r) => r[0]), after: rows.map((r) => r[1]) }));
});

const nameOf = (i: number) => `t${i}`;

type PassTask = Task<typeof pass.outputs>;

function build(s: Shape): PassTask[] {
  const tasks: PassTask[] = [];
  s.data.forEach((reads, i) => {
    const outs = reads.map((r) => `${(tasks[r] as PassTask).outputs.parameters.out}`);
    const args = outs.length === 0 ? { a: 'seed' } : { a: outs[0] as string, b: outs.slice(1).join(',') || '-' };
    tasks.push(task(nameOf(i), pass, { args, after: (s.after[i] ?? []).map((r) => tasks[r] as PassTask) }));
  });
  return tasks;
}

/** Every error a DSL call or synth reports, as codes. */
function codes(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ArgoGenError) return e.issues.map((i) => i.code);
    throw e;
  }
  return [];
}

function errorsOf(run: () => unknown): readonly Issue[] {
  try {
    run();
  } catch (e) {
    if (e instanceof ArgoGenError) return e.issues;
    throw e;
  }
  return [];
}

const lint = (doc: unknown) => lintDocument(doc);

describe('random valid DAG programs (fast-check)', () => {
  it('synthesize to schema- and lint-valid documents, emitted as YAML that reads back equal, whose depends are exactly the tasks they reference', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const doc = synth(workflowTemplate('random', { entrypoint: dag('main', build(s)) }), { lint });
        // What is emitted is what Argo reads back.
        expect(parse(toYaml(doc), { version: '1.1' })).toEqual(doc);
        const rendered = doc.spec.templates?.find((t) => t.name === 'main')?.dag?.tasks ?? [];
        expect(rendered.map((t) => t.name)).toEqual(s.data.map((_, i) => nameOf(i)));
        rendered.forEach((t, i) => {
          const expected = new Set([...(s.after[i] ?? []), ...(s.data[i] ?? [])].map(nameOf));
          const actual = t.depends === undefined ? [] : t.depends.split(' && ');
          expect(new Set(actual)).toEqual(expected);
          expect(actual).toHaveLength(expected.size); // no task twice
          const values = (t.arguments?.parameters ?? []).map((p) => String(p.value)).join(',');
          const referenced = [...values.matchAll(/\{\{tasks\.([^.]+)\.outputs\.parameters\.out\}\}/g)].map((m) => m[1]);
          expect(new Set(referenced)).toEqual(new Set((s.data[i] ?? []).map(nameOf)));
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('random mutations that break a rule (fast-check)', () => {
  /** A shape with at least one data edge, and the edge (from → to) to close into a cycle. */
  const withDataEdge = shape
    .filter((s) => s.data.some((reads) => reads.length > 0))
    .chain((s) => {
      const edges = s.data.flatMap((reads, to) => reads.map((from) => [from, to] as const));
      return fc.tuple(fc.constant(s), fc.constantFrom(...edges));
    });

  it('a back-edge via `after` is reported as dsl/dag-cycle with a real cycle path', () => {
    fc.assert(
      fc.property(withDataEdge, ([s, [from, to]]) => {
        const tasks = build(s);
        const old = tasks[from] as Task;
        // The same task again, now also running after a task that (through data) runs after it.
        const again = task(old.name, pass, {
          args: Object.fromEntries((old.arguments?.parameters ?? []).map((p) => [p.name, String(p.value)])) as {
            a: string;
          },
          after: [...old.after, tasks[to] as Task],
        });
        const mutated = tasks.map((t, i) => (i === from ? again : t));
        const issues = errorsOf(() => dag('main', mutated));
        // Tasks that ran `after` the replaced value now point at a task that is not in the DAG.
        const foreign = s.after.filter((a, i) => i !== from && a.includes(from)).length;
        expect(issues.map((i) => i.code).sort()).toEqual(
          [...Array(foreign).fill('dsl/foreign-dependency'), 'dsl/dag-cycle'].sort(),
        );
        const cycle =
          issues
            .find((i) => i.code === 'dsl/dag-cycle')
            ?.message.split(': ')[1]
            ?.split(' -> ') ?? [];
        expect(cycle[0]).toBe(cycle.at(-1));
        expect(cycle).toContain(old.name);
        const edgesOf = (name: string): string[] => {
          const i = Number(name.slice(1));
          return [...(i === from ? [...(s.after[i] ?? []), to] : (s.after[i] ?? [])), ...(s.data[i] ?? [])].map(nameOf);
        };
        for (let k = 0; k + 1 < cycle.length; k += 1) expect(edgesOf(cycle[k] as string)).toContain(cycle[k + 1]);
      }),
      { numRuns: 200 },
    );
  });

  it('a duplicated name is reported as dsl/duplicate-task, and only that', () => {
    fc.assert(
      fc.property(
        shape.chain((s) => fc.tuple(fc.constant(s), fc.nat(s.data.length - 1))),
        ([s, k]) => {
          const tasks = build(s);
          const twin = task(nameOf(k), pass, { args: { a: 'twin' } });
          const mutated = [...tasks.slice(0, k), twin, ...tasks.slice(k)];
          expect(codes(() => dag('main', mutated))).toEqual(['dsl/duplicate-task']);
          expect(errorsOf(() => dag('main', mutated))[0]?.message).toBe(
            `DAG 'main' has two tasks named '${nameOf(k)}'`,
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a dependency on a task of another DAG is reported as dsl/foreign-dependency (by after) or dsl/unknown-task-reference (by data)', () => {
    fc.assert(
      fc.property(shape, fc.boolean(), fc.boolean(), (s, sameName, byData) => {
        const tasks = build(s);
        // A task of another DAG: either with a fresh name, or with the name of a task of this one (a different value).
        const outsider = task(sameName ? nameOf(0) : 'outsider', pass, { args: { a: 'elsewhere' } });
        dag('other', [outsider]);
        const intruder = byData
          ? task('intruder', pass, { args: { a: outsider.outputs.parameters.out } })
          : task('intruder', pass, { args: { a: 'x' }, after: [outsider] });
        const got = codes(() => dag('main', [...tasks, intruder]));
        // By data, references are by name: a same-named task here satisfies it, which is Argo's own rule.
        if (byData && sameName) expect(got).toEqual([]);
        else expect(got).toEqual([byData ? 'dsl/unknown-task-reference' : 'dsl/foreign-dependency']);
      }),
      { numRuns: 200 },
    );
  });
});

// A task's `depends` read straight into its tree (src/expr/depends-read.ts) must mean what the controller's way
// means: expand every bare name, then compile the text (`dependsLogic` + `compileDependsLogic`, themselves tied to
// expr-lang by depends-plain.test.ts). Both readings are compared on generated `depends` texts and `dependencies`
// lists: the same dependencies in the same order with the same kinds, and the same value or refusal for any results.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_RESULTS } from '../../model/src/index.js';
import {
  type ContinueOn,
  compileDepends,
  compileDependsLogic,
  dependsLogic,
  evaluateDepends,
  type TaskResults,
} from '../src/expr/depends.js';
import { readDependsDirectly } from '../src/expr/depends-read.js';
import { dependsText, pick } from './depends-arbitrary.js';

const NAMES = ['a', 'b', 'a-b', 'c-d-e', 'x1', 'B', 'a-', 'constructor', 'toString'];
const ODD_NAMES = ['a_b', 'not', 'in', 'true', 'nil', 'ends-with', '1x', '_u', 'é', 'a$', 'a.b', ''];
const RESULTS = [...TASK_RESULTS, 'Passed', 'succeeded', 'Succeeded2', 'Succeeded_x'];
const name = fc.oneof({ weight: 6, arbitrary: pick(...NAMES) }, pick(...ODD_NAMES));

const operand = fc.oneof(
  name,
  fc
    .tuple(name, fc.oneof({ weight: 6, arbitrary: pick(...TASK_RESULTS) }, pick(...RESULTS)))
    .map(([t, r]) => `${t}.${r}`),
);

const depends = dependsText(operand, [')', '(', '.', '?', ' ? true : false', '.Succeeded', 'x', '!', '-', '_']);

const task = fc.oneof(
  { weight: 4, arbitrary: depends.map((d) => ({ depends: d })) },
  fc.array(name, { maxLength: 4 }).map((dependencies) => ({ dependencies })),
  fc.constant({ depends: '' }),
  fc.constant({}),
);

const continueOns = fc.dictionary(
  pick(...NAMES, ...ODD_NAMES),
  fc.record({ error: fc.boolean(), failed: fc.boolean() }, { requiredKeys: [] }),
);

const taskResults: fc.Arbitrary<TaskResults> = fc.record(
  Object.fromEntries(TASK_RESULTS.map((r) => [r, fc.boolean()])) as Record<keyof TaskResults, fc.Arbitrary<boolean>>,
);

describe('depends read directly', () => {
  it('means what the expanded text means: dependencies, kinds, value or refusal', () => {
    let direct = 0;
    fc.assert(
      fc.property(
        task,
        continueOns,
        fc.array(taskResults, { minLength: 8, maxLength: 8 }),
        fc.nat(),
        (t, cs, rs, drop) => {
          const continueOn = (n: string): ContinueOn | undefined => (Object.hasOwn(cs, n) ? cs[n] : undefined);
          const byText = dependsLogic(t, continueOn);
          const reading = readDependsDirectly(t, continueOn);
          if (reading) {
            direct++;
            expect([...reading.dependencies]).toEqual([...byText.dependencies]);
          }
          const compiled = compileDepends(t, continueOn);
          expect(compiled.dependencies).toEqual([...byText.dependencies.keys()]);
          expect(compiled.hasLogic).toBe(byText.logic !== '');
          if (!compiled.hasLogic) return;
          // results for every dependency, and for all but one (an unknown name to expr-lang)
          const names = compiled.dependencies;
          const all = Object.fromEntries(names.map((n, i) => [n, rs[i % rs.length] as TaskResults]));
          const some = Object.fromEntries(Object.entries(all).filter((_, i) => i !== drop % Math.max(names.length, 1)));
          for (const results of [all, some])
            expect(evaluateDepends(compiled, results)).toEqual(compileDependsLogic(byText.logic)(results));
        },
      ),
      { seed: 20261208, numRuns: 4000 },
    );
    // the comparison covers the direct reading, not only texts that go the controller's way
    expect(direct).toBeGreaterThan(1000);
  });

  it('reads a bare name as its expansion, widened by the dependency continueOn', () => {
    const reading = readDependsDirectly({ depends: 'a-b && !c.Failed' }, (n) =>
      n === 'a-b' ? { failed: true } : undefined,
    );
    const result = (task: string, result: keyof TaskResults) => ({ op: 'result', task, result });
    expect(reading?.tree).toEqual({
      op: '&&',
      left: {
        op: '||',
        left: {
          op: '||',
          left: { op: '||', left: result('a-b', 'Succeeded'), right: result('a-b', 'Skipped') },
          right: result('a-b', 'Daemoned'),
        },
        right: result('a-b', 'Failed'),
      },
      right: { op: '!', node: result('c', 'Failed') },
    });
    expect([...(reading?.dependencies ?? [])]).toEqual([
      ['a-b', 'task'],
      ['c', 'task'],
    ]);
  });

  it('leaves to the controller way what could read differently', () => {
    for (const depends of [
      'a_b',
      'not',
      'a.Passed',
      'a.Succeeded2',
      'a != b',
      'a\u00a0&& b',
      '1x',
      'a.b.Succeeded',
      '(a',
      'a)',
    ])
      expect(
        readDependsDirectly({ depends }, () => undefined),
        depends,
      ).toBeUndefined();
    expect(readDependsDirectly({ dependencies: ['a', 'x_y'] }, () => undefined)).toBeUndefined();
  });
});

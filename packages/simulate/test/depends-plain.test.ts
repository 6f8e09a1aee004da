// `depends` logic made only of `task.Result`, `&&`, `||`, `!` and parentheses is evaluated from its own tree; the rest
// through expr-lang. Both readings must give the same answer on every text: generated logic, plain and near-plain
// (other operators, keywords and literals for names, odd blanks, unknown results, tasks without results), against
// expr-lang alone. (test/expr-oracle ties expr-lang's reading of depends to Argo's Go code.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TASK_RESULTS } from '../../model/src/index.js';
import {
  compileDependsLogic,
  evaluateDependsLogic,
  evaluateDependsLogicByExprLang,
  readPlainLogic,
  type TaskResults,
} from '../src/expr/depends.js';
import { dependsText, pick } from './depends-arbitrary.js';

/** Names a task may have, and words that are not names to expr-lang or not names at all. */
const NAMES = ['a', 'b', 'a-b', 'a_b', 'x1', 'B', 'c-d-e', 'constructor', 'not', 'and', 'in', 'true', 'nil', 'len'];
const ODD_NAMES = ['1x', 'é', 'a$', '_u', 'toString'];
const RESULTS = [...TASK_RESULTS, 'Passed', 'succeeded', 'Succeeded2'];

const operand = fc
  .tuple(
    fc.oneof({ weight: 5, arbitrary: pick(...NAMES) }, pick(...ODD_NAMES)),
    fc.oneof({ weight: 6, arbitrary: pick(...TASK_RESULTS) }, pick(...RESULTS)),
  )
  .map(([t, r]) => `${t}.${r}`);

const logic = dependsText(operand, [')', '(', '.', '?', ' ? true : false', '.Succeeded', 'x', '!']);

const taskResults: fc.Arbitrary<TaskResults> = fc.record(
  Object.fromEntries(TASK_RESULTS.map((r) => [r, fc.boolean()])) as Record<keyof TaskResults, fc.Arbitrary<boolean>>,
);

/** Results for some of the names (in any order: of `a-b` and `a_b`, the first given wins). */
const resultsFor = fc
  .shuffledSubarray([...NAMES, ...ODD_NAMES], { minLength: 0 })
  .chain((names) =>
    fc
      .tuple(...names.map(() => taskResults))
      .map((rs) => Object.fromEntries(names.map((n, i) => [n, rs[i] as TaskResults]))),
  );

describe('depends logic read as plain logic', () => {
  it('evaluates every generated text as expr-lang does (value, or the same refusal)', () => {
    let plain = 0;
    fc.assert(
      fc.property(logic, resultsFor, (text, results) => {
        if (readPlainLogic(text.replaceAll('-', '_'))) plain++;
        expect(evaluateDependsLogic(text, results)).toEqual(evaluateDependsLogicByExprLang(text, results));
      }),
      { seed: 20261207, numRuns: 3000 },
    );
    // the comparison covers the plain reading, not only texts that fall through to expr-lang
    expect(plain).toBeGreaterThan(600);
  });

  it('reads what a bare name expands to, with expr-lang precedence', () => {
    const tree = readPlainLogic('(a.Succeeded || a.Skipped) && !b_c.Failed || x.Omitted');
    expect(tree).toEqual({
      op: '||',
      left: {
        op: '&&',
        left: {
          op: '||',
          left: { op: 'result', task: 'a', result: 'Succeeded' },
          right: { op: 'result', task: 'a', result: 'Skipped' },
        },
        right: { op: '!', node: { op: 'result', task: 'b_c', result: 'Failed' } },
      },
      right: { op: 'result', task: 'x', result: 'Omitted' },
    });
  });

  it('leaves to expr-lang what is not plain', () => {
    for (const text of [
      '',
      'a',
      'a.Passed',
      'true.Succeeded',
      'not.Succeeded',
      'a.Succeeded and b.Failed',
      'a.Succeeded != b.Failed',
      '!= a.Succeeded',
      'a.Succeeded.x',
      'a.Succeededé',
      '(a.Succeeded',
      'a.Succeeded)',
      'a.Succeeded\u00a0&& b.Failed',
      'a.Succeeded ? true : false',
    ])
      expect(readPlainLogic(text), text).toBeUndefined();
  });

  it('gives the same answer each time a compiled logic is run', () => {
    const run = compileDependsLogic('a-b.Succeeded && !c.Failed');
    const none = Object.fromEntries(TASK_RESULTS.map((r) => [r, false])) as unknown as TaskResults;
    expect(run({ 'a-b': { ...none, Succeeded: true }, c: none })).toEqual({ ok: true, value: true });
    expect(run({ 'a-b': { ...none, Succeeded: true }, c: { ...none, Failed: true } })).toEqual({
      ok: true,
      value: false,
    });
    // a task without results is expr-lang's unknown name, as before
    expect(run({ 'a-b': none }).ok).toBe(false);
  });
});

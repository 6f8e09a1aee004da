import fc from 'fast-check';
import { TASK_RESULT_FIELDS } from '../../packages/simulate/src/expr/depends.js';
import { PARAMS } from './cases.js';
import type { ModeCase } from './oracle.js';

/**
 * Expressions generated from each language's grammar, with the tokens that trip evaluators: quotes and escapes,
 * numbers in every form, bare and hyphenated words, regular expressions, dates, unknown names, stray characters.
 */

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

// govaluate ---------------------------------------------------------------------------------------------------------

const govNumber = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  pick('.5', '0', '0x1F', '1.', '1e3', '2.5.1', '007'),
);
const govString = fc.oneof(
  fc.tuple(pick("'", '"'), fc.stringMatching(/^[a-z A-Z0-9_.\-*+^$]{0,6}$/)).map(([q, s]) => `${q}${s}${q}`),
  pick("'it\\'s'", "'a\\\\b'", '"x\'y"', "''", "'2024-01-02'", "'2024-01-02T10:00:00Z'", "'a.b'", "'^h.*s$'", "'('"),
);
const govWord = pick(
  'heads',
  'tails',
  'Succeeded',
  'Failed',
  'eu-west-1',
  'a.B',
  'a.b',
  'x',
  'in',
  'IN',
  '[a b]',
  'true',
  'false',
  'TRUE',
);
const govAtom = fc.oneof(
  { weight: 3, arbitrary: govNumber },
  { weight: 3, arbitrary: govString },
  { weight: 3, arbitrary: govWord },
);
const govBinary = pick(
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  '=~',
  '!~',
  '&',
  '|',
  '^',
  '<<',
  '>>',
  '??',
);

const govExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    govAtom,
    fc.tuple(tie('e'), govBinary, tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(pick('!', '-', '~'), tie('e')).map(([op, a]) => `${op}${a}`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc
      .tuple(tie('e'), fc.array(govAtom, { minLength: 1, maxLength: 3 }))
      .map(([a, xs]) => `${a} in (${xs.join(', ')})`),
    fc.tuple(tie('e'), pick('$', '@', '(', ')', '\\', "'", ',')).map(([a, junk]) => `${a}${junk}`),
  ),
})).e;

/** Comparisons and logic around the generated text, so that most cases reach a boolean (a `when` needs one). */
const govCondition = fc.oneof(
  govExpr,
  fc.tuple(govExpr, pick('==', '!=', '<', '>=', '=~'), govExpr).map(([a, op, b]) => `${a} ${op} ${b}`),
  fc
    .tuple(govAtom, pick('==', '!=', '<', '>'), govAtom, pick('&&', '||'), govAtom, pick('==', '!='), govAtom)
    .map((t) => t.join(' ')),
);

export function whenCases(seed: number, n: number): ModeCase[] {
  return fc.sample(govCondition, { seed, numRuns: n }).map((expr) => ({ mode: 'when', expr }));
}

export function govaluateCases(seed: number, n: number): ModeCase[] {
  const params = { x: 3, y: 'heads', z: true, w: 2.5 };
  const arb = fc.oneof(
    govExpr,
    fc.tuple(pick('x', 'y', 'z', 'w', '[x]'), govBinary, govExpr).map((t) => t.join(' ')),
  );
  return fc.sample(arb, { seed, numRuns: n }).map((expr) => ({ mode: 'govaluate', expr, params }));
}

// expr-lang ---------------------------------------------------------------------------------------------------------

const exprNumber = fc.oneof(
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc
    .double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true })
    .map((d) => String(Math.round(d * 100) / 100)),
  pick('0x10', '1e3', '.5', '1_000', '0', '2.0'),
);
const exprString = fc.oneof(
  fc.tuple(pick("'", '"'), fc.stringMatching(/^[a-z A-Z0-9_.\-,]{0,6}$/)).map(([q, s]) => `${q}${s}${q}`),
  pick("'it\\'s'", '"a\\"b"', "'\\n'", "'\\u00e9'", "'héllo'", "''", "'3'", "'2.5'", "'^h.*s$'", "'true'"),
);
const exprName = pick(
  'workflow.name',
  'workflow.status',
  'inputs.parameters.num',
  'inputs.parameters.f',
  "inputs.parameters['should-print']",
  "tasks['flip-coin'].outputs.result",
  'tasks.a.outputs.parameters.n',
  'item',
  'nope',
  'workflow.nope',
  'tasks.nope.x',
);
const exprAtom = fc.oneof(
  { weight: 3, arbitrary: exprNumber },
  { weight: 3, arbitrary: exprString },
  { weight: 3, arbitrary: exprName },
  { weight: 1, arbitrary: pick('true', 'false', 'nil', '[1, 2, 3]', "['a', 'b']", '{a: 1}', '1..3') },
);
const exprBinary = pick(
  '+',
  '-',
  '*',
  '/',
  '%',
  '**',
  '==',
  '!=',
  '<',
  '>',
  '<=',
  '>=',
  'and',
  'or',
  '&&',
  '||',
  'in',
  'not in',
  'matches',
  'contains',
  'startsWith',
  'endsWith',
  '??',
);
const exprCall = pick(
  'len',
  'upper',
  'lower',
  'trim',
  'string',
  'int',
  'float',
  'asInt',
  'asFloat',
  'toJson',
  'abs',
  'sprig.upper',
  'sprig.trim',
);

const exprExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    exprAtom,
    fc.tuple(tie('e'), exprBinary, tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(pick('!', '-', 'not '), tie('e')).map(([op, a]) => `${op}${a}`),
    tie('e').map((a) => `(${a})`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
    fc.tuple(exprCall, tie('e')).map(([f, a]) => `${f}(${a})`),
    fc.tuple(tie('e'), pick('[0]', '[-1]', '[1:]', '.a', "['a']")).map(([a, s]) => `${a}${s}`),
    fc
      .tuple(
        pick('filter', 'map', 'all', 'any', 'count'),
        pick('[1, 2, 3]', "['a', 'b']", '[]'),
        pick('# > 1', "# == 'a'", '#', 'true'),
      )
      .map(([f, xs, p]) => `${f}(${xs}, ${p})`),
    fc.tuple(tie('e'), pick('$', '@', '(', ']', '?', "'")).map(([a, junk]) => `${a}${junk}`),
  ),
})).e;

export function exprCases(seed: number, n: number): ModeCase[] {
  return fc.sample(exprExpr, { seed, numRuns: n }).map((expr) => ({ mode: 'expr-argo', expr, params: PARAMS }));
}

// util/template ------------------------------------------------------------------------------------------------------

const templatePart = fc.oneof(
  fc.stringMatching(/^[a-z '"\\<&>=-]{0,5}$/),
  pick(
    '{{workflow.name}}',
    '{{ inputs.parameters.num }}',
    '{{workflow.nope}}',
    '{{tasks.nope.outputs.result}}',
    '{{tasks.a.outputs.parameters.n}}',
    '{{steps.x.outputs.artifacts.y}}',
    '{{item}}',
    '{{',
    '}}',
  ),
  exprExpr.filter((e) => !e.includes('}}')).map((e) => `{{=${e}}}`),
);

export function templateCases(seed: number, n: number): ModeCase[] {
  const arb = fc.tuple(
    fc.array(templatePart, { minLength: 1, maxLength: 4 }),
    pick<'keep' | 'error' | 'strict'>('strict', 'strict', 'keep', 'error'),
  );
  return fc.sample(arb, { seed, numRuns: n }).map(([parts, unresolved]) => ({
    mode: 'template',
    text: parts.join(''),
    params: PARAMS,
    unresolved,
    prefixes: ['tasks', 'steps'],
  }));
}

// depends ------------------------------------------------------------------------------------------------------------

const RESULTS = [...TASK_RESULT_FIELDS, 'Passed'];

export function dependsCases(seed: number, n: number): ModeCase[] {
  const operand = fc.tuple(pick('a', 'b-c', 'd'), pick(...RESULTS)).map(([t, r]) => `${t}.${r}`);
  const logic: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      operand,
      fc.tuple(tie('e'), pick('&&', '||'), tie('e')).map((t) => t.join(' ')),
      tie('e').map((a) => `!(${a})`),
    ),
  })).e;
  const flags = fc.record(
    Object.fromEntries(TASK_RESULT_FIELDS.map((r) => [r, fc.boolean()])) as Record<string, fc.Arbitrary<boolean>>,
  );
  return fc.sample(fc.tuple(logic, flags, flags), { seed, numRuns: n }).map(([expr, a, bc]) => ({
    mode: 'depends',
    expr,
    results: { a, 'b-c': bc },
  }));
}

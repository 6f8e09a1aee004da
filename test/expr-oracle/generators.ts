import fc from 'fast-check';
import { TASK_RESULTS } from '../../packages/model/src/index.js';
import { PARAMS } from './cases.js';
import type { ModeCase, OracleCase } from './oracle.js';

/**
 * Expressions generated from each language's grammar, with the tokens that trip evaluators: quotes and escapes,
 * numbers in every form, bare and hyphenated words, regular expressions, dates, unknown names, stray characters.
 * Each language has a typed grammar (numbers with numbers, strings with strings: most cases reach a value) and an
 * untyped one (any operator between anything, stray characters: the error paths).
 */

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const words = (s: string) => pick(...s.split(' '));

interface Grammar {
  readonly atom: fc.Arbitrary<string>;
  readonly binary: fc.Arbitrary<string>;
  readonly prefix: fc.Arbitrary<string>;
  readonly extra: (e: fc.Arbitrary<string>) => fc.Arbitrary<string>[];
  readonly junk: fc.Arbitrary<string>;
}

/** Anything between anything: the text an evaluator must refuse the same way. */
function untyped(g: Grammar): fc.Arbitrary<string> {
  return fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      g.atom,
      fc.tuple(tie('e'), g.binary, tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(g.prefix, tie('e')).map(([op, a]) => `${op}${a}`),
      tie('e').map((a) => `(${a})`),
      fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `${c} ? ${a} : ${b}`),
      ...g.extra(tie('e')),
      fc.tuple(tie('e'), g.junk).map(([a, junk]) => `${a}${junk}`),
    ),
  })).e;
}

/** A typed grammar: numbers, strings and booleans built from their own kind, so that most cases have a value. */
function typed(t: {
  readonly num: fc.Arbitrary<string>;
  readonly str: fc.Arbitrary<string>;
  readonly arith: fc.Arbitrary<string>;
  readonly compare: fc.Arbitrary<string>;
  readonly logic: fc.Arbitrary<string>;
  readonly not: string;
  /** How a number is negated (govaluate reads `--1` as one unknown operator). */
  readonly neg: (a: string) => string;
  readonly strOps: (s: fc.Arbitrary<string>, n: fc.Arbitrary<string>) => fc.Arbitrary<string>[];
  readonly boolOps: (s: fc.Arbitrary<string>, n: fc.Arbitrary<string>) => fc.Arbitrary<string>[];
}): fc.Arbitrary<string> {
  return fc.letrec<{ n: string; s: string; b: string }>((tie) => ({
    n: fc.oneof(
      { depthSize: 'small' },
      t.num,
      fc.tuple(tie('n'), t.arith, tie('n')).map(([a, op, b]) => `${a} ${op} ${b}`),
      tie('n').map((a) => `(${a})`),
      tie('n').map(t.neg),
      fc.tuple(tie('b'), tie('n'), tie('n')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    ),
    s: fc.oneof({ depthSize: 'small' }, t.str, ...t.strOps(tie('s'), tie('n'))),
    b: fc.oneof(
      { depthSize: 'small' },
      pick('true', 'false'),
      fc.tuple(tie('n'), t.compare, tie('n')).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(tie('s'), t.compare, tie('s')).map(([a, op, b]) => `${a} ${op} ${b}`),
      fc.tuple(tie('b'), t.logic, tie('b')).map(([a, op, b]) => `${a} ${op} ${b}`),
      tie('b').map((a) => `${t.not}(${a})`),
      ...t.boolOps(tie('s'), tie('n')),
    ),
  })).b;
}

/** Regular expressions from RE2's grammar (with the cases Go refuses: a repeat of nothing, an unclosed group). */
const regex: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[a-z]{1,3}$/),
      words(
        '. ^ $ | \\d \\w \\s \\. \\- [a-z] [^0-9] [a\\]] (a|b) (?:ab) x* x+ x? x{2} x{1,3} x*? * ( ) { a{,2} \\z (?i)a',
      ),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => parts.join(''));

// govaluate ---------------------------------------------------------------------------------------------------------

const govNumber = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  words('.5 0 0x1F 1. 1e3 2.5.1 007'),
);
const govString = fc.oneof(
  fc.tuple(pick("'", '"'), fc.stringMatching(/^[a-z A-Z0-9_.\-*+^$]{0,6}$/)).map(([q, s]) => `${q}${s}${q}`),
  pick("'it\\'s'", "'a\\\\b'", '"x\'y"', "''", "'2024-01-02'", "'2024-01-02T10:00:00Z'", "'a.b'", "'^h.*s$'", "'('"),
);
const govWord = words('heads tails Succeeded Failed eu-west-1 a.B a.b x in IN [a\u0020b] true false TRUE');
const govAtom = fc.oneof(govNumber, govString, govWord);

const govUntyped = untyped({
  atom: govAtom,
  binary: words('== != < > <= >= && || + - * / % ** =~ !~ & | ^ << >> ??'),
  prefix: words('! - ~'),
  extra: (e) => [
    fc.tuple(e, fc.array(govAtom, { minLength: 1, maxLength: 3 })).map(([a, xs]) => `${a} in (${xs.join(', ')})`),
  ],
  junk: words("$ @ ( ) \\ ' ,"),
});

/** Well-formed literals only, so that the typed grammar mostly reaches a value. */
const govGoodNumber = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`),
  words('.5 0x1F 1.'),
);
const govGoodString = fc.oneof(
  fc.tuple(pick("'", '"'), fc.stringMatching(/^[a-z A-Z0-9_.-]{0,6}$/)).map(([q, s]) => `${q}${s}${q}`),
  words('heads tails Succeeded Failed eu-west-1 x'),
  pick("'it\\'s'", "''", "'2024-01-02'"),
);

const govTyped = typed({
  num: govGoodNumber,
  str: govGoodString,
  arith: words('+ - * / % **'),
  compare: words('== != < > <= >='),
  logic: words('&& ||'),
  not: '!',
  neg: (a) => `-(${a})`,
  strOps: (s, n) => [fc.tuple(s, s).map(([a, b]) => `${a} + ${b}`), fc.tuple(s, n).map(([a, b]) => `${a} + ${b}`)],
  boolOps: (s) => [
    fc.tuple(s, words('=~ !~'), regex).map(([a, op, r]) => `${a} ${op} '${r.replaceAll("'", "\\'")}'`),
    fc.tuple(s, fc.array(govString, { minLength: 1, maxLength: 3 })).map(([a, xs]) => `${a} in (${xs.join(', ')})`),
  ],
});

export function whenCases(seed: number, n: number): ModeCase[] {
  return fc
    .sample(fc.oneof({ weight: 3, arbitrary: govTyped }, { weight: 1, arbitrary: govUntyped }), { seed, numRuns: n })
    .map((expr) => ({ mode: 'when', expr }));
}

export function govaluateCases(seed: number, n: number): ModeCase[] {
  const params = { x: 3, y: 'heads', z: true, w: 2.5 };
  const withParams = fc
    .tuple(words('x y z w [x]'), words('== < + * && =~'), fc.oneof(govTyped, govAtom))
    .map((t) => t.join(' '));
  return fc
    .sample(fc.oneof({ weight: 2, arbitrary: govTyped }, govUntyped, withParams), { seed, numRuns: n })
    .map((expr) => ({ mode: 'govaluate', expr, params }));
}

// expr-lang ---------------------------------------------------------------------------------------------------------

const exprNumber = fc.oneof(
  fc.integer({ min: -5, max: 1000 }).map(String),
  fc
    .double({ min: -100, max: 100, noNaN: true, noDefaultInfinity: true })
    .map((d) => String(Math.round(d * 100) / 100)),
  words('0x10 1e3 .5 1_000 0 2.0 0b101 0o17'),
  words(
    'asInt(inputs.parameters.num) asFloat(inputs.parameters.f) len(workflow.name) int(tasks.a.outputs.parameters.n)',
  ),
);
const exprString = fc.oneof(
  fc.tuple(pick("'", '"'), fc.stringMatching(/^[a-z A-Z0-9_.\-,]{0,6}$/)).map(([q, s]) => `${q}${s}${q}`),
  pick("'it\\'s'", '"a\\"b"', "'\\n'", "'\\u00e9'", "'héllo'", "''", "'3'", "'2.5'", "'^h.*s$'", "'true'", '`raw`'),
);
const exprName = words(
  "workflow.name workflow.status inputs.parameters.num inputs.parameters.f inputs.parameters['should-print'] tasks['flip-coin'].outputs.result tasks.a.outputs.parameters.n item",
);
const exprUnknown = words('nope workflow.nope tasks.nope.x');
const exprAtom = fc.oneof(
  { weight: 3, arbitrary: exprNumber },
  { weight: 3, arbitrary: exprString },
  { weight: 3, arbitrary: exprName },
  { weight: 1, arbitrary: exprUnknown },
  { weight: 1, arbitrary: pick('true', 'false', 'nil', '[1, 2, 3]', "['a', 'b']", '{a: 1}', '1..3') },
);
const exprCall = words('len upper lower trim string int float asInt asFloat toJson abs sprig.upper sprig.trim');

const exprUntyped = untyped({
  atom: exprAtom,
  binary: pick(
    ...'+ - * / % ** == != < > <= >= and or && || in matches contains startsWith endsWith ??'.split(' '),
    'not in',
  ),
  prefix: pick('!', '-', 'not '),
  extra: (e) => [
    fc.tuple(exprCall, e).map(([f, a]) => `${f}(${a})`),
    fc.tuple(e, words("[0] [-1] [1:] .a ['a']")).map(([a, s]) => `${a}${s}`),
    fc
      .tuple(
        words('filter map all any count'),
        pick('[1, 2, 3]', "['a', 'b']", '[]'),
        pick('# > 1', "# == 'a'", '#', 'true'),
      )
      .map(([f, xs, p]) => `${f}(${xs}, ${p})`),
  ],
  junk: words("$ @ ( ] ? '"),
});

const exprTyped = typed({
  num: exprNumber,
  str: fc.oneof(exprString, exprName),
  arith: words('+ - * / % ** ^'),
  compare: words('== != < > <= >='),
  logic: words('&& || and or'),
  not: 'not ',
  neg: (a) => `-${a}`,
  strOps: (s, n) => [
    fc.tuple(s, s).map(([a, b]) => `${a} + ${b}`),
    fc.tuple(words('upper lower trim string'), s).map(([f, a]) => `${f}(${a})`),
    n.map((a) => `string(${a})`),
    fc.tuple(s, s).map(([a, b]) => `sprig.replace('-', '_', ${a} + ${b})`),
    fc.tuple(s, s).map(([a, b]) => `${a} ?? ${b}`),
    fc.tuple(s, n, n).map(([a, x, y]) => `${a}[${x}:${y}]`),
  ],
  boolOps: (s, n) => [
    fc.tuple(s, words('matches contains startsWith endsWith'), s).map(([a, op, b]) => `${a} ${op} ${b}`),
    fc.tuple(s, regex).map(([a, r]) => `${a} matches '${r.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`),
    fc.tuple(n, fc.array(exprNumber, { maxLength: 3 })).map(([a, xs]) => `${a} in [${xs.join(', ')}]`),
    fc
      .tuple(words('all any none one'), fc.array(exprNumber, { maxLength: 3 }), n)
      .map(([f, xs, a]) => `${f}([${xs.join(', ')}], # > ${a})`),
  ],
});

export function exprCases(
  seed: number,
  n: number,
  mode: 'expr-argo' | 'value-from' | 'eval-bool' = 'expr-argo',
): ModeCase[] {
  return fc
    .sample(fc.oneof({ weight: 2, arbitrary: exprTyped }, exprUntyped), { seed, numRuns: n })
    .map((expr) => ({ mode, expr, params: PARAMS }));
}

// util/template ------------------------------------------------------------------------------------------------------

const templatePart = fc.oneof(
  fc.stringMatching(/^[a-z '"\\<&>=-]{0,5}$/),
  words(
    '{{workflow.name}} {{\u0020inputs.parameters.num\u0020}} {{workflow.nope}} {{tasks.nope.outputs.result}} {{tasks.a.outputs.parameters.n}} {{steps.x.outputs.artifacts.y}} {{item}} {{ }}',
  ),
  fc
    .oneof(exprTyped, exprUntyped)
    .filter((e) => !e.includes('}}'))
    .map((e) => `{{=${e}}}`),
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

const RESULTS = [...TASK_RESULTS, 'Passed'];

export function dependsCases(seed: number, n: number): ModeCase[] {
  const operand = fc.tuple(words('a b-c d'), pick(...RESULTS)).map(([t, r]) => `${t}.${r}`);
  const logic: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      operand,
      fc.tuple(tie('e'), words('&& ||'), tie('e')).map((t) => t.join(' ')),
      tie('e').map((a) => `!(${a})`),
    ),
  })).e;
  const flags = fc.record(
    Object.fromEntries(TASK_RESULTS.map((r) => [r, fc.boolean()])) as Record<string, fc.Arbitrary<boolean>>,
  );
  return fc.sample(fc.tuple(logic, flags, flags), { seed, numRuns: n }).map(([expr, a, bc]) => ({
    mode: 'depends',
    expr,
    results: { a, 'b-c': bc },
  }));
}

// A whole `when`: tags substituted, then govaluate ------------------------------------------------------------------

export function whenTextCases(seed: number, n: number): OracleCase[] {
  const tag = words(
    '{{tasks.flip-coin.outputs.result}} {{tasks.a.outputs.parameters.n}} {{workflow.status}} {{inputs.parameters.num}} {{tasks.nope.outputs.result}} {{workflow.nope}} {{item}}',
  );
  const quoted = tag.map((t) => `'${t}'`);
  const side = fc.oneof(
    tag,
    quoted,
    govGoodString,
    govGoodNumber,
    exprTyped.filter((e) => !e.includes('}}')).map((e) => `{{=${e}}}`),
  );
  const arb = fc.oneof(
    fc.tuple(side, words('== != < > =~'), side).map((t) => t.join(' ')),
    fc.tuple(side, words('== !='), side, words('&& ||'), side, words('== !='), side).map((t) => t.join(' ')),
    exprTyped.filter((e) => !e.includes('}}')).map((e) => `{{=${e}}}`),
  );
  return fc.sample(arb, { seed, numRuns: n }).map((text) => ({ text, when: true, params: PARAMS }));
}

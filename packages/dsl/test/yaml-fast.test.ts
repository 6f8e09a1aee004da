import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parseAllDocuments } from 'yaml';
import { EXAMPLES_DIR } from '../../../test/paths.js';
import {
  container,
  dag,
  inputs,
  type OutputParamSpec,
  output,
  param,
  synth,
  type Task,
  task,
  workflowParams,
  workflowTemplate,
} from '../src/index.js';
import { toYaml, toYamlFastPath, toYamlWithLibrary } from '../src/yaml.js';
import { RETYPED_FIRST, RETYPED_PLAIN } from '../src/yaml-retyped.js';

// toYaml's fast path (src/yaml-fast.ts) must write exactly what the `yaml` library writes with toYaml's options, or
// decline (and toYaml then uses the library). These tests compare the two on random and on real documents, and check
// that the fast path is really taken, so that they cannot pass by declining everything.

/** Compares the fast path with the library; true when the fast path produced the text. */
function same(doc: unknown, label?: string): boolean {
  const fast = toYamlFastPath(doc);
  const library = toYamlWithLibrary(doc);
  if (fast !== undefined) expect(fast, label).toBe(library);
  expect(toYaml(doc), label).toBe(library);
  return fast !== undefined;
}

/** Words YAML treats specially somewhere: YAML 1.1 booleans/null/numbers/dates/sexagesimals, indicators, markers. */
const TRICKY = [
  ...['yes', 'Yes', 'YES', 'no', 'No', 'on', 'On', 'ON', 'off', 'Off', 'y', 'Y', 'n', 'N', 'true', 'False', 'TRUE'],
  ...['null', 'Null', 'NULL', '~', '', ' ', '0', '-0', '+1', '007', '0755', '0o17', '0x1F', '0b101', '1_000', '1e3'],
  ...['e5', 'E-3', 'e+10', 'E1_0', 'true1', 'yess', 'onion', 'tasks', 'Nulls', 'falsey', 'off-by-one'],
  ...['1.5', '.5', '1.', '-1.5e-3', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '1:20', '190:20:30', '-1:30', '1:2:3.5'],
  ...['2024-01-01', '2024-1-1', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '12:30'],
  ...['=', '<<', '---', '...', '--- a', '... b', '%x', '%', '-', '?', ':', '- a', '? x', 'a: b', 'a:b', 'a #b', 'a#b'],
  ...['trailing ', 'trailing:', ' leading', '{{x}}', '{a}', '[a]', 'a,b', '*a', '&a', '!t', '|', '>', '@x', '`x'],
  ...["'q'", '"q"', 'a"b', "a'b", 'back\\slash', 'tab\tin', 'line\nbreak', 'two\n\nlines\n', ' \n', 'é', 'ü-ml'],
  ...[
    '\u0007bell',
    'a\u2028b',
    '\uE000tok',
    '\u0091tok\u0092',
    '\u0096raw\u0097',
    'x'.repeat(1100),
    'name',
    'template',
    'tasks',
    'depends',
    'templates',
  ],
  ...['{{tasks.a.outputs.parameters.out}}', 'echo {{inputs.parameters.a}} | tee /data/out', 'alpine:3.20'],
];

const CHARS = [...'abyesno01579_.:-#?{}[]|>&*!%@`\'"\\ \t\n,~=+éT'];
const tricky = fc.constantFrom(...TRICKY);
const smallString = fc.array(fc.constantFrom(...CHARS), { maxLength: 8 }).map((cs) => cs.join(''));
/** Multi-line text as scripts and manifests have it: indented, blank and whitespace-only lines, edge newlines. */
const lineText = fc.oneof(
  smallString,
  fc.constantFrom('', ' ', '  ', '\t', '  indented', '#!/bin/sh', 'set -eu', 'key: value', '- item', '---', '...'),
);
const multiLine = fc
  .tuple(
    fc.constantFrom('', '\n', '\n\n', ' ', '  '),
    fc.array(lineText, { minLength: 2, maxLength: 6 }),
    fc.constantFrom('', '\n', '\n\n', '\n\n\n', ' ', '\n '),
  )
  .map(([head, lines, tail]) => head + lines.join('\n') + tail);
const text = fc.oneof(
  { weight: 3, arbitrary: tricky },
  { weight: 3, arbitrary: smallString },
  { weight: 2, arbitrary: multiLine },
  fc.string(),
  fc.string({ unit: 'binary' }),
);
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('name', 'image', 'args', 'value', 'spec', 'kind', 'x', 'a/b.c', 'on') },
  { weight: 2, arbitrary: tricky },
  smallString,
);
const scalar = fc.oneof(
  { weight: 6, arbitrary: text },
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, 2 ** 60, 1.5, -2.25, 1e21, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
  fc.constant(null),
);

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('tree'), { maxLength: 4 }),
  object: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
}));
const documentArb = fc.dictionary(key, tree, { maxKeys: 6 });

describe('toYaml fast path: byte-identical to the yaml library', () => {
  it('on random documents (tricky strings, numbers, nesting, empty collections)', () => {
    let fast = 0;
    fc.assert(
      fc.property(documentArb, (doc) => {
        if (same(doc)) fast++;
      }),
      { numRuns: 5000 },
    );
    expect(fast).toBeGreaterThan(1000);
  });

  it('on random documents of plain words, where the fast path is taken', () => {
    const word = fc.stringMatching(/^[a-z0-9][a-z0-9 ./:{}_-]{0,12}$/);
    const { t } = fc.letrec((tie) => ({
      t: fc.oneof({ depthSize: 'small' }, word, fc.integer(), fc.boolean(), tie('a'), tie('o')),
      a: fc.array(tie('t'), { maxLength: 4 }),
      o: fc.dictionary(word, tie('t'), { maxKeys: 5 }),
    }));
    let fast = 0;
    fc.assert(
      fc.property(fc.dictionary(word, t, { maxKeys: 6 }), (doc) => {
        if (same(doc)) fast++;
      }),
      { numRuns: 2000 },
    );
    expect(fast).toBeGreaterThan(1000);
  });

  it("on Argo's upstream examples", () => {
    let documents = 0;
    let fast = 0;
    for (const file of readdirSync(EXAMPLES_DIR, { recursive: true, encoding: 'utf8' })) {
      if (!/\.ya?ml$/.test(file)) continue;
      for (const d of parseAllDocuments(readFileSync(`${EXAMPLES_DIR}${file}`, 'utf8'))) {
        if (!('errors' in d) || d.errors.length > 0) continue;
        if (same(d.toJS(), file)) fast++;
        documents++;
      }
    }
    expect(documents).toBeGreaterThan(200);
    // Scripts, manifests and quoted strings included: all but a handful (floats, odd keys) take the fast path.
    expect(fast).toBeGreaterThan(documents - 10);
  });

  it('on a synthesized DAG (the benchmark shape)', () => {
    const wp = workflowParams({ seed: param.string({ default: '42' }) });
    const tasks: Task<{ readonly out: OutputParamSpec }>[] = [];
    for (let i = 0; i < 30; i++) {
      const io = inputs({ a: param.string(), b: param.string() });
      const t = container(
        `tmpl-${i}`,
        { image: 'alpine:3.20', command: ['sh', '-c'], args: [`echo ${io.a}-${io.b} | tee /data/out`] },
        { inputs: io, outputs: { out: output.path('/data/out') } },
      );
      const dep = i >= 10 ? tasks[i - 10 + (i % 3)] : undefined;
      tasks.push(task(`task-${i}`, t, { args: { a: dep ? dep.outputs.parameters.out : wp.seed, b: `task-${i}` } }));
    }
    const doc = synth(workflowTemplate('scale-30', { entrypoint: dag('main', tasks), params: wp }));
    expect(same(doc)).toBe(true);
  });
});

describe('toYaml fast path: what it copies from the library', () => {
  it("quotes exactly the plain scalars the library's schema (core + YAML 1.1 compat) would re-type", () => {
    const { tags, compat } = new Document(null, { compat: 'yaml-1.1' }).schema as unknown as {
      tags: readonly { default?: unknown; tag: string; test?: RegExp }[];
      compat?: readonly { default?: unknown; tag: string; test?: RegExp }[] | null;
    };
    const library = [...tags, ...(compat ?? [])]
      .filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test)
      .map((t) => String(t.test));
    expect(RETYPED_PLAIN.map(String)).toEqual(library);
  });

  it('needs the re-typing tests only for strings that are empty or start with one of RETYPED_FIRST', () => {
    const retyped = (s: string) => RETYPED_PLAIN.some((t) => t.test(s));
    for (const s of TRICKY) if (retyped(s)) expect(s === '' || RETYPED_FIRST.test(s), s).toBe(true);
    const numeric = fc.stringMatching(/^[-+.0-9a-zA-Z:_~<]{0,10}$/);
    // Words the YAML 1.1 patterns know, in any case, with or without more after them: the prefilter lets through only
    // words of at most five letters, so the edges are right here.
    const words = ['yes', 'no', 'on', 'off', 'true', 'false', 'null', 'y', 'n', 'e', 'E', 'e+', 'E-'];
    const wordLike = fc
      .tuple(fc.constantFrom(...words), fc.boolean(), fc.stringMatching(/^[-+.0-9a-zA-Z:_~<]{0,3}$/))
      .map(([w, upper, rest]) => `${upper ? w.toUpperCase() : w}${rest}`);
    fc.assert(
      fc.property(
        fc.oneof(numeric, wordLike, smallString, fc.string()),
        (s) => !retyped(s) || s === '' || RETYPED_FIRST.test(s),
      ),
      { numRuns: 20000 },
    );
  });

  it('caches key orders per key list without mixing up lists that join alike', () => {
    // {} and {"": …} (found by the random documents above), and lists whose NUL-joined texts collide
    expect(same({ '12:30': {}, yes: { '': 'yes' } })).toBe(true);
    same({ p: { 'a\u0000b': 1, c: 2 }, q: { a: 1, 'b\u0000c': 2 } });
    expect(same({ t: [{ name: 'a', image: 'x' }, { image: 'y', name: 'b' }, { name: 'c' }] })).toBe(true);
  });

  it('writes scripts and manifests as literal block scalars without the library', () => {
    const doc = {
      script: '#!/bin/sh\nset -eu\n\n  echo "{{inputs.parameters.a}}"\n',
      manifest: 'apiVersion: v1\nkind: ConfigMap\n',
      strip: 'no newline at the end\nsecond',
      keep: 'kept\n\n',
      indented: '  leading spaces\nnext',
      steps: [['echo a\necho b'], { note: 'é – unicode\n' }],
      quoted: ['tab\tin', 'bell\u0007', ' \n', 'café: x'],
    };
    expect(toYamlFastPath(doc)).toBe(toYamlWithLibrary(doc));
    expect(toYamlFastPath(doc)).toContain('script: |\n  #!/bin/sh\n  set -eu\n\n    echo "{{inputs.parameters.a}}"\n');
  });
});

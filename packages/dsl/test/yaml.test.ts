import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { container, script, synth, toYaml, workflowTemplate } from '../src/index.js';

/** Reads YAML back the way Argo does (YAML 1.1 scalars) and the way a YAML 1.2 tool does. */
const read11 = (text: string): unknown => parse(text, { version: '1.1' });
const read12 = (text: string): unknown => parse(text);

describe('toYaml: key order', () => {
  it('puts apiVersion, kind, metadata, spec first, whatever order the object was built in', () => {
    const yaml = toYaml({
      spec: { templates: [], entrypoint: 'main' },
      metadata: { labels: { b: '1', a: '2' }, name: 'x' },
      kind: 'Workflow',
      apiVersion: 'argoproj.io/v1alpha1',
    });
    expect(yaml).toBe(`apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: x
  labels:
    a: "2"
    b: "1"
spec:
  entrypoint: main
  templates: []
`);
  });

  it('puts name first below the top level, known fields in Argo’s order, the rest alphabetically, and templates/tasks last', () => {
    const yaml = toYaml({
      zeta: 1,
      tasks: [],
      alpha: 2,
      container: { args: ['a'], image: 'i' },
      inputs: {},
      name: 'nm',
      template: 't',
      depends: 'a',
    });
    expect(yaml).toBe(`name: nm
template: t
depends: a
inputs: {}
container:
  image: i
  args:
    - a
alpha: 2
zeta: 1
tasks: []
`);
  });
});

describe('toYaml: quoting that YAML 1.1 and 1.2 readers read back the same', () => {
  const tricky = [
    'yes',
    'no',
    'on',
    'off',
    'y',
    'n',
    'Y',
    'N',
    'true',
    'False',
    'NO',
    'null',
    '~',
    '',
    '0755',
    '0o17',
    '0x1F',
    '0b101',
    '1_000',
    '1_0.5',
    '+12',
    '-0',
    '.5',
    '1e3',
    '.inf',
    '-.Inf',
    '.NaN',
    '2024-01-01',
    '2024-01-01T10:00:00Z',
    '12:30:45',
    '1:20',
    '{{inputs.parameters.who}}',
    '{{=asInt(inputs.parameters.n) + 1}}',
    '=',
    '<<',
    '- item',
    '? key',
    ': x',
    '#hash',
    'a #b',
    '*alias',
    '&anchor',
    '!tag',
    '%YAML',
    '@at',
    '`tick',
    '"dq"',
    "'sq'",
    '[a]',
    '{a: 1}',
    '|',
    '>',
    'tab\there',
    '\ttab',
    'trailing ',
    ' leading',
    'x: y',
    'a\\b',
  ];

  it.each(tricky)('%j', (value) => {
    const yaml = toYaml({ value, list: [value], [value || 'empty']: 'key' });
    const expected = { value, list: [value], [value || 'empty']: 'key' };
    expect(read11(yaml)).toEqual(expected);
    expect(read12(yaml)).toEqual(expected);
  });

  it('quotes what would be re-typed and leaves plain strings plain', () => {
    expect(
      toYaml({ a: 'yes', b: 'on', c: '0755', d: '1_000', e: '2024-01-01', f: '{{x}}', g: '=', h: 'plain text' }),
    ).toBe(`a: "yes"
b: "on"
c: "0755"
d: "1_000"
e: "2024-01-01"
f: "{{x}}"
g: "="
h: plain text
`);
  });

  it('keeps numbers and booleans as numbers and booleans', () => {
    const yaml = toYaml({ mode: 493, retries: 0, ratio: 0.5, enabled: true, nothing: null });
    expect(yaml).toBe('enabled: true\nmode: 493\nnothing: null\nratio: 0.5\nretries: 0\n');
  });
});

describe('toYaml: scripts, sharing, determinism', () => {
  const source = 'import random\nresult = "heads" if random.randint(0, 1) == 0 else "tails"\nprint(result)\n';
  const flip = script('flip-coin', { image: 'python:alpine3.6', command: ['python'], source });

  it('writes a multi-line script as a literal block scalar', () => {
    const yaml = toYaml(synth(workflowTemplate('coin', { entrypoint: flip })));
    expect(yaml).toContain(
      '        source: |\n          import random\n          result = "heads" if random.randint(0, 1) == 0 else "tails"\n          print(result)\n',
    );
    expect(
      (read11(yaml) as { spec: { templates: { script: { source: string } }[] } }).spec.templates[0]?.script.source,
    ).toBe(source);
  });

  it('keeps a script without a final newline, and one with trailing blank lines, exactly', () => {
    for (const s of ['echo a\necho b', 'echo a\n\n\n', '  indented\nfirst\n', 'tab\tinside\nline\n']) {
      const yaml = toYaml({ source: s });
      expect(yaml.startsWith('source: |')).toBe(true);
      expect(read11(yaml)).toEqual({ source: s });
      expect(read12(yaml)).toEqual({ source: s });
    }
  });

  it('writes no anchors or aliases when one object appears twice', () => {
    const shared = { name: 'x', value: 'y' };
    const yaml = toYaml({ a: shared, b: [shared, shared] });
    expect(yaml).not.toMatch(/[&*]a\d/);
    expect(yaml).toBe('a:\n  name: x\n  value: "y"\nb:\n  - name: x\n    value: "y"\n  - name: x\n    value: "y"\n');
  });

  it('is byte-identical on repeated runs and for equal documents built differently', () => {
    const wt = () =>
      workflowTemplate('same', {
        entrypoint: container('c', { image: 'alpine:3.20', args: ['yes', 'on'] }),
        labels: { z: '1', a: 'on' },
      });
    const first = toYaml(synth(wt()));
    for (let i = 0; i < 5; i += 1) expect(toYaml(synth(wt()))).toBe(first);
    // The same document with every object's keys in reverse order.
    const reversed = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reversed)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reversed(x)]),
            )
          : v;
    const backwards = reversed(synth(wt()));
    expect(Object.keys(backwards as object)).toEqual(['spec', 'metadata', 'kind', 'apiVersion']);
    expect(toYaml(backwards)).toBe(first);
  });

  it('quotes whitespace-only multi-line strings, which a block scalar would turn into indentation', () => {
    for (const s of [' \n', '\n \n', ' \t\n', '  \n\n']) {
      const yaml = toYaml({ k: [s] });
      expect(yaml).toMatch(/^k:\n {2}- ".*"\n$/);
      expect(read11(yaml)).toEqual({ k: [s] });
    }
  });

  it('quotes a multi-line string that is the whole document', () => {
    for (const s of [' xx\n', ' x\nx', 'a\nb']) {
      expect(toYaml(s)).toBe(`${JSON.stringify(s)}\n`);
      expect(read11(toYaml(s))).toBe(s);
    }
  });

  it('never folds long lines and ends with one newline', () => {
    const long = 'x'.repeat(300);
    const yaml = toYaml({ a: `${long} ${long}` });
    expect(yaml.split('\n')).toHaveLength(2);
    expect(yaml.endsWith('\n') && !yaml.endsWith('\n\n')).toBe(true);
  });
});

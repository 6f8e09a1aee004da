import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointer, pointerUnder } from '../src/index.js';
import { parseDepends } from '../src/lint/depends.js';
import { tagsIn } from '../src/lint/tags.js';

// The lint's walks keep the keys they pass on a stack and build a JSON pointer only for what they report; `skip` is
// matched against those keys. These pin the pointers they build to the ones a walk that built every pointer gave.
describe('tagsIn: pointers and skipped sub-trees', () => {
  const value = {
    metadata: { annotations: { 'example.com/a~b': '{{inputs.parameters.x}}' } },
    steps: [[{ name: 's', arguments: { parameters: [{ name: 'p', value: '{{steps.a.outputs.result}}' }] } }]],
    dag: { tasks: [{ name: 't', when: '{{tasks.a.status}}' }], target: '{{workflow.name}}' },
    outputs: '{{ outputs.x }}',
  };
  const at = (tags: readonly { path: string; name: string }[]) => tags.map((t) => [t.path, t.name]);

  it('escapes keys and gives array indexes', () => {
    expect(at(tagsIn(value, '/spec/templates/0'))).toEqual([
      ['/spec/templates/0/metadata/annotations/example.com~1a~0b', 'inputs.parameters.x'],
      ['/spec/templates/0/steps/0/0/arguments/parameters/0/value', 'steps.a.outputs.result'],
      ['/spec/templates/0/dag/tasks/0/when', 'tasks.a.status'],
      ['/spec/templates/0/dag/target', 'workflow.name'],
      ['/spec/templates/0/outputs', 'outputs.x'],
    ]);
  });

  it('skips sub-trees one and two keys down, and a skipped string', () => {
    const skip = [['steps'], ['dag', 'tasks'], ['outputs'], ['metadata', 'annotations', 'other']];
    expect(at(tagsIn(value, '/t', skip))).toEqual([
      ['/t/metadata/annotations/example.com~1a~0b', 'inputs.parameters.x'],
      ['/t/dag/target', 'workflow.name'],
    ]);
  });

  it('matches skipped keys as they are, not escaped', () => {
    expect(at(tagsIn(value.metadata, '/m', [['annotations', 'example.com/a~b']]))).toEqual([]);
    expect(at(tagsIn(value.metadata, '/m', [['annotations', 'example.com~1a~0b']]))).toEqual([
      ['/m/annotations/example.com~1a~0b', 'inputs.parameters.x'],
    ]);
  });

  it('skips the value itself when its own pointer is skipped', () => {
    expect(tagsIn(value, '/t', [[]])).toEqual([]);
    expect(tagsIn('{{x}}', '/s', [[]])).toEqual([]);
    expect(at(tagsIn('{{x}}', '/s'))).toEqual([['/s', 'x']]);
  });
});

describe('pointerUnder', () => {
  it('is pointer() after a base', () => {
    const segments = ['a/b', 0, '~', 'plain', 12];
    expect(pointerUnder('', segments)).toBe(pointer(segments));
    expect(pointerUnder('/spec', segments)).toBe(`/spec${pointer(segments)}`);
    expect(pointer(segments)).toBe('/a~1b/0/~0/plain/12');
  });
});

// `a && b && c`, as the DSL writes a task's dependencies, is read without the tokenizer; spacing it another way sends
// the same names through the full parser, so the two must agree.
describe('parseDepends: names joined by " && "', () => {
  it('gives the operands the full parser gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zA-Z0-9][-a-zA-Z0-9]{0,8}$/), { minLength: 1, maxLength: 6 }),
        (names) => {
          const fast = parseDepends(names.join(' && '));
          const full = parseDepends(` ${names.join('  &&  ')} `);
          expect(fast).toEqual(full);
          expect(fast).toEqual({ ok: true, operands: names.map((task) => ({ task })) });
        },
      ),
    );
  });
  it('leaves results, other operators and bad texts to the parser', () => {
    expect(parseDepends('a && b.Failed')).toEqual({
      ok: true,
      operands: [{ task: 'a' }, { task: 'b', result: 'Failed' }],
    });
    expect(parseDepends('a || b')).toEqual({ ok: true, operands: [{ task: 'a' }, { task: 'b' }] });
    expect(parseDepends('a && && b')).toEqual({ ok: false, error: "unexpected '&&'" });
    expect(parseDepends('a &&')).toEqual({ ok: false, error: 'unexpected end of expression' });
  });
});

describe('tagsIn: a tag as written', () => {
  it('keeps the spacing and braces of the text it was found in', () => {
    const [tag] = tagsIn({ a: 'x {{ inputs.parameters.p }} y' }, '');
    expect([tag?.name, tag?.raw, tag?.path]).toEqual(['inputs.parameters.p', '{{ inputs.parameters.p }}', '/a']);
  });
});

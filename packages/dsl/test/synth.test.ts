import type * as model from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import {
  container,
  dag,
  globals,
  type Ref,
  raw,
  rawTemplate,
  script,
  synth,
  task,
  workflowTemplate,
} from '../src/index.js';
import { stage } from '../src/internal.js';
import { echo, errorOf, fileOf, issuesOf, lineHere } from './helpers.js';

describe('hand-written {{…}}', () => {
  it('is refused by synth(), with the JSON pointer and the template', () => {
    const t = container('t', { image: 'alpine:3.20', args: ['echo', '{{workflow.name}}'] });
    expect(issuesOf(() => synth(workflowTemplate('w', { entrypoint: t })))).toEqual([
      {
        code: 'dsl/hand-written-expression',
        severity: 'error',
        path: '/spec/templates/0/container/args/1',
        subject: "template 't'",
        message: `hand-written '{{' in "{{workflow.name}}": use a handle, or raw() to say it is deliberate`,
      },
    ]);
  });

  it('is refused inside a longer string, which is truncated in the message', () => {
    const long = `${'x'.repeat(70)} {{inputs.parameters.who}}`;
    const t = container('t', { image: 'alpine:3.20', env: [{ name: 'A', value: long }] });
    expect(() => synth(workflowTemplate('w', { entrypoint: t }))).toThrow(
      `hand-written '{{' in "${'x'.repeat(57)}...": use a handle, or raw() to say it is deliberate [dsl/hand-written-expression]`,
    );
  });

  it('is located inside nested arrays and objects, past holes and undefined fields', () => {
    // biome-ignore lint/suspicious/noSparseArray: the renderer keeps holes where they are
    const args = ['a', , '{{x}}'] as string[];
    const t = container('t', { image: 'alpine:3.20', args, env: [{ name: 'A', value: undefined }] });
    const staged = stage(workflowTemplate('w', { entrypoint: t }));
    const rendered = staged.doc.spec.templates?.[0]?.container;
    expect(rendered?.args?.length).toBe(3);
    expect(1 in (rendered?.args ?? [])).toBe(false);
    expect(Object.isFrozen(rendered?.args)).toBe(true);
    expect(rendered?.env).toEqual([{ name: 'A' }]);
    expect(Object.keys(rendered?.env?.[0] ?? {})).toEqual(['name']);
    expect(issuesOf(() => staged.finish()).find((i) => i.code === 'dsl/hand-written-expression')?.path).toBe(
      '/spec/templates/0/container/args/2',
    );
  });

  it('is accepted when wrapped in raw(), and rendered as written', () => {
    const t = container('t', {
      image: 'alpine:3.20',
      args: ['echo', `${raw('{{workflow.annotations.owner}}')}-${globals.name}`],
    });
    const doc = synth(workflowTemplate('w', { entrypoint: t }));
    expect(doc.spec.templates?.[0]?.container?.args).toEqual([
      'echo',
      '{{workflow.annotations.owner}}-{{workflow.name}}',
    ]);
  });

  it('a handle renders to its {{…}} form and is not mistaken for hand-written text', () => {
    const t = container('t', { image: 'alpine:3.20', args: [`${globals.namespace}/${globals.label('app')}`] });
    const doc = synth(workflowTemplate('w', { entrypoint: t }));
    expect(doc.spec.templates?.[0]?.container?.args).toEqual(['{{workflow.namespace}}/{{workflow.labels.app}}']);
  });
});

describe('escape hatches are still validated', () => {
  it('a raw template with a misspelled field fails synth with schema/unknown-field', () => {
    const bad = rawTemplate({ name: 'r', contianer: { image: 'alpine:3.20' } } as model.Template);
    expect(issuesOf(() => synth(workflowTemplate('w', { entrypoint: bad })))).toEqual([
      {
        code: 'schema/unknown-field',
        severity: 'error',
        path: '/spec/templates/0/contianer',
        subject: "template 'r'",
        message: "unknown field 'contianer'",
      },
    ]);
  });

  it('a correct raw template is emitted as given and can be called by a task with any argument', () => {
    const r = rawTemplate({
      name: 'r',
      inputs: { parameters: [{ name: 'x' }] },
      container: { image: 'alpine:3.20', args: [raw('{{inputs.parameters.x}}')] },
      outputs: { parameters: [{ name: 'anything', valueFrom: { path: '/tmp/anything' } }] },
    });
    const t = task('t', r, { args: { x: '1' } });
    const u = task('u', echo, { args: { who: t.outputs.parameters.anything as Ref } });
    const doc = synth(workflowTemplate('w', { entrypoint: dag('main', [t, u]) }));
    expect(doc.spec.templates?.find((x) => x.name === 'r')).toEqual({
      name: 'r',
      inputs: { parameters: [{ name: 'x' }] },
      container: { image: 'alpine:3.20', args: ['{{inputs.parameters.x}}'] },
      outputs: { parameters: [{ name: 'anything', valueFrom: { path: '/tmp/anything' } }] },
    });
    expect(doc.spec.templates?.[0]?.dag?.tasks?.[1]?.depends).toBe('t');
  });

  it('rawTemplate() needs a name', () => {
    expect(() => rawTemplate({ container: { image: 'alpine:3.20' } })).toThrow(
      'rawTemplate: the template needs a name',
    );
  });

  it('a raw DAGTask with a misspelled field fails synth with schema/unknown-field', () => {
    const a = task('a', echo, { args: { who: 'a' } });
    const rawTask = { name: 'r', template: 'echo', dependecies: ['a'] } as model.DAGTask;
    expect(() => synth(workflowTemplate('w', { entrypoint: dag('main', [a, rawTask]) }))).toThrow(
      "/spec/templates/0/dag/tasks/1/dependecies: template 'main', task 'r': unknown field 'dependecies' [schema/unknown-field]",
    );
  });
});

describe('immutability', () => {
  const t = task('a', echo, { args: { who: 'x' } });
  const wt = workflowTemplate('w', { entrypoint: dag('main', [t]) });

  it('templates, tasks and workflows are frozen all the way down', () => {
    for (const v of [echo, echo.body, echo.inputs, t, t.arguments, t.after, wt, wt.options])
      expect(Object.isFrozen(v)).toBe(true);
  });

  // renderTokens freezes each object as it makes it; nothing freezes the document afterwards.
  it('a synthesized document is frozen all the way down', () => {
    const unfrozen: string[] = [];
    const walk = (v: unknown, at: string): void => {
      if (v === null || typeof v !== 'object') return;
      if (!Object.isFrozen(v)) unfrozen.push(at);
      for (const [k, child] of Object.entries(v)) walk(child, `${at}/${k}`);
    };
    walk(synth(wt), '');
    expect(unfrozen).toEqual([]);
  });

  it('mutation throws (ES modules are strict)', () => {
    expect(() => {
      (t as { name: string }).name = 'b';
    }).toThrow("Cannot assign to read only property 'name'");
    expect(() => {
      (echo.inputs as Record<string, unknown>).extra = 1;
    }).toThrow('Cannot add property extra, object is not extensible');
    expect(() => {
      ((echo.body as unknown as { container: { args: string[] } }).container.args as string[]).push('x');
    }).toThrow('Cannot add property 2, object is not extensible');
    expect(() => {
      (t.outputs.parameters as Record<string, unknown>).out = 'x';
    }).toThrow("Cannot assign to read only property 'out'");
  });

  it('the synthesized document is frozen too, and synth does not change its input', () => {
    const before = JSON.stringify(wt);
    const doc = synth(wt);
    expect(() => {
      (doc.spec.templates as unknown[]).push({});
    }).toThrow('object is not extensible');
    expect(JSON.stringify(wt)).toBe(before);
  });

  it('a shared template is one value used by many tasks and workflows', () => {
    const a = synth(workflowTemplate('w1', { entrypoint: echo }));
    const b = synth(workflowTemplate('w2', { entrypoint: dag('main', [t]) }));
    expect(a.spec.templates?.[0]).toEqual(b.spec.templates?.[1]);
  });
});

describe('source locations', () => {
  const file = fileOf(import.meta.url);

  it('a schema error in a template points at the line where the template was declared', () => {
    const [bad, line] = [container('bad', { image: 'alpine:3.20', tty: 'yes' as never }), lineHere()];
    const error = errorOf(() => synth(workflowTemplate('w', { entrypoint: bad })));
    expect(error.issues.map((i) => ({ code: i.code, source: i.source }))).toEqual([
      { code: 'schema/wrong-type', source: { file, line, column: expect.any(Number) } },
    ]);
    expect(error.message.startsWith(`${file}:${line}:`)).toBe(true);
  });

  it('an error inside a DAG task points at the task’s line, not the DAG’s', () => {
    const [bad, line] = [task('bad', echo, { args: { who: 'x' }, when: '{{workflow.name}} == x' }), lineHere()];
    const main = dag('main', [bad]);
    const [issue] = errorOf(() => synth(workflowTemplate('w', { entrypoint: main }))).issues;
    expect(issue).toMatchObject({
      code: 'dsl/hand-written-expression',
      path: '/spec/templates/0/dag/tasks/0/when',
      subject: "template 'main', task 'bad'",
      source: { file, line },
    });
  });

  it('argument errors point at the task() call', () => {
    let line = 0;
    const [issue] = errorOf(() => {
      line = lineHere();
      task('a', echo, { args: {} as never });
    }).issues;
    expect(issue?.source).toEqual({ file, line: line + 1, column: expect.any(Number) });
  });

  it('a problem outside any template falls back to the workflow’s line', () => {
    const s = script('s', { image: 'python:3.12', command: ['python'], source: 'print(1)\n' });
    const [wt, line] = [workflowTemplate('w', { entrypoint: s, spec: { parallelism: 'two' as never } }), lineHere()];
    const [issue] = errorOf(() => synth(wt)).issues;
    expect(issue).toMatchObject({ path: '/spec/parallelism', source: { file, line } });
  });
});

describe('stage(): render and schema once, lint later', () => {
  const good = () => workflowTemplate('w', { entrypoint: container('t', { image: 'alpine:3.20' }) });

  it('finishes to the document synth() gives, as often as asked, calling the lint once per finish', () => {
    const staged = stage(good());
    let lints = 0;
    const lint = () => {
      lints++;
      return [];
    };
    expect(staged.finish()).toBe(staged.doc);
    expect(staged.finish({ lint })).toBe(staged.doc);
    expect(staged.finish({ lint })).toEqual(synth(good()));
    expect(lints).toBe(2);
  });

  it('throws schema errors from finish() with or without a lint, and never lints a schema-invalid document', () => {
    const bad = workflowTemplate('w', {
      entrypoint: container('t', { image: 'alpine:3.20', resources: { limits: { cpu: [] as unknown as string } } }),
    });
    const staged = stage(bad);
    let lints = 0;
    expect(() => staged.finish()).toThrow(/\/spec\/templates\/0\/container\/resources\/limits\/cpu/);
    expect(() =>
      staged.finish({
        lint: () => {
          lints++;
          return [];
        },
      }),
    ).toThrow(/cpu/);
    expect(lints).toBe(0);
  });
});

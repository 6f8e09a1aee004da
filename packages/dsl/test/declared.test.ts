import type * as model from '@argo-gen/model';
import { lintDocument } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { collectTemplates } from '../src/collect.js';
import {
  dag,
  declarationOf,
  declarationsModule,
  declareWorkflowTemplate,
  synth,
  task,
  templateRef,
  workflowTemplate,
} from '../src/index.js';
import { declarationsCalled, declaredDocument } from '../src/internal.js';

// A WorkflowTemplate as another team wrote it: every way an input can be required or not.
const theirs = {
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'WorkflowTemplate',
  metadata: { name: 'ci-templates', namespace: 'ci' },
  spec: {
    templates: [
      {
        name: 'build-image',
        inputs: {
          parameters: [
            { name: 'revision', description: 'git revision' },
            { name: 'mode', default: 'fast', enum: ['fast', 'thorough'] },
            { name: 'fixed', value: 'v1' },
            { name: 'registry', valueFrom: { configMapKeyRef: { name: 'ci', key: 'registry' } } },
          ],
          artifacts: [
            { name: 'source', path: '/src' },
            { name: 'cache', path: '/cache', optional: true },
            { name: 'tools', path: '/tools', http: { url: 'https://example.com/tools.tgz' } },
          ],
        },
        outputs: {
          parameters: [{ name: 'digest', valueFrom: { path: '/tmp/digest' } }],
          artifacts: [{ name: 'report', path: '/tmp/report' }],
        },
        container: { image: 'alpine:3.20' },
      },
      { name: 'lint', container: { image: 'alpine:3.20' } },
    ],
  },
} as model.WorkflowTemplate;

describe('declarationOf', () => {
  it('keeps the signature only: required or not, enums, defaults, outputs by kind; no body', () => {
    expect(declarationOf(theirs)).toEqual({
      kind: 'WorkflowTemplate',
      name: 'ci-templates',
      namespace: 'ci',
      templates: {
        'build-image': {
          inputs: {
            revision: { kind: 'param', required: true },
            mode: { kind: 'param', required: false, enum: ['fast', 'thorough'], default: 'fast' },
            fixed: { kind: 'param', required: false, default: 'v1' },
            registry: { kind: 'param', required: false },
            source: { kind: 'artifact', required: true },
            cache: { kind: 'artifact', required: false },
            tools: { kind: 'artifact', required: false },
          },
          outputs: { digest: 'parameter', report: 'artifact' },
        },
        lint: {},
      },
    });
  });
});

const ci = declareWorkflowTemplate(declarationOf(theirs) as ReturnType<typeof declarationOf>);
const source = { git: { repo: 'https://example.com/x.git' } };

describe('templateRef on a declaration', () => {
  it('renders a templateRef and checks arguments at synthesis (generate does not type-check)', () => {
    const build = task('build', templateRef(ci, 'build-image'), { args: { revision: 'abc', source } });
    const doc = synth(workflowTemplate('user', { entrypoint: dag('main', [build]) }));
    expect(doc.spec.templates?.[0]?.dag?.tasks?.[0]).toEqual({
      name: 'build',
      templateRef: { name: 'ci-templates', template: 'build-image' },
      arguments: {
        parameters: [{ name: 'revision', value: 'abc' }],
        artifacts: [{ name: 'source', git: { repo: 'https://example.com/x.git' } }],
      },
    });
    expect(() => task('t', templateRef(ci, 'build-image'), { args: { mode: 'turbo', source } } as never)).toThrow(
      `task 't': argument 'mode' of template 'build-image' must be one of "fast", "thorough" (got "turbo") [dsl/bad-argument]`,
    );
    expect(() => task('u', templateRef(ci, 'build-image'), { args: { source } } as never)).toThrow(
      `task 'u': missing required argument 'revision' of template 'build-image' [dsl/bad-argument]`,
    );
  });

  it('refuses a template name the declaration does not have, naming those it has', () => {
    expect(() => templateRef(ci, 'bild' as never)).toThrow(
      "template 'bild' is not declared in WorkflowTemplate 'ci-templates' (templates: build-image, lint) [dsl/bad-template-ref]",
    );
  });

  it('a ClusterWorkflowTemplate is called with clusterScope', () => {
    const shared = declareWorkflowTemplate({
      kind: 'ClusterWorkflowTemplate',
      name: 'shared',
      templates: { notify: { inputs: { message: { kind: 'param', required: true } } } },
    });
    const n = task('n', templateRef(shared, 'notify'), { args: { message: 'hi' } });
    const doc = synth(workflowTemplate('user', { entrypoint: dag('main', [n]) }));
    expect(doc.spec.templates?.[0]?.dag?.tasks?.[0]?.templateRef).toEqual({
      name: 'shared',
      template: 'notify',
      clusterScope: true,
    });
  });

  it('the run learns the declarations a workflow calls, and never collects a declared template as its own', () => {
    const lint = task('lint', templateRef(ci, 'lint'));
    const build = task('build', templateRef(ci, 'build-image'), { args: { revision: 'abc', source }, after: [lint] });
    const options = { entrypoint: dag('main', [lint, build]) };
    expect(declarationsCalled(options)).toEqual([ci.declaration]);
    expect(collectTemplates(options).map((t) => t.name)).toEqual(['main']);
  });
});

describe('declaredDocument: the lint stand-in', () => {
  const call = (args: model.Arguments) => ({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'x-', namespace: 'ci' },
    spec: {
      entrypoint: 'main',
      templates: [
        {
          name: 'main',
          steps: [[{ name: 's', templateRef: { name: 'ci-templates', template: 'build-image' }, arguments: args }]],
        },
      ],
    },
  });
  const templates = [declaredDocument(ci.declaration)];

  it('resolves templateRefs to it and checks that required inputs are supplied', () => {
    const missing = lintDocument(call({}), { templates }).map((i) => `${i.code}: ${i.message}`);
    expect(missing).toEqual([
      "lint/missing-argument: template 'build-image': inputs.parameters.revision was not supplied",
      "lint/missing-argument: template 'build-image': inputs.artifacts.source was not supplied",
    ]);
    const given = { parameters: [{ name: 'revision', value: 'a' }], artifacts: [{ name: 'source', ...source }] };
    expect(lintDocument(call(given), { templates })).toEqual([]);
  });

  it('is namespaced where the declaration was read: another namespace does not find it', () => {
    const elsewhere = { ...call({}), metadata: { generateName: 'x-', namespace: 'other' } };
    expect(lintDocument(elsewhere, { templates }).map((i) => i.message)).toEqual([
      'couldn\'t find workflow template "ci-templates" in namespace "other"',
    ]);
  });
});

describe('declarationsModule', () => {
  const decl = (kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate', name: string) => ({
    declaration: { kind, name, templates: {} },
  });

  it('names exports after the templates, without clashes, reserved words or leading digits', () => {
    const text = declarationsModule(
      [
        decl('WorkflowTemplate', 'tools'),
        decl('ClusterWorkflowTemplate', 'tools'),
        decl('WorkflowTemplate', 'delete'),
        decl('WorkflowTemplate', '1st-pass'),
      ],
      ['header'],
    );
    expect([...text.matchAll(/^export const (\w+)/gm)].map((m) => m[1])).toEqual([
      'template1stPass',
      'deleteTemplate',
      'tools',
      'toolsCluster',
    ]);
  });

  it('writes every name and value so that the module evaluates back to the same declarations', () => {
    const tricky = {
      kind: 'WorkflowTemplate' as const,
      name: "it's-a\\b",
      namespace: 'ns',
      templates: {
        "t'1": {
          inputs: {
            __proto__: { kind: 'param' as const, required: false, default: 'line\nbreak \u2028 */ "q"' },
            'a-b': { kind: 'param' as const, required: true, enum: ['x\\y', "z'"] },
            art: { kind: 'artifact' as const, required: false },
          },
          outputs: { 'o.p': 'parameter' as const, constructor: 'artifact' as const },
        },
      },
    };
    // The __proto__ key of the literal above set the prototype; the declaration has it as an own key, as Argo's names do.
    Object.defineProperty(tricky.templates["t'1"].inputs, '__proto__', {
      value: { kind: 'param', required: false, default: 'line\nbreak \u2028 */ "q"' },
      enumerable: true,
    });
    const text = declarationsModule([{ declaration: tricky }], ['a header']);
    const body = text.replace(/^import .*$/m, '').replace(/^export const (\w+) =/gm, 'out.$1 =');
    const out: Record<string, { declaration: unknown }> = {};
    new Function('declareWorkflowTemplate', 'out', body)(declareWorkflowTemplate, out);
    expect(Object.keys(out)).toEqual(['itSAB']);
    expect(JSON.stringify(out.itSAB?.declaration)).toBe(JSON.stringify(tricky));
  });

  it('refuses the same object twice', () => {
    expect(() => declarationsModule([decl('WorkflowTemplate', 'a'), decl('WorkflowTemplate', 'a')], [])).toThrow(
      "WorkflowTemplate 'a' is given twice; declare each object once [types/duplicate]",
    );
  });
});

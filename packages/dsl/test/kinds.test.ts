import { describe, expect, it } from 'vitest';
import {
  artifact,
  clusterWorkflowTemplate,
  container,
  containerSet,
  cronWorkflow,
  dag,
  http,
  inputs,
  output,
  param,
  resource,
  step,
  steps,
  suspend,
  synth,
  task,
  templateRef,
  toYaml,
  workflow,
  workflowFrom,
  workflowParams,
  workflowTemplate,
} from '../src/index.js';
import { echo } from './helpers.js';

const library = workflowTemplate('library', { templates: [echo] });
const clusterLibrary = clusterWorkflowTemplate('cluster-library', { templates: [echo] });

describe('templateRef', () => {
  it('calls a template of another WorkflowTemplate, with typed outputs and checked arguments', () => {
    const ref = templateRef(library, echo);
    const a = task('a', ref, { args: { who: 'x' } });
    const b = task('b', ref, { args: { who: a.outputs.parameters.out } });
    const doc = synth(workflowTemplate('user', { entrypoint: dag('main', [a, b]) }));
    expect(doc.spec.templates).toEqual([
      {
        name: 'main',
        dag: {
          tasks: [
            {
              name: 'a',
              templateRef: { name: 'library', template: 'echo' },
              arguments: { parameters: [{ name: 'who', value: 'x' }] },
            },
            {
              name: 'b',
              templateRef: { name: 'library', template: 'echo' },
              depends: 'a',
              arguments: { parameters: [{ name: 'who', value: '{{tasks.a.outputs.parameters.out}}' }] },
            },
          ],
        },
      },
    ]);
    expect(() => task('c', ref, { args: { who: 'x', mode: 'warp' } as never })).toThrow(
      `task 'c': argument 'mode' of template 'echo' must be one of "fast", "slow" (got "warp") [dsl/bad-argument]`,
    );
  });

  it('refuses a template that is not in the holder', () => {
    const stranger = container('stranger', { image: 'alpine:3.20' });
    expect(() => templateRef(library, stranger)).toThrow(
      "template 'stranger' is not part of WorkflowTemplate 'library' [dsl/bad-template-ref]",
    );
    const lookalike = container('echo', { image: 'alpine:3.20' });
    expect(() => templateRef(library, lookalike)).toThrow(
      "template 'echo' is not part of WorkflowTemplate 'library' [dsl/bad-template-ref]",
    );
  });

  it('a ClusterWorkflowTemplate is referenced with clusterScope', () => {
    const s = step('s', templateRef(clusterLibrary, echo), { args: { who: 'x' } });
    const doc = synth(workflow({ name: 'user' }, { entrypoint: steps('main', [[s]]) }));
    expect(doc.spec.templates?.[0]?.steps?.[0]?.[0]?.templateRef).toEqual({
      name: 'cluster-library',
      template: 'echo',
      clusterScope: true,
    });
    expect(synth(clusterLibrary)).toMatchObject({
      kind: 'ClusterWorkflowTemplate',
      metadata: { name: 'cluster-library' },
    });
  });

  it('a library WorkflowTemplate has templates and no entrypoint', () => {
    const doc = synth(library);
    expect(doc.spec.entrypoint).toBeUndefined();
    expect(doc.spec.templates?.map((t) => t.name)).toEqual(['echo']);
  });
});

describe('kinds', () => {
  const wp = workflowParams({ message: param.string(), env: param.enum(['dev', 'prod'], { default: 'dev' }) });
  const hello = container('hello', { image: 'alpine:3.20', args: ['echo', wp.message, wp.env] });
  const template = workflowTemplate('hello-template', { entrypoint: hello, params: wp });

  it('a Workflow with generateName (its parameter without a value refused by the default lint)', () => {
    const value = workflow({ generateName: 'hello-' }, { entrypoint: hello, params: wp, namespace: 'argo' });
    // A Workflow's own parameter needs a value when it is submitted; synth() lints by default and says so.
    expect(() => synth(value)).toThrow(
      /spec\.arguments\.message\.value or spec\.arguments\.message\.valueFrom is required/,
    );
    const doc = synth(value, { lint: false });
    expect(doc.metadata).toEqual({ generateName: 'hello-', namespace: 'argo' });
    expect(doc.spec.arguments).toEqual({
      parameters: [{ name: 'message' }, { name: 'env', value: 'dev', enum: ['dev', 'prod'] }],
    });
  });

  it('a CronWorkflow with v4 schedules and a timezone', () => {
    // Its workflows are submitted by the controller, never with -p: `message` without a value is refused by the lint,
    // which this rendering test leaves out (the Workflow test above shows the lint's verdict).
    const doc = synth(
      cronWorkflow(
        'nightly',
        {
          schedules: ['0 2 * * *', '30 14 * * 1-5'],
          timezone: 'Europe/Paris',
          concurrencyPolicy: 'Forbid',
          startingDeadlineSeconds: 0,
        },
        { entrypoint: hello, params: wp },
      ),
      { lint: false },
    );
    expect(toYaml(doc)).toBe(`apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata:
  name: nightly
spec:
  schedules:
    - 0 2 * * *
    - 30 14 * * 1-5
  timezone: Europe/Paris
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 0
  workflowSpec:
    entrypoint: hello
    arguments:
      parameters:
        - name: message
        - name: env
          value: dev
          enum:
            - dev
            - prod
    templates:
      - name: hello
        container:
          image: alpine:3.20
          args:
            - echo
            - "{{workflow.parameters.message}}"
            - "{{workflow.parameters.env}}"
`);
  });

  it('a CronWorkflow locates template errors under /spec/workflowSpec', () => {
    const bad = container('bad', { image: 'alpine:3.20', tty: 'no' as never });
    expect(() => synth(cronWorkflow('c', { schedules: ['* * * * *'] }, { entrypoint: bad }))).toThrow(
      `/spec/workflowSpec/templates/0/container/tty: template 'bad': 'tty' must be a boolean (got string "no") [schema/wrong-type]`,
    );
  });

  it('workflowFrom runs a WorkflowTemplate by reference, with checked arguments', () => {
    const doc = synth(workflowFrom(template, { generateName: 'hello-' }, { message: 'hi', env: 'prod' }));
    expect(doc).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'hello-' },
      spec: {
        workflowTemplateRef: { name: 'hello-template' },
        arguments: {
          parameters: [
            { name: 'message', value: 'hi' },
            { name: 'env', value: 'prod' },
          ],
        },
      },
    });
    const cluster = clusterWorkflowTemplate('hello-cluster', { entrypoint: hello, params: wp });
    expect(synth(workflowFrom(cluster, { name: 'once' }, { message: 'hi' })).spec.workflowTemplateRef).toEqual({
      name: 'hello-cluster',
      clusterScope: true,
    });
  });

  it('workflowFrom refuses unknown, missing and out-of-enum arguments', () => {
    const id = { generateName: 'hello-' };
    expect(() => workflowFrom(template, id, { message: 'hi', colour: 'red' } as never)).toThrow(
      "workflow from 'hello-template': argument 'colour' is not a parameter of WorkflowTemplate 'hello-template' (parameters: message, env) [dsl/bad-argument]",
    );
    expect(() => workflowFrom(template, id, {} as never)).toThrow(
      "workflow from 'hello-template': missing required argument 'message' of WorkflowTemplate 'hello-template' [dsl/bad-argument]",
    );
    expect(() => workflowFrom(template, id, { message: 'hi', env: 'qa' } as never)).toThrow(
      `workflow from 'hello-template': argument 'env' of WorkflowTemplate 'hello-template' must be one of "dev", "prod" (got "qa") [dsl/bad-argument]`,
    );
  });
});

describe('leaf templates', () => {
  const set = containerSet('set', {
    containers: [
      { name: 'a', image: 'alpine:3.20', command: ['sh', '-c', 'echo a'] },
      { name: 'b', image: 'alpine:3.20', dependencies: ['a'] },
    ],
  });
  const call = http('call', {
    url: 'https://example.com/health',
    method: 'GET',
    successCondition: 'response.statusCode == 200',
  });
  const job = resource(
    'job',
    {
      action: 'create',
      manifest: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  generateName: pi-\n',
      successCondition: 'status.succeeded > 0',
      failureCondition: 'status.failed > 3',
    },
    { outputs: { jobName: output.jsonPath('{.metadata.name}') } },
  );
  const wait = suspend('wait', { duration: '20s' });
  const approve = suspend('approve', {}, { outputs: { answer: output.supplied() } });

  it('synthesizes each kind, and outputs of a resource and an approval gate are handles', () => {
    const j = task('job', job);
    const log = task('log', echo, { args: { who: j.outputs.parameters.jobName } });
    const gate = task('approve', approve, { after: [log] });
    const main = dag('main', [task('set', set), task('call', call), j, log, task('wait', wait, { after: [j] }), gate]);
    const doc = synth(workflowTemplate('leaves', { entrypoint: main }));
    const byName = Object.fromEntries((doc.spec.templates ?? []).map((t) => [t.name ?? '', t] as const));
    expect(byName.set?.containerSet?.containers?.map((c) => c.name)).toEqual(['a', 'b']);
    expect(byName.call?.http).toEqual({
      url: 'https://example.com/health',
      method: 'GET',
      successCondition: 'response.statusCode == 200',
    });
    expect(byName.job).toMatchObject({
      resource: { action: 'create', successCondition: 'status.succeeded > 0' },
      outputs: { parameters: [{ name: 'jobName', valueFrom: { jsonPath: '{.metadata.name}' } }] },
    });
    expect(byName.wait?.suspend).toEqual({ duration: '20s' });
    expect(byName.approve).toEqual({
      name: 'approve',
      outputs: { parameters: [{ name: 'answer', valueFrom: { supplied: {} } }] },
      suspend: {},
    });
    expect(byName.main?.dag?.tasks?.map((t) => [t.name, t.depends])).toEqual([
      ['set', undefined],
      ['call', undefined],
      ['job', undefined],
      ['log', 'job'],
      ['wait', 'job'],
      ['approve', 'log'],
    ]);
  });

  it('emits the resource manifest as a block scalar', () => {
    const yaml = toYaml(synth(workflowTemplate('r', { entrypoint: job })));
    expect(yaml).toContain(
      '        manifest: |\n          apiVersion: batch/v1\n          kind: Job\n          metadata:\n            generateName: pi-\n',
    );
  });
});

describe('workflow-level artifacts', () => {
  it('renders spec.arguments.artifacts beside the parameters, validated', () => {
    const a = artifact('/src');
    const wp = workflowParams({ rev: param.string({ default: 'main' }) });
    const ls = container('ls', { image: 'alpine:3.20', command: ['ls', '/src'] }, { inputs: inputs({ source: a }) });
    const doc = synth(
      workflow(
        { generateName: 'art-' },
        {
          entrypoint: ls,
          params: wp,
          artifacts: { source: { git: { repo: 'https://example.com/r.git', revision: wp.rev } } },
        },
      ),
    );
    expect(doc.spec.arguments).toEqual({
      parameters: [{ name: 'rev', value: 'main' }],
      artifacts: [
        { name: 'source', git: { repo: 'https://example.com/r.git', revision: '{{workflow.parameters.rev}}' } },
      ],
    });
  });
});

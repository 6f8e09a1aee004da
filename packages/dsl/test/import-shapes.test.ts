import { describe, expect, it } from 'vitest';
import {
  artifact,
  container,
  cronWorkflow,
  globals,
  inputs,
  output,
  param,
  rawTemplate,
  step,
  steps,
  synth,
  templateRef,
  workflow,
  workflowTemplate,
} from '../src/index.js';

// Shapes Argo has and imported YAML needs, written as a TypeScript user would (issue 17 §2).
const reportInputs = inputs({ outcome: param.string() });
const report = container('report', { image: 'alpine', args: ['echo', reportInputs.outcome] }, { inputs: reportInputs });
const main = container('main', { image: 'alpine' });

describe('workflow-level hooks', () => {
  it('render their arguments, checked against the callee, and a templateRef callee', () => {
    const stub = rawTemplate({ name: 'notify' });
    const lib = workflowTemplate('platform', { templates: [stub] });
    const doc = synth(
      workflow(
        { generateName: 'w-' },
        {
          entrypoint: main,
          hooks: {
            exit: { template: report, args: { outcome: globals.status } },
            running: { template: templateRef(lib, stub), expression: 'workflow.status == "Running"' },
          },
        },
      ),
    );
    expect(doc.spec.hooks).toEqual({
      exit: { template: 'report', arguments: { parameters: [{ name: 'outcome', value: '{{workflow.status}}' }] } },
      running: { templateRef: { name: 'platform', template: 'notify' }, expression: 'workflow.status == "Running"' },
    });
  });

  it('refuse an argument the hook template does not declare', () => {
    expect(() =>
      synth(workflow({ name: 'w' }, { entrypoint: main, hooks: { exit: { template: report, args: { nope: 'x' } } } })),
    ).toThrow(/argument 'nope' is not an input of template 'report'/);
  });
});

describe('cronWorkflow', () => {
  it('writes workflowMetadata for the runs it creates', () => {
    const doc = synth(
      cronWorkflow(
        'nightly',
        { schedules: ['0 1 * * *'], workflowMetadata: { labels: { team: 'data' }, annotations: { cost: '1' } } },
        { entrypoint: main },
      ),
    );
    expect(doc.spec.workflowMetadata).toEqual({ labels: { team: 'data' }, annotations: { cost: '1' } });
  });
});

describe('artifacts and globals', () => {
  it('output artifacts take any Artifact field, with handles; global outputs and creation-time parts have handles', () => {
    const build = container(
      'build',
      { image: 'alpine' },
      {
        outputs: {
          bin: output.artifact('/out/bin', { s3: { key: `bin/${globals.name}/${globals.created('Y')}` } }),
          digest: output.path('/tmp/digest', { globalName: 'digest' }),
        },
      },
    );
    const sayInputs = inputs({ text: param.string() });
    const say = container('say', { image: 'alpine', args: [sayInputs.text] }, { inputs: sayInputs });
    const doc = synth(
      workflow(
        { name: 'w' },
        {
          entrypoint: steps('main', [[step('b', build)]]),
          onExit: steps('exit', [[step('s', say, { args: { text: globals.outputParameter('digest') } })]]),
        },
      ),
    );
    const t = (n: string) => doc.spec.templates?.find((x) => x.name === n);
    expect(t('build')?.outputs?.artifacts).toEqual([
      { name: 'bin', path: '/out/bin', s3: { key: 'bin/{{workflow.name}}/{{workflow.creationTimestamp.Y}}' } },
    ]);
    expect(t('exit')?.steps?.[0]?.[0]?.arguments?.parameters).toEqual([
      { name: 'text', value: '{{workflow.outputs.parameters.digest}}' },
    ]);
  });

  it('an artifact argument may hold handles in its fields; an input artifact with a source need not be passed', () => {
    const getInputs = inputs({
      region: param.string(),
      data: artifact('/data', { from: { s3: { key: 'default.gz' } } }),
    });
    const get = container('get', { image: 'alpine', args: [getInputs.region] }, { inputs: getInputs });
    const loop = step('each', get, {
      withItems: ['eu', 'us'],
      args: (item) => ({ region: item, data: { s3: { key: `events/${item}.gz` } } }),
    });
    const plain = step('plain', get, { args: { region: 'eu' } });
    const doc = synth(workflow({ name: 'w' }, { entrypoint: steps('main', [[loop], [plain]]) }));
    expect(doc.spec.templates?.[0]?.steps?.[0]?.[0]?.arguments).toEqual({
      parameters: [{ name: 'region', value: '{{item}}' }],
      artifacts: [{ name: 'data', s3: { key: 'events/{{item}}.gz' } }],
    });
  });
});

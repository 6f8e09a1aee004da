import { describe, expect, it } from 'vitest';
import { lintDocument } from '../src/index.js';
import { doc, errors, warnings } from './lint-helpers.js';

const run = (args: string[], extra: Record<string, unknown> = {}) => ({
  name: 'main',
  container: { image: 'alpine', args },
  ...extra,
});
const unresolved = (tag: string, reason: string, path = '/spec/templates/0/container/args/0') => ({
  code: 'lint/unresolved-reference',
  path,
  message: `failed to resolve ${tag}: ${reason}`,
});

describe('lint: variable references', () => {
  it('accepts declared inputs, workflow arguments, labels, globals and expressions', () => {
    const d = doc(
      [
        run(
          [
            '{{inputs.parameters.x}} {{ inputs.parameters }} {{inputs.artifacts.src.path}}',
            '{{workflow.parameters.p}} {{workflow.name}} {{workflow.labels.team}} {{workflow.creationTimestamp.RFC3339}}',
            '{{pod.name}} {{retries}} {{node.name}} {{outputs.parameters.anything}} {{=inputs.parameters.nope}}',
            '{{workflow.outputs.parameters.g}} {{workflow.failures}} {{workflow.priority}}',
          ],
          {
            inputs: {
              parameters: [{ name: 'x', value: '1' }],
              artifacts: [{ name: 'src', path: '/src', raw: { data: 'x' } }],
            },
            outputs: { parameters: [{ name: 'o', globalName: 'g', valueFrom: { path: '/o' } }] },
          },
        ),
      ],
      {
        arguments: { parameters: [{ name: 'p', value: 'v' }] },
        workflowMetadata: { labels: { team: 'a' } },
        onExit: 'main',
        priority: 1,
      },
    );
    expect(lintDocument(d)).toEqual([]);
  });

  it.each([
    ['{{inputs.parameters.y}}', "template 'main' declares no input parameter 'y'"],
    ['{{ inputs.parameters.y }}', "template 'main' declares no input parameter 'y'"],
    ['{{inputs.artifacts.a}}', "template 'main' declares no input artifact 'a'"],
    ['{{workflow.parameters.q}}', "no workflow argument 'q' is declared in spec.arguments.parameters"],
    ['{{workflow.thisdoesnotexist}}', 'unknown workflow variable'],
    ['{{workflow.failures}}', 'the workflow has no onExit handler'],
    ['{{workflow.priority}}', 'spec.priority is not set'],
    ['{{workflow.outputs.parameters.g}}', "no output parameter has globalName 'g'"],
    ['{{steps.a.outputs.result}}', "'steps.' references are only valid in a steps template's steps"],
    ['{{tasks.a.outputs.result}}', "'tasks.' references are only valid in a DAG template's tasks"],
    ['{{item}}', "'item' is only defined in a step or task with withItems, withParam or withSequence"],
  ])('reports %s in a container template', (tag, reason) => {
    expect(errors(doc([run([tag])]))).toEqual([unresolved(tag, reason)]);
  });

  it.each([
    ['{{workflow.labels.team}}', 'label', 'team'],
    ['{{workflow.annotations.note}}', 'annotation', 'note'],
  ])('warns of %s, which the controller or the submitter may supply', (tag, what, name) => {
    const d = doc([run([tag])]);
    expect(errors(d)).toEqual([]);
    expect(warnings(d)).toEqual([
      {
        ...unresolved(
          tag,
          `the workflow has no ${what} '${name}' here; it resolves only if the controller's workflowDefaults or the submitter add it (\`argo lint\` without them refuses it)`,
        ),
      },
    ]);
  });

  it('resolves a tag nested in a step name as Argo substitutes it, inner tag first', () => {
    const d = doc([
      {
        name: 'main',
        inputs: { parameters: [{ name: 'date', value: '2024' }] },
        steps: [
          [{ name: 'check-{{ inputs.parameters.date }}', template: 'gen' }],
          [
            {
              name: 'use',
              template: 'echo',
              arguments: {
                parameters: [{ name: 'msg', value: '{{steps.check-{{inputs.parameters.date}}.outputs.result}}' }],
              },
            },
          ],
        ],
      },
      { name: 'gen', script: { image: 'alpine', source: 'date' } },
      { name: 'echo', inputs: { parameters: [{ name: 'msg' }] }, container: { image: 'alpine' } },
    ]);
    expect(errors(d, { argoVersion: '3.7' })).toEqual([]);
    // A step that is not there, or an inner tag that does not resolve, is still reported.
    const wrong = JSON.parse(JSON.stringify(d).replace('.outputs.result}}', '.outputs.parameters.nope}}'));
    expect(errors(wrong, { argoVersion: '3.7' }).map((e) => e.message)).toEqual([
      "failed to resolve {{steps.check-{{inputs.parameters.date}}.outputs.parameters.nope}}: step 'check-{{inputs.parameters.date}}' (template 'gen') has no output parameter 'nope'",
    ]);
    const inner = JSON.parse(
      JSON.stringify(d).replace('{{steps.check-{{inputs.parameters.date}}', '{{steps.check-{{inputs.parameters.day}}'),
    );
    expect(errors(inner, { argoVersion: '3.7' }).map((e) => e.message)).toEqual([
      "failed to resolve {{inputs.parameters.day}}: template 'main' declares no input parameter 'day'",
      "failed to resolve {{steps.check-{{inputs.parameters.day}}.outputs.result}}: no step 'check-{{inputs.parameters.day}}' in this template",
    ]);
  });

  it('knows pod.name only in templates that run a pod', () => {
    const d = doc([{ name: 'main', suspend: {}, metadata: { labels: { pod: '{{pod.name}}' } } }]);
    expect(errors(d)).toEqual([
      unresolved(
        '{{pod.name}}',
        'pod.name exists only in templates that run a pod',
        '/spec/templates/0/metadata/labels/pod',
      ),
    ]);
  });

  it('lets a WorkflowTemplate read workflow parameters its caller supplies, with a warning', () => {
    const d = doc([run(['{{workflow.parameters.q}}'])], {}, 'WorkflowTemplate', { name: 'lib' });
    expect(errors(d)).toEqual([]);
    expect(warnings(d)).toEqual([
      {
        code: 'lint/unresolved-reference',
        path: '/spec/templates/0/container/args/0',
        message:
          "failed to resolve {{workflow.parameters.q}}: no workflow argument 'q' is declared in spec.arguments; the Workflow that runs this template must supply it",
      },
    ]);
  });

  it('sees the inputs of an inline template in its step', () => {
    const d = doc([
      {
        name: 'main',
        steps: [
          [
            {
              name: 's',
              inline: {
                inputs: { parameters: [{ name: 'n', value: '1' }] },
                container: { image: 'a', args: ['{{inputs.parameters.n}}'] },
              },
            },
          ],
        ],
      },
    ]);
    expect(errors(d)).toEqual([]);
  });
});

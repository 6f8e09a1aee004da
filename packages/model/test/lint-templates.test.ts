import { describe, expect, it } from 'vitest';
import { lintDocument } from '../src/index.js';
import { doc, errors } from './lint-helpers.js';

const T = '/spec/templates/0';
const one = (template: Record<string, unknown>, spec: Record<string, unknown> = {}) =>
  doc([{ name: 'main', ...template }], spec);
const steps = { steps: [[{ name: 's', template: 'leaf' }]] };
const withLeaf = (template: Record<string, unknown>) =>
  doc([
    { name: 'main', ...template },
    { name: 'leaf', container: { image: 'a' } },
  ]);

describe('lint: template rules', () => {
  it('accepts a well-formed leaf with outputs, retry, metrics and a resource template', () => {
    const d = doc([
      {
        name: 'main',
        container: { image: 'a', volumeMounts: [{ name: 'v', mountPath: '/v' }] },
        timeout: '10s',
        activeDeadlineSeconds: '{{workflow.parameters.d}}',
        retryStrategy: { retryPolicy: 'OnError', limit: 2 },
        inputs: { artifacts: [{ name: 'src', path: '/src', raw: { data: 'x' } }] },
        outputs: {
          parameters: [{ name: 'p', valueFrom: { path: '/p' }, globalName: 'g' }],
          artifacts: [{ name: 'a', path: '/a' }],
        },
        metrics: {
          prometheus: [
            { name: 'runs_total', help: 'runs', labels: [{ key: 'k', value: 'v' }], counter: { value: '1' } },
          ],
        },
      },
    ]);
    expect(
      errors({ ...d, spec: { ...(d.spec as object), arguments: { parameters: [{ name: 'd', value: '5' }] } } }),
    ).toEqual([]);
    expect(lintDocument(one({ resource: { action: 'create', manifest: 'kind: ConfigMap' } }))).toEqual([]);
  });

  it.each([
    [
      'no template type',
      {},
      [{ code: 'lint/unknown-template-type', path: T, message: "template 'main' type is unknown" }],
    ],
    [
      'two template types',
      { container: { image: 'a' }, script: { image: 'a', source: 'x' } },
      [
        {
          code: 'lint/multiple-template-types',
          path: T,
          message:
            'multiple template types specified (container, script). choose one of: container, containerSet, steps, script, resource, dag, suspend, template, template ref',
        },
      ],
    ],
    [
      'a timeout on a steps template',
      { ...steps, timeout: '1m' },
      [
        {
          code: 'lint/timeout-on-non-leaf',
          path: `${T}/timeout`,
          message: "Steps template doesn't support timeout field",
        },
      ],
    ],
    [
      'a timeout without a unit',
      { container: { image: 'a' }, timeout: '30' },
      [
        {
          code: 'lint/invalid-duration',
          path: `${T}/timeout`,
          message: "main has invalid duration format in timeout (got '30'; add a unit, e.g. '30s')",
        },
      ],
    ],
    [
      'activeDeadlineSeconds on a steps template',
      { ...steps, activeDeadlineSeconds: 10 },
      [
        {
          code: 'lint/active-deadline-on-non-leaf',
          path: `${T}/activeDeadlineSeconds`,
          message: 'activeDeadlineSeconds is only valid for leaf templates',
        },
      ],
    ],
    [
      'a malformed activeDeadlineSeconds',
      { container: { image: 'a' }, activeDeadlineSeconds: '1h' },
      [
        {
          code: 'lint/invalid-active-deadline',
          path: `${T}/activeDeadlineSeconds`,
          message: 'activeDeadlineSeconds must be a positive integer > 0 or an argo variable (got "1h")',
        },
      ],
    ],
    [
      'parallelism on a leaf',
      { container: { image: 'a' }, parallelism: 2 },
      [
        {
          code: 'lint/parallelism-on-leaf',
          path: `${T}/parallelism`,
          message: 'parallelism is only valid for steps and dag templates',
        },
      ],
    ],
    [
      'an unknown retryPolicy',
      { container: { image: 'a' }, retryStrategy: { retryPolicy: 'Sometimes' } },
      [
        {
          code: 'lint/invalid-retry-policy',
          path: `${T}/retryStrategy/retryPolicy`,
          message:
            'Sometimes is not a valid RetryPolicy (expected one of Always, OnFailure, OnError, OnTransientError)',
        },
      ],
    ],
    [
      'an empty image',
      { container: { image: '' } },
      [
        {
          code: 'lint/missing-image',
          path: `${T}/container`,
          message: 'container.image may not be empty (set it here or in spec.templateDefaults.container.image)',
        },
      ],
    ],
    [
      'a reserved sidecar name',
      { container: { image: 'a' }, sidecars: [{ name: 'wait', image: 'a' }] },
      [
        {
          code: 'lint/reserved-container-name',
          path: `${T}/sidecars/0/name`,
          message: 'sidecars: "wait" is a reserved Argo container name',
        },
      ],
    ],
    [
      'two mounts at one path',
      {
        container: {
          image: 'a',
          volumeMounts: [
            { name: 'a', mountPath: '/m' },
            { name: 'b', mountPath: '/m' },
          ],
        },
      },
      [
        {
          code: 'lint/duplicate-mount-path',
          path: `${T}/container/volumeMounts/1/mountPath`,
          message: "container.volumeMounts[1].mountPath '/m' already mounted in container.volumeMounts[0]",
        },
      ],
    ],
    [
      'an unknown resource action',
      { resource: { action: 'launch', manifest: 'x' } },
      [
        {
          code: 'lint/invalid-resource',
          path: `${T}/resource/action`,
          message: "resource.action must be one of: get, create, apply, delete, replace, patch (got 'launch')",
        },
      ],
    ],
    [
      'a resource template without a manifest',
      { resource: { action: 'apply' } },
      [
        {
          code: 'lint/invalid-resource',
          path: `${T}/resource`,
          message: 'either resource.manifest or resource.manifestFrom must be specified',
        },
      ],
    ],
    [
      'an input artifact without a path on a container',
      { container: { image: 'a' }, inputs: { artifacts: [{ name: 'src', raw: { data: 'x' } }] } },
      [
        {
          code: 'lint/invalid-artifact-path',
          path: `${T}/inputs/artifacts/0`,
          message: "Artifact 'src' did not specify a path",
        },
      ],
    ],
    [
      'an artifact path on a steps template',
      { ...steps, outputs: { artifacts: [{ name: 'o', path: '/o' }] } },
      [
        {
          code: 'lint/invalid-artifact-path',
          path: `${T}/outputs/artifacts/0/path`,
          message: 'outputs.artifacts.o.path only valid in container/script templates',
        },
      ],
    ],
    [
      'an artifact with two locations',
      {
        container: { image: 'a' },
        inputs: { artifacts: [{ name: 'src', path: '/s', raw: { data: 'x' }, http: { url: 'https://x' } }] },
      },
      [
        {
          code: 'lint/multiple-artifact-locations',
          path: `${T}/inputs/artifacts/0`,
          message: 'at most one artifact location can be specified (got http, raw)',
        },
      ],
    ],
    [
      'an output parameter with value and valueFrom',
      { container: { image: 'a' }, outputs: { parameters: [{ name: 'p', value: '1', valueFrom: { path: '/p' } }] } },
      [
        {
          code: 'lint/invalid-output-parameter',
          path: `${T}/outputs/parameters/0`,
          message: 'outputs.parameters.p has both valueFrom and value specified, choose one',
        },
      ],
    ],
    [
      'a container output parameter without a path',
      { container: { image: 'a' }, outputs: { parameters: [{ name: 'p', valueFrom: { jsonPath: '{.x}' } }] } },
      [
        {
          code: 'lint/invalid-output-parameter',
          path: `${T}/outputs/parameters/0/valueFrom`,
          message: 'outputs.parameters.p.path must be specified for Container templates',
        },
      ],
    ],
    [
      'a bad metric name and a missing help',
      {
        container: { image: 'a' },
        metrics: { prometheus: [{ name: 'bad-name', help: '', gauge: { value: '1', realtime: false } }] },
      },
      [
        {
          code: 'lint/invalid-metric',
          path: `${T}/metrics/prometheus/0/name`,
          message: "metric name 'bad-name' is invalid. Metric names must contain alphanumeric characters or '_'",
        },
        {
          code: 'lint/invalid-metric',
          path: `${T}/metrics/prometheus/0`,
          message: "metric 'bad-name' must contain a help string under 'help: ' field",
        },
      ],
    ],
    [
      "a ':' in a metric name (Prometheus allows it, Argo does not), a dotted label and a reserved '__' label",
      {
        container: { image: 'a' },
        metrics: {
          prometheus: [
            {
              name: 'perf:p95',
              help: 'p95',
              labels: [
                { key: 'app.kubernetes.io/name', value: 'web' },
                { key: '__name', value: 'x' },
              ],
              gauge: { value: '1', realtime: false },
            },
          ],
        },
      },
      [
        {
          code: 'lint/invalid-metric',
          path: `${T}/metrics/prometheus/0/name`,
          message: "metric name 'perf:p95' is invalid. Metric names must contain alphanumeric characters or '_'",
        },
        {
          code: 'lint/invalid-metric',
          path: `${T}/metrics/prometheus/0/labels/0/key`,
          message:
            "metric label 'app.kubernetes.io/name' is invalid: keys may only contain alphanumeric characters or '_'",
        },
        {
          code: 'lint/invalid-metric',
          path: `${T}/metrics/prometheus/0/labels/1/key`,
          message: "metric label '__name' is invalid: names starting with '__' are reserved by Prometheus",
        },
      ],
    ],
    [
      'a containerSet without main for outputs, and a cycle',
      {
        containerSet: {
          containers: [
            { name: 'a', image: 'x', dependencies: ['b'] },
            { name: 'b', image: 'x', dependencies: ['a'] },
          ],
        },
        outputs: { parameters: [{ name: 'p', valueFrom: { path: '/p' } }] },
      },
      [
        {
          code: 'lint/dag-cycle',
          path: `${T}/containerSet/containers/0/dependencies`,
          message: 'containers dependency cycle detected: a -> b -> a',
        },
        {
          code: 'lint/missing-main-container',
          path: `${T}/containerSet/containers`,
          message: 'containers must have a container named "main" for input or output',
        },
      ],
    ],
  ])('reports %s', (_name, template, expected) => {
    expect(
      errors(withLeaf(template as Record<string, unknown>)).filter((e) => !e.path.startsWith('/spec/templates/1')),
    ).toEqual(expected);
  });

  it('checks workflow-level podGC, podResources and argument values', () => {
    const d = one(
      { container: { image: 'a' } },
      {
        podGC: { strategy: 'Sometimes' },
        podResources: { limits: { gpu: '1' } },
        arguments: { parameters: [{ name: 'env', value: 'qa', enum: ['dev', 'prod'] }] },
      },
    );
    expect(errors(d)).toEqual([
      {
        code: 'lint/invalid-enum',
        path: '/spec/arguments/parameters/0/value',
        message:
          "spec.arguments.env.value should be present in spec.arguments.env.enum list (got 'qa'; allowed: dev, prod)",
      },
      {
        code: 'lint/invalid-pod-gc',
        path: '/spec/podGC/strategy',
        message: "podGC.strategy unknown strategy 'Sometimes'",
      },
      {
        code: 'lint/invalid-pod-resources',
        path: '/spec/podResources/limits',
        message: '"gpu" is not a valid pod-level resource, only cpu, memory and hugepages-* are supported',
      },
    ]);
  });
  it('finds artifacts with two locations wherever a document can hold them, in document order', () => {
    const two = { name: 'x', raw: { data: 'x' }, http: { url: 'https://x' } };
    const d = doc(
      [
        { name: 'main', outputs: { artifacts: [two] }, inputs: { artifacts: [two] }, container: { image: 'a' } },
        {
          name: 'd',
          dag: {
            tasks: [
              {
                name: 't',
                template: 'main',
                arguments: {
                  artifacts: [two],
                  parameters: [{ name: 'p', valueFrom: { supplied: { artifacts: [two] } } }],
                },
                hooks: { done: { template: 'main', arguments: { artifacts: [two] } } },
                withItems: [{ artifacts: [two] }],
              },
            ],
          },
        },
        { name: 's', steps: [[{ name: 'i', inline: { container: { image: 'a' }, inputs: { artifacts: [two] } } }]] },
        { name: 'p', plugin: { any: { artifacts: [two] } } },
      ],
      { arguments: { artifacts: [two] }, templateDefaults: { outputs: { artifacts: [two] } } },
    );
    expect(
      lintDocument(d)
        .filter((e) => e.code === 'lint/multiple-artifact-locations')
        .map((e) => e.path),
    ).toEqual([
      '/spec/templates/0/outputs/artifacts/0',
      '/spec/templates/0/inputs/artifacts/0',
      '/spec/templates/1/dag/tasks/0/arguments/artifacts/0',
      '/spec/templates/1/dag/tasks/0/arguments/parameters/0/valueFrom/supplied/artifacts/0',
      '/spec/templates/1/dag/tasks/0/hooks/done/arguments/artifacts/0',
      '/spec/templates/1/dag/tasks/0/withItems/0/artifacts/0',
      '/spec/templates/2/steps/0/0/inline/inputs/artifacts/0',
      '/spec/templates/3/plugin/any/artifacts/0',
      '/spec/arguments/artifacts/0',
      '/spec/templateDefaults/outputs/artifacts/0',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { container, cron, doc, errors } from './lint-helpers.js';

/** The full CRDs' limits and CEL rules (src/lint/crd), which the API server of Argo 4.0 and 4.1 enforces. */
const crdErrors = (value: unknown, argoVersion?: '3.7' | '4.0' | '4.1') =>
  errors(value, argoVersion ? { argoVersion } : {}).filter((e) => e.code.startsWith('crd/'));
const SUFFIX = ' (Argo 4.0/4.1 CRD: the API server refuses it)';
const leaf = (name: string) => ({ name, ...container() });
const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

describe('lint: the full CRDs of Argo 4.x', () => {
  it.each([
    ['templates', 200, (n: number) => doc(many(n, (i) => leaf(i === 0 ? 'main' : `t${i}`))), '/spec/templates'],
    [
      'DAG tasks',
      200,
      (n: number) =>
        doc([{ name: 'main', dag: { tasks: many(n, (i) => ({ name: `t${i}`, template: 'l' })) } }, leaf('l')]),
      '/spec/templates/0/dag/tasks',
    ],
    [
      'input parameters',
      500,
      (n: number) =>
        doc([{ ...leaf('main'), inputs: { parameters: many(n, (i) => ({ name: `p${i}`, value: 'v' })) } }]),
      '/spec/templates/0/inputs/parameters',
    ],
    [
      'metrics',
      100,
      (n: number) =>
        doc([leaf('main')], {
          metrics: { prometheus: many(n, (i) => ({ name: `m${i}`, help: 'h', counter: { value: '1' } })) },
        }),
      '/spec/metrics/prometheus',
    ],
  ])('allows %s up to the limit of %i per object, and refuses one more', (what, limit, make, path) => {
    expect(crdErrors(make(limit))).toEqual([]);
    expect(crdErrors(make(limit + 1))).toEqual([
      { code: 'crd/max-items', path, message: `at most ${limit} ${what} per object (got ${limit + 1})${SUFFIX}` },
    ]);
    // Argo 3.7 installs minimal CRDs: no such limit there.
    expect(crdErrors(make(limit + 1), '3.7')).toEqual([]);
    expect(crdErrors(make(limit + 1), '4.0')).toHaveLength(1);
  });

  it('limits names to 128 characters and a gauge value to 256', () => {
    const d = doc([
      leaf('main'),
      {
        name: 'm',
        ...container(),
        metrics: { prometheus: [{ name: 'g', help: 'h', gauge: { realtime: false, value: 'v'.repeat(257) } }] },
      },
    ]);
    expect(crdErrors(d)).toEqual([
      {
        code: 'crd/max-length',
        path: '/spec/templates/1/metrics/prometheus/0/gauge/value',
        message: `may have at most 256 characters (got 257)${SUFFIX}`,
      },
    ]);
    // A name over 128 characters is the validator's error already: reported once.
    const long = doc([leaf('main'), leaf('n'.repeat(129))]);
    expect(errors(long).map((e) => e.code)).toEqual(['lint/name-too-long']);
  });

  it.each([
    [
      'a step with both count and end in withSequence',
      { steps: [[{ name: 's', template: 'l', withSequence: { count: '2', end: '3' } }]] },
      'lint/invalid-sequence',
    ],
    [
      'steps that take a timeout',
      { steps: [[{ name: 's', template: 'l' }]], timeout: '1m' },
      'lint/timeout-on-non-leaf',
    ],
  ])('reports %s once, as the validator words it', (_, template, code) => {
    // The validator has the same rule: its error stands, the CRD's is not repeated.
    expect(errors(doc([{ name: 'main', ...template }, leaf('l')])).map((e) => e.code)).toEqual([code]);
  });

  it('checks the CEL rules of templateDefaults, which the validator does not read', () => {
    const d = doc([leaf('main')], {
      templateDefaults: { resource: { action: 'create', manifest: 'a: 1', manifestFrom: { artifact: { name: 'm' } } } },
    });
    expect(crdErrors(d)).toEqual([
      {
        code: 'crd/cel-rule',
        path: '/spec/templateDefaults/resource',
        message: `only one of manifest or manifestFrom can be specified${SUFFIX}`,
      },
    ]);
  });

  it('checks enums, patterns and minimums the validator leaves alone', () => {
    const d = doc([
      {
        ...leaf('main'),
        parallelism: 0,
        container: { image: 'a', resources: { limits: { cpu: '1 core' } } },
        metrics: { prometheus: [{ name: 'g', help: 'h', gauge: { realtime: false, value: '1', operation: 'Mul' } }] },
      },
    ]);
    expect(crdErrors(d).map((e) => [e.code, e.path])).toEqual([
      ['crd/pattern', '/spec/templates/0/container/resources/limits/cpu'],
      ['crd/minimum', '/spec/templates/0/parallelism'],
      ['crd/enum', '/spec/templates/0/metrics/prometheus/0/gauge/operation'],
    ]);
  });

  it('refuses templated step names and CRON_TZ schedules on 4.x, which 3.7 takes', () => {
    const c = cron({ schedules: ['CRON_TZ=UTC 0 2 * * *'] });
    expect(crdErrors(c).map((e) => e.code)).toEqual(['crd/pattern']);
    expect(crdErrors(c, '3.7')).toEqual([]);
  });

  it('checks a WorkflowEventBinding, which the validator never reads', () => {
    const binding = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowEventBinding',
      metadata: { name: 'b' },
      spec: {
        event: { selector: 'true' },
        submit: {
          workflowTemplateRef: { name: 'wt' },
          arguments: { artifacts: [{ name: 'a', raw: { data: 'x' }, http: { url: 'https://x' } }] },
        },
      },
    };
    expect(crdErrors(binding)).toEqual([
      {
        code: 'crd/cel-rule',
        path: '/spec/submit/arguments/artifacts/0',
        message: `at most one artifact location can be specified${SUFFIX}`,
      },
    ]);
    expect(errors(binding, { argoVersion: '3.7' })).toEqual([]);
  });
});

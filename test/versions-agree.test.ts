import { readFileSync } from 'node:fs';
import { ARGO_RELEASES, ARGO_VERSIONS, type ArgoVersion, validateSchema } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { compileAjv, kindRef } from '../packages/codegen/src/emit-validators.js';
import type { JsonSchema } from '../packages/codegen/src/json-schema.js';
import { relaxForDefaultInstall } from '../packages/codegen/src/minimal-crd-required.js';
import { normalizeSchema } from '../packages/codegen/src/normalize.js';
import { EXAMPLES_DIR, SHARED } from './paths.js';
import { readableArgoDocuments } from './upstream-documents.js';

/**
 * The model keeps one full validator (the newest version's) and checks an older target with a table of differences
 * beside it. The independent oracle here is a full validator compiled at run time from that version's own schema:
 * on every upstream example and on documents changed with each field that differs between the versions, the verdict
 * for each target must be the same as that version's full validator gives.
 */

type Doc = Record<string, unknown> & { kind: string };

const runtimeValidators = new Map(
  ARGO_VERSIONS.map((version) => {
    const path = `${SHARED}argo/${ARGO_RELEASES[version]}/schema.json`;
    // As the version's default installation enforces it: 3.7's minimal CRDs leave some `required` entries to nobody.
    const schema = relaxForDefaultInstall(
      version,
      normalizeSchema(JSON.parse(readFileSync(path, 'utf8')) as JsonSchema),
    );
    const ajv = compileAjv(schema, false);
    return [version, (doc: Doc) => (ajv.getSchema(kindRef(schema, doc.kind)) as (d: unknown) => boolean)(doc)];
  }),
);

function expectAgreement(doc: Doc, label: string) {
  for (const version of ARGO_VERSIONS) {
    const ours = validateSchema(doc, { argoVersion: version });
    const full = (runtimeValidators.get(version) as (d: Doc) => boolean)(doc);
    expect(ours.status === 'valid', `${label} for ${version}: ${ours.issues.map((i) => i.message).join('; ')}`).toBe(
      full,
    );
  }
}

const clone = <T>(v: T): T => structuredClone(v);

const base = (): Doc => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Workflow',
  metadata: { generateName: 'x-' },
  spec: {
    entrypoint: 'main',
    templates: [
      { name: 'main', steps: [[{ name: 'a', template: 'leaf' }]] },
      {
        name: 'leaf',
        inputs: { artifacts: [{ name: 'in', path: '/in', s3: { key: 'k' } }] },
        container: { image: 'alpine', env: [{ name: 'E', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }] },
      },
    ],
  },
});

const cronOf = (spec: Record<string, unknown>, workflowSpec = base().spec): Doc => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'CronWorkflow',
  metadata: { name: 'c' },
  spec: { ...spec, workflowSpec },
});

type Spec = { templates: Record<string, unknown>[] } & Record<string, unknown>;
const spec = (d: Doc) => d.spec as Spec;
const leaf = (d: Doc) => spec(d).templates[1] as Record<string, unknown>;
const container = (d: Doc) => leaf(d).container as Record<string, unknown>;

/** Each changes a fresh base document at a place where the versions' schemas differ. */
const MUTATIONS: Record<string, (d: Doc) => void> = {
  'template pendingTimeout (4.1)': (d) => {
    leaf(d).pendingTimeout = '5m';
  },
  'template podResources (4.1)': (d) => {
    leaf(d).podResources = { limits: { cpu: '1' } };
  },
  'workflow executorPlugins (4.1)': (d) => {
    spec(d).executorPlugins = [{ name: 'p' }];
  },
  'container restartPolicyRules (4.1)': (d) => {
    container(d).restartPolicyRules = [];
  },
  'env fileKeyRef (4.1)': (d) => {
    container(d).env = [{ name: 'F', valueFrom: { fileKeyRef: { volumeName: 'v', path: 'p', key: 'k' } } }];
  },
  's3 addressingStyle (4.1)': (d) => {
    (leaf(d).inputs as { artifacts: Record<string, unknown>[] }).artifacts[0] = {
      name: 'in',
      path: '/in',
      s3: { key: 'k', addressingStyle: 'path' },
    };
  },
  'artifact plugin (4.0)': (d) => {
    (leaf(d).inputs as { artifacts: Record<string, unknown>[] }).artifacts[0] = {
      name: 'in',
      path: '/in',
      plugin: { name: 'p', configuration: 'c', key: 'k' },
    };
  },
  'inline step template with pendingTimeout': (d) => {
    spec(d).templates[0] = {
      name: 'main',
      steps: [[{ name: 'a', inline: { container: { image: 'alpine' }, pendingTimeout: '1m' } }]],
    };
  },
  'templateDefaults with podResources': (d) => {
    spec(d).templateDefaults = { podResources: {} };
  },
  'workflow mutex (3.7 only)': (d) => {
    spec(d).synchronization = { mutex: { name: 'm' } };
  },
  'template semaphore (3.7 only)': (d) => {
    leaf(d).synchronization = { semaphore: { configMapKeyRef: { name: 'c', key: 'k' } } };
  },
  'mutex of the wrong type': (d) => {
    spec(d).synchronization = { mutex: { name: 3 } };
  },
  'mutex with an unknown field': (d) => {
    spec(d).synchronization = { mutex: { name: 'm', nmae: 'x' } };
  },
  'mutexes (all versions)': (d) => {
    spec(d).synchronization = { mutexes: [{ name: 'm' }] };
  },
  'podPriority (none)': (d) => {
    spec(d).podPriority = 1;
  },
  'memoize cache with a key (3.7 only)': (d) => {
    leaf(d).memoize = { key: 'k', maxAge: '1h', cache: { configMap: { name: 'c', key: 'x' } } };
  },
  'memoize cache with a name only': (d) => {
    leaf(d).memoize = { key: 'k', maxAge: '1h', cache: { configMap: { name: 'c' } } };
  },
  'memoize without maxAge': (d) => {
    leaf(d).memoize = { key: 'k', cache: { configMap: { name: 'c' } } };
  },
  'memoize without a cache (fails at run time)': (d) => {
    leaf(d).memoize = { key: 'k', maxAge: '1h' };
  },
  'gauge without realtime': (d) => {
    leaf(d).metrics = { prometheus: [{ name: 'g', help: 'h', gauge: { value: '1' } }] };
  },
  'histogram without buckets': (d) => {
    leaf(d).metrics = { prometheus: [{ name: 'h', help: 'h', histogram: { value: '1' } }] };
  },
  'metric label without a value': (d) => {
    leaf(d).metrics = { prometheus: [{ name: 'c', help: 'h', labels: [{ key: 'k' }], counter: { value: '1' } }] };
  },
  'metric label without a key': (d) => {
    leaf(d).metrics = { prometheus: [{ name: 'c', help: 'h', labels: [{ value: 'v' }], counter: { value: '1' } }] };
  },
  'data template without transformation': (d) => {
    spec(d).templates[1] = { name: 'leaf', data: { source: { artifactPaths: { name: 'a', s3: { key: 'k' } } } } };
  },
  'metrics without prometheus': (d) => {
    leaf(d).metrics = {};
  },
  'http artifact header without a value': (d) => {
    (leaf(d).inputs as { artifacts: Record<string, unknown>[] }).artifacts[0] = {
      name: 'in',
      path: '/in',
      http: { url: 'https://x', headers: [{ name: 'H' }] },
    };
  },
  'raw artifact without data': (d) => {
    (leaf(d).inputs as { artifacts: Record<string, unknown>[] }).artifacts[0] = { name: 'in', path: '/in', raw: {} };
  },
  'containerSet retryStrategy without retries': (d) => {
    spec(d).templates[1] = {
      name: 'leaf',
      containerSet: { retryStrategy: { duration: '1s' }, containers: [{ name: 'main', image: 'alpine' }] },
    };
  },
  'data artifactPaths without a name': (d) => {
    spec(d).templates[1] = {
      name: 'leaf',
      data: { source: { artifactPaths: { s3: { key: 'k' } } }, transformation: [] },
    };
  },
  'data template without a source (fails at run time)': (d) => {
    spec(d).templates[1] = { name: 'leaf', data: { transformation: [] } };
  },
  'env configMapKeyRef without a key': (d) => {
    container(d).env = [{ name: 'E', valueFrom: { configMapKeyRef: { name: 'c' } } }];
  },
  'pendingTimeout of the wrong type': (d) => {
    leaf(d).pendingTimeout = 5;
  },
};

const CRONS: Record<string, Doc> = {
  'cron schedule (3.7 only)': cronOf({ schedule: '* * * * *' }),
  'cron schedules': cronOf({ schedules: ['* * * * *'] }),
  'cron without a schedule': cronOf({}),
  'cron schedule of the wrong type': cronOf({ schedule: ['* * * * *'] }),
  'cron with both': cronOf({ schedule: '* * * * *', schedules: ['* * * * *'] }),
  'cron workflowSpec with pendingTimeout': cronOf(
    { schedules: ['* * * * *'] },
    { entrypoint: 'main', templates: [{ name: 'main', pendingTimeout: '1m', container: { image: 'a' } }] },
  ),
};

describe('each target version agrees with a full validator of its own schema', () => {
  it('on every parseable upstream example', () => {
    const docs = readableArgoDocuments(EXAMPLES_DIR);
    for (const d of docs) expectAgreement(d.value as Doc, d.label);
    expect(docs.length).toBeGreaterThan(200);
  });

  it('refuses no upstream example for 3.7 for a missing field that 4.1 does not miss', () => {
    const missing = (doc: Doc, argoVersion: ArgoVersion) =>
      validateSchema(doc, { argoVersion })
        .issues.filter((i) => i.code === 'schema/missing-field')
        .map((i) => `${i.path} ${i.message}`);
    const refused = readableArgoDocuments(EXAMPLES_DIR).flatMap((d) => {
      const base41 = new Set(missing(d.value as Doc, '4.1'));
      return missing(d.value as Doc, '3.7')
        .filter((m) => !base41.has(m))
        .map((m) => `${d.label}: ${m}`);
    });
    expect(refused).toEqual([]);
  });

  const mutated = (label: string): Doc => {
    const doc = base();
    MUTATIONS[label]?.(doc);
    return doc;
  };

  it.each(Object.keys(MUTATIONS))('on a workflow with %s', (label) => {
    const doc = mutated(label);
    expectAgreement(doc, label);
    // The same change inside a CronWorkflow's workflowSpec and a WorkflowTemplate.
    expectAgreement(cronOf({ schedules: ['0 * * * *'] }, clone(doc.spec) as Spec), `cron: ${label}`);
    expectAgreement({ ...clone(doc), kind: 'WorkflowTemplate', metadata: { name: 't' } }, `template: ${label}`);
  });

  it.each(Object.entries(CRONS))('on a %s', (label, doc) => {
    expectAgreement(doc, label);
  });

  it('tells the versions apart where their schemas differ', () => {
    const verdicts = (doc: Doc) =>
      Object.fromEntries(ARGO_VERSIONS.map((v: ArgoVersion) => [v, validateSchema(doc, { argoVersion: v }).status]));
    expect(verdicts(mutated('template pendingTimeout (4.1)'))).toEqual({
      '3.7': 'invalid',
      '4.0': 'invalid',
      '4.1': 'valid',
    });
    expect(verdicts(mutated('artifact plugin (4.0)'))).toEqual({
      '3.7': 'invalid',
      '4.0': 'valid',
      '4.1': 'valid',
    });
    // Required by 4.x's full CRDs only: Argo 3.7 reads each as optional (packages/codegen/src/minimal-crd-required.ts).
    // 3.7's cache is a ConfigMapKeySelector whose key the controller never reads; 4.x's is a name only.
    expect(verdicts(mutated('memoize cache with a name only'))).toEqual({
      '3.7': 'valid',
      '4.0': 'valid',
      '4.1': 'valid',
    });
    for (const label of [
      'memoize without maxAge',
      'gauge without realtime',
      'histogram without buckets',
      'metric label without a value',
      'data template without transformation',
      'metrics without prometheus',
      'http artifact header without a value',
      'raw artifact without data',
      'containerSet retryStrategy without retries',
      'data artifactPaths without a name',
    ])
      expect(verdicts(mutated(label)), label).toEqual({ '3.7': 'valid', '4.0': 'invalid', '4.1': 'invalid' });
    for (const label of [
      'memoize without a cache (fails at run time)',
      'data template without a source (fails at run time)',
      'metric label without a key',
      'env configMapKeyRef without a key',
    ])
      expect(verdicts(mutated(label)), label).toEqual({ '3.7': 'invalid', '4.0': 'invalid', '4.1': 'invalid' });
    expect(verdicts(CRONS['cron schedule (3.7 only)'] as Doc)).toEqual({
      '3.7': 'valid',
      '4.0': 'invalid',
      '4.1': 'invalid',
    });
  });
});

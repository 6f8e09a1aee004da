import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../test/paths.js';
import { generate } from '../src/generate.js';
import type { JsonSchema } from '../src/json-schema.js';
import { normalizeSchema } from '../src/normalize.js';
import { type VersionSchema, versionTables } from '../src/version-diff.js';

const read = (version: string, release: string): VersionSchema => {
  const raw = JSON.parse(readFileSync(`${SHARED}argo/${release}/schema.json`, 'utf8')) as JsonSchema;
  return { version, raw, normalized: normalizeSchema(raw) };
};

describe('version tables from Argo v3.7.18, v4.0.10 and v4.1.2', () => {
  const { tables, own } = versionTables([read('3.7', 'v3.7.18'), read('4.0', 'v4.0.10'), read('4.1', 'v4.1.2')]);
  const t37 = tables.get('3.7') ?? {};
  const t40 = tables.get('4.0') ?? {};
  const t41 = tables.get('4.1') ?? {};

  it('names the version that introduced a field the target lacks', () => {
    expect(t40.Template?.tooNew).toEqual({ pendingTimeout: '4.1', podResources: '4.1', resourceClaims: '4.1' });
    expect(t37.Template?.tooNew).toEqual(t40.Template?.tooNew);
    expect(t37.Artifact?.tooNew).toEqual({ plugin: '4.0' });
    expect(t40.Artifact?.tooNew).toBeUndefined();
    expect(t41.Template?.tooNew).toBeUndefined();
  });

  it("reads each removed field's replacement from the deprecation note of the last version that had it", () => {
    const gone = { removedIn: '4.0', list: true };
    for (const t of [t40, t41]) {
      expect(t.CronWorkflowSpec?.gone).toEqual({ schedule: { ...gone, use: 'schedules' } });
      expect(t.Synchronization?.gone).toEqual({
        mutex: { ...gone, use: 'mutexes' },
        semaphore: { ...gone, use: 'semaphores' },
      });
    }
    // Removed before the oldest schema we read: kept by hand, for every version.
    for (const t of [t37, t40, t41])
      expect(t.WorkflowSpec?.gone).toEqual({ podPriority: { removedIn: 'before 3.7', use: 'podPriorityClassName' } });
  });

  it('gives the fields only an older version has (or has otherwise) a validator of their own', () => {
    expect(t37.CronWorkflowSpec?.own).toEqual({ schedule: 'v3_7$CronWorkflowSpec$schedule' });
    expect(t37.Cache?.own).toEqual({ configMap: 'v3_7$Cache$configMap' });
    expect(t37.CronWorkflowSpec?.optional).toEqual(['schedules']);
    expect(own.map((o) => [o.exportName, o.schema])).toEqual([
      ['v3_7$Cache$configMap', { $ref: '#/definitions/io.k8s.api.core.v1.ConfigMapKeySelector' }],
      ['v3_7$CronWorkflowSpec$schedule', { type: 'string' }],
      ['v3_7$Synchronization$mutex', { $ref: '#/definitions/io.argoproj.workflow.v1alpha1.Mutex' }],
      ['v3_7$Synchronization$semaphore', { $ref: '#/definitions/io.argoproj.workflow.v1alpha1.SemaphoreRef' }],
    ]);
  });

  it('keeps only the edges that lead from a kind to a difference', () => {
    expect(t41.Workflow?.edges).toEqual({ spec: 'WorkflowSpec', status: 'WorkflowStatus' });
    expect(t41.ParallelSteps?.edges).toEqual({ '': 'WorkflowStep[]' });
    expect(t41.Container).toBeUndefined(); // nothing differs below a container in 4.1's own table
    expect(t40.Container?.edges).toEqual({ env: 'EnvVar[]' });
    expect(t40.EnvVar?.edges).toEqual({ valueFrom: 'EnvVarSource' });
  });
});

describe('versionTables on small schemas', () => {
  const NS = 'io.argoproj.workflow.v1alpha1.';
  const schema = (props: Record<string, JsonSchema>, extra: JsonSchema = {}): VersionSchema['raw'] => ({
    definitions: {
      [`${NS}Workflow`]: { properties: { spec: { $ref: `#/definitions/${NS}Spec` } } },
      [`${NS}WorkflowTemplate`]: { properties: {} },
      [`${NS}ClusterWorkflowTemplate`]: { properties: {} },
      [`${NS}CronWorkflow`]: { properties: {} },
      [`${NS}WorkflowEventBinding`]: { properties: {} },
      [`${NS}Spec`]: { properties: props, ...extra },
    },
  });
  const version = (v: string, raw: JsonSchema): VersionSchema => ({
    version: v,
    raw,
    normalized: normalizeSchema(raw),
  });

  it('names no replacement when the older schema has no deprecation note', () => {
    const { tables } = versionTables([
      version('1', schema({ old: { type: 'string' }, kept: { type: 'string' } })),
      version('2', schema({ kept: { type: 'string' } })),
    ]);
    expect(tables.get('2')?.Spec?.gone).toEqual({ old: { removedIn: '2' } });
    expect(tables.get('1')?.Spec?.own).toEqual({ old: 'v1$Spec$old' });
  });

  it('refuses a difference beyond properties and required fields, which the tables cannot express', () => {
    expect(() =>
      versionTables([version('1', schema({}, { type: 'object' })), version('2', schema({}, { type: 'string' }))]),
    ).toThrow("definition 'io.argoproj.workflow.v1alpha1.Spec' differs between 1 and 2 beyond its properties");
  });
});

describe('generate with three versions', () => {
  const inputs = [
    ['3.7', 'v3.7.18'],
    ['4.0', 'v4.0.10'],
    ['4.1', 'v4.1.2'],
  ].map(([version, argoVersion]) => ({
    version: version as string,
    argoVersion: argoVersion as string,
    sourcePath: `../shared/argo/${argoVersion}/schema.json`,
    sourceText: readFileSync(`${SHARED}argo/${argoVersion}/schema.json`, 'utf8'),
  }));
  const files = generate(inputs);
  const inputLines = (text: string) => text.split('\n').filter((l) => l.startsWith('// Input: '));

  it('names every schema a file was derived from in its header, and only those', () => {
    expect([...files.keys()].sort()).toEqual([
      'kinds.gen.ts',
      'types.gen.ts',
      'validators.gen.d.ts',
      'validators.gen.js',
      'versions.gen.ts',
    ]);
    for (const name of ['types.gen.ts', 'kinds.gen.ts'])
      expect(inputLines(files.get(name) ?? '').map((l) => l.split(' ')[2])).toEqual([
        '../shared/argo/v4.1.2/schema.json',
      ]);
    for (const name of ['validators.gen.js', 'validators.gen.d.ts', 'versions.gen.ts'])
      expect(inputLines(files.get(name) ?? '').map((l) => l.split(' ')[2])).toEqual(inputs.map((i) => i.sourcePath));
  });

  it('declares and exports the validator of every older-only field the tables name', () => {
    const tables = files.get('versions.gen.ts') ?? '';
    const named = [...new Set(tables.match(/v\d+_\d+\$\w+\$\w+/g))].sort();
    expect(named.length).toBeGreaterThan(0);
    for (const name of named) {
      expect(files.get('validators.gen.d.ts')).toContain(`export declare const ${name}: StandaloneValidator;`);
      expect(files.get('validators.gen.js')).toContain(`export const ${name} = `);
    }
  });
});

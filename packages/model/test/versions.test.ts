import { describe, expect, it } from 'vitest';
import {
  ARGO_VERSIONS,
  ArgoGenError,
  DEFAULT_ARGO_VERSION,
  formatIssue,
  lintDocument,
  targetVersion,
  validateSchema,
} from '../src/index.js';
import { container, cron, doc } from './lint-helpers.js';

const messages = (d: unknown, argoVersion?: (typeof ARGO_VERSIONS)[number]) =>
  validateSchema(d, { argoVersion }).issues.map(formatIssue);

describe('argoVersion', () => {
  it('is 3.7, 4.0 or 4.1, 4.1 by default', () => {
    expect(ARGO_VERSIONS).toEqual(['3.7', '4.0', '4.1']);
    expect(DEFAULT_ARGO_VERSION).toBe('4.1');
    expect(targetVersion(undefined)).toBe('4.1');
    expect(targetVersion('3.7')).toBe('3.7');
  });

  it('refuses any other value, naming the allowed ones', () => {
    for (const bad of ['3.8', '4', 4.1, 'v4.1.2']) {
      expect(() => validateSchema(doc([]), { argoVersion: bad as never })).toThrow(ArgoGenError);
      expect(() => targetVersion(bad)).toThrow(
        `argoVersion ${JSON.stringify(bad)} is not supported; use one of 3.7, 4.0, 4.1 [options/unknown-argo-version]`,
      );
    }
  });
});

describe('a field the target version does not have yet', () => {
  const pending = doc([{ name: 'main', pendingTimeout: '5m', ...container() }]);

  it('is an error naming the version that introduced it', () => {
    expect(messages(pending, '4.0')).toEqual([
      "/spec/templates/0/pendingTimeout: template 'main': 'pendingTimeout' needs Argo 4.1; this project targets 4.0 [version/field-too-new]",
    ]);
    expect(messages(pending, '3.7')).toEqual([
      "/spec/templates/0/pendingTimeout: template 'main': 'pendingTimeout' needs Argo 4.1; this project targets 3.7 [version/field-too-new]",
    ]);
    expect(validateSchema(pending, { argoVersion: '4.1' }).status).toBe('valid');
    expect(validateSchema(pending).status).toBe('valid');
  });

  it('is found wherever the definition occurs, and hides the base schema’s complaints about its value', () => {
    const plugin = doc([
      {
        name: 'main',
        steps: [[{ name: 's', inline: { ...container(), outputs: { artifacts: [{ name: 'a', plugin: 7 }] } } }]],
      },
    ]);
    expect(messages(plugin, '3.7')).toEqual([
      "/spec/templates/0/steps/0/0/inline/outputs/artifacts/0/plugin: template 'main', step 's': 'plugin' needs Argo 4.0; this project targets 3.7 [version/field-too-new]",
    ]);
    expect(messages(plugin, '4.0')).toEqual([
      "/spec/templates/0/steps/0/0/inline/outputs/artifacts/0/plugin: template 'main', step 's': 'plugin' must be a mapping (got number 7) [schema/wrong-type]",
    ]);
  });
});

describe('a field the target version removed', () => {
  const mutex = doc([{ name: 'main', ...container() }], { synchronization: { mutex: { name: 'lock' } } });

  it('is an error naming its replacement', () => {
    expect(messages(mutex)).toEqual([
      "/spec/synchronization/mutex: 'mutex' was removed in Argo 4.0; use 'mutexes' (a list); this project targets 4.1 [version/field-removed]",
    ]);
    expect(messages(cron({ schedules: undefined, schedule: '0 2 * * *' }), '4.0')).toEqual([
      "/spec/schedule: 'schedule' was removed in Argo 4.0; use 'schedules' (a list); this project targets 4.0 [version/field-removed]",
    ]);
    expect(messages(doc([{ name: 'main', ...container() }], { podPriority: 1 }), '3.7')).toEqual([
      "/spec/podPriority: 'podPriority' was removed before Argo 3.7; use 'podPriorityClassName'; this project targets 3.7 [version/field-removed]",
    ]);
  });

  it('is valid, and validated, where the target still has it', () => {
    expect(validateSchema(mutex, { argoVersion: '3.7' }).status).toBe('valid');
    const bad = doc([{ name: 'main', ...container() }], { synchronization: { semaphore: { configMapKeyRef: {} } } });
    expect(messages(bad, '3.7')).toEqual([
      "/spec/synchronization/semaphore/configMapKeyRef: missing required field 'key' [schema/missing-field]",
    ]);
  });
});

describe('the lint of a 3.7 CronWorkflow', () => {
  it('reads the single schedule, and refuses it beside schedules as Argo 3.7 does', () => {
    const single = cron({ schedules: undefined, schedule: '0 2 * * 8' });
    expect(validateSchema(single, { argoVersion: '3.7' }).status).toBe('valid');
    expect(lintDocument(single, { argoVersion: '3.7' }).map(formatIssue)).toEqual([
      '/spec/schedule: cron schedule 0 2 * * 8 is malformed: end of range (8) above maximum (6): 8 [lint/invalid-schedule]',
    ]);
    const both = cron({ schedule: '0 2 * * *' });
    expect(lintDocument(both, { argoVersion: '3.7' }).map(formatIssue)).toEqual([
      '/spec/schedule: cron workflow cant be configured with both Spec.Schedule and Spec.Schedules [lint/schedule-and-schedules]',
    ]);
  });
});

describe('the lint context', () => {
  it('refuses an unknown argoVersion as validateSchema does', () => {
    expect(() => lintDocument(doc([{ name: 'main', ...container() }]), { argoVersion: '5.0' as never })).toThrow(
      'argoVersion "5.0" is not supported; use one of 3.7, 4.0, 4.1 [options/unknown-argo-version]',
    );
  });
});

import { ARGO_VERSIONS, ArgoGenError, validateSchema } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { container, cronWorkflow, synth, workflowTemplate } from '../src/index.js';
import { stage } from '../src/internal.js';

const main = container('main', { image: 'alpine:3.20' });
const nightly = cronWorkflow('nightly', { schedules: ['0 2 * * *'] }, { entrypoint: main });

describe('synth for a target Argo version', () => {
  it('emits schedules, which every targeted version reads (3.7 as well, where schedule is deprecated)', () => {
    for (const argoVersion of ARGO_VERSIONS) {
      const doc = synth(nightly, { argoVersion });
      expect(doc.spec).toMatchObject({ schedules: ['0 2 * * *'] });
      expect(doc.spec).not.toHaveProperty('schedule');
      expect(validateSchema(doc, { argoVersion }).status).toBe('valid');
    }
  });

  it('refuses a field the target does not have, at the line of the template that sets it', () => {
    const pending = container('main', { image: 'alpine:3.20' }, { pendingTimeout: '5m' });
    const line = new Error().stack?.split('\n')[1]?.match(/:(\d+):\d+\)?$/)?.[1];
    const wt = workflowTemplate('t', { entrypoint: pending });
    expect(synth(wt).spec.templates?.[0]).toMatchObject({ pendingTimeout: '5m' });
    let error: unknown;
    try {
      synth(wt, { argoVersion: '4.0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArgoGenError);
    const [only, ...rest] = (error as ArgoGenError).issues;
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      code: 'version/field-too-new',
      path: '/spec/templates/0/pendingTimeout',
      message: "'pendingTimeout' needs Argo 4.1; this project targets 4.0",
      subject: "template 'main'",
    });
    expect(only?.source?.line).toBe(Number(line) - 1);
  });

  it('stage checks the schema for the target before any lint', () => {
    const wt = workflowTemplate('t', {
      entrypoint: main,
      spec: { podResources: { limits: { cpu: '1' } } },
    });
    expect(() => stage(wt, { argoVersion: '3.7' }).finish()).toThrow(
      "/spec/podResources: 'podResources' needs Argo 4.1; this project targets 3.7 [version/field-too-new]",
    );
    expect(stage(wt).finish().spec).toHaveProperty('podResources');
  });
});

import { type Synthesized, synth, type WorkflowLike } from '@argo-gen/dsl';
import type * as model from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import canaryRelease from '../examples/canary-release.js';
import conditions from '../examples/conditions.js';
import daemonSetRollingExample from '../examples/daemonset-rolling.js';
import dagData from '../examples/dag-data.js';
import hello from '../examples/hello-container.js';
import library from '../examples/library.js';
import loops from '../examples/loops.js';
import rawEscapeHatch from '../examples/raw-escape-hatch.js';
import retryTimeoutExit from '../examples/retry-timeout-exit.js';
import statefulSetCanaryExample from '../examples/statefulset-canary.js';
import templateRefExample from '../examples/template-ref.js';
import build from '../templates/build.js';
import configure from '../templates/configure.js';
import deployCanary from '../templates/deploy-canary.js';
import deployRolling from '../templates/deploy-rolling.js';
import perfMonitor from '../templates/perf-monitor.js';
import pipeline from '../templates/pipeline.js';
import rollback from '../templates/rollback.js';

/**
 * Every Burger Stack template and every example synthesises to a schema-valid document, and the structure that
 * matters for a deployment (which task runs on which result, which template calls which) is what we meant.
 */
const templates: Record<string, WorkflowLike> = {
  build,
  configure,
  'deploy-canary': deployCanary,
  'deploy-rolling': deployRolling,
  'perf-monitor': perfMonitor,
  pipeline,
  rollback,
};
const examples: Record<string, WorkflowLike> = {
  'canary-release': canaryRelease,
  conditions,
  'dag-data': dagData,
  'hello-container': hello,
  library,
  loops,
  'raw-escape-hatch': rawEscapeHatch,
  'retry-timeout-exit': retryTimeoutExit,
  'statefulset-canary': statefulSetCanaryExample,
  'daemonset-rolling': daemonSetRollingExample,
  'template-ref': templateRefExample,
};

type Doc = Synthesized<WorkflowLike> & { spec: model.WorkflowSpec };
const doc = (w: WorkflowLike) => synth(w) as Doc;
const template = (d: Doc, name: string) => d.spec.templates?.find((t) => t.name === name);
const tasks = (d: Doc, name: string) => template(d, name)?.dag?.tasks ?? [];
const taskOf = (d: Doc, dagName: string, taskName: string) => tasks(d, dagName).find((t) => t.name === taskName);

describe('Burger Stack templates', () => {
  for (const [name, value] of Object.entries(templates)) {
    it(`${name} synthesises to a valid WorkflowTemplate in burger-ci`, () => {
      const d = doc(value);
      expect(d.kind).toBe('WorkflowTemplate');
      expect(d.metadata.namespace).toBe('burger-ci');
    });
  }

  it('build pushes three images with kaniko and exports each by digest', () => {
    const d = doc(build);
    expect(tasks(d, 'build-images').map((t) => t.template)).toEqual([
      'build-frontend',
      'build-backend',
      'build-database',
    ]);
    expect(template(d, 'build-images')?.outputs?.parameters?.map((p) => [p.name, p.valueFrom?.parameter])).toEqual([
      ['frontend-image', '{{tasks.frontend.outputs.parameters.image}}'],
      ['backend-image', '{{tasks.backend.outputs.parameters.image}}'],
      ['database-image', '{{tasks.database.outputs.parameters.image}}'],
    ]);
    expect(template(d, 'build-database')?.container?.args).toContain('--target=migrations');
  });

  it('deploy-rolling undoes a failed rollout and then fails', () => {
    const d = doc(deployRolling);
    expect(taskOf(d, 'deploy-rolling', 'backend-undo')?.depends).toBe(
      'backend-status.Failed || backend-status.Errored',
    );
    expect(taskOf(d, 'deploy-rolling', 'backend-set-image')?.depends).toBe('database-status');
    expect(taskOf(d, 'deploy-rolling', 'frontend-rolled-back')?.depends).toBe(
      'frontend-undo.Succeeded || frontend-undo.Failed || frontend-undo.Errored',
    );
  });

  it("deploy-canary's rollback depends on every gate's failure, promotion on the last gate", () => {
    const d = doc(deployCanary);
    const depends = taskOf(d, 'deploy-canary', 'backend-rollback-stable')?.depends ?? '';
    for (const w of [10, 50, 100]) expect(depends).toContain(`backend-${w}-gate.Failed`);
    expect(taskOf(d, 'deploy-canary', 'backend-promote-image')?.depends).toBe('backend-100-gate');
    expect(taskOf(d, 'deploy-canary', 'frontend-canary-image')?.depends).toBe('backend-retire-canary');
    expect(taskOf(d, 'deploy-canary', 'database-approve')?.template).toBe('database-approval');
    expect(template(d, 'database-approval')?.suspend).toEqual({});
  });

  it("deploy-canary releases the database StatefulSet by partition, with staging's image, after the approval", () => {
    const d = doc(deployCanary);
    expect(taskOf(d, 'deploy-canary', 'database-stable-image')?.depends).toBe('database-approve');
    expect(taskOf(d, 'deploy-canary', 'database-canary-image')?.arguments?.parameters).toEqual([
      { name: 'image', value: '{{tasks.database-source-image.outputs.parameters.image}}' },
    ]);
    expect(template(d, 'database-read-staging-image')?.container?.args).toContain('burger-staging');
    expect(template(d, 'database-set-image')?.container?.args).toContain('--namespace=burger-prod');
    const partition = (t: string) => taskOf(d, 'deploy-canary', t)?.arguments?.parameters?.[0]?.value;
    expect(['database-hold', 'database-1-partition', 'database-promote'].map(partition)).toEqual(['3', '2', '0']);
    expect(taskOf(d, 'deploy-canary', 'database-rollback-image')?.depends).toContain('database-1-gate.Failed');
    expect(taskOf(d, 'deploy-canary', 'backend-canary-image')?.depends).toBe('database-promote-ready');
  });

  it('rollback restores and verifies frontend, then backend, then database', () => {
    const d = doc(rollback);
    expect(tasks(d, 'rollback').map((t) => [t.name, t.depends])).toEqual([
      ['frontend-undo', undefined],
      ['frontend-verify', 'frontend-undo'],
      ['backend-undo', 'frontend-verify'],
      ['backend-verify', 'backend-undo'],
      ['database-undo', 'backend-verify'],
      ['database-verify', 'database-undo'],
    ]);
  });

  it('perf-monitor only reports', () => {
    const d = doc(perfMonitor);
    expect(template(d, 'frontend-perf')?.script?.source).toContain('if [ "$rc" -eq 99 ]; then exit 0; fi');
  });

  it('pipeline calls each stage through templateRef, in order', () => {
    const d = doc(pipeline);
    expect(tasks(d, 'pipeline').map((t) => [t.name, t.templateRef?.name, t.templateRef?.template, t.depends])).toEqual([
      ['build', 'burger-build', 'build-images', undefined],
      ['deploy-staging', 'burger-deploy-rolling', 'deploy-rolling', 'build'],
      ['configure-staging', 'burger-configure', 'configure', 'deploy-staging'],
      ['deploy-production', 'burger-deploy-canary', 'deploy-canary', 'configure-staging && build'],
      ['configure-production', 'burger-configure', 'configure', 'deploy-production'],
      ['perf-monitor', 'burger-perf-monitor', 'perf-monitor', 'configure-production'],
    ]);
    // Called templates live in their own WorkflowTemplates, so the pipeline holds only its DAG.
    expect(d.spec.templates?.map((t) => t.name)).toEqual(['pipeline']);
  });
});

describe('examples', () => {
  for (const [name, value] of Object.entries(examples)) {
    it(`${name} synthesises to a valid document`, () => {
      expect(['Workflow', 'WorkflowTemplate']).toContain(doc(value).kind);
    });
  }
  it('template-ref calls the library by reference', () => {
    expect(taskOf(doc(templateRefExample), 'main', 'loud')?.templateRef).toEqual({
      name: 'text-library',
      template: 'shout',
    });
  });
});

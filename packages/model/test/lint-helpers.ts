import { type LintContext, lintDocument } from '../src/index.js';

/** Builders and projections shared by the lint tests. */

export const container = (extra: Record<string, unknown> = {}) => ({ container: { image: 'alpine:3.20' }, ...extra });

export function doc(
  templates: readonly unknown[],
  spec: Record<string, unknown> = {},
  kind = 'Workflow',
  metadata: Record<string, unknown> = { generateName: 'x-' },
): Record<string, unknown> {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind,
    metadata,
    spec: { entrypoint: 'main', templates, ...spec },
  };
}

export function cron(
  cronSpec: Record<string, unknown>,
  templates: readonly unknown[] = [{ name: 'main', ...container() }],
) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'CronWorkflow',
    metadata: { name: 'nightly' },
    spec: { schedules: ['0 2 * * *'], ...cronSpec, workflowSpec: { entrypoint: 'main', templates } },
  };
}

/** A DAG template `main` over the given tasks; each task runs `echo`, which takes an optional input and has an output. */
export function dag(tasks: readonly Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return doc([{ name: 'main', dag: { tasks: tasks.map((t) => ({ template: 'echo', ...t })) }, ...extra }, ECHO]);
}

export function steps(groups: readonly (readonly Record<string, unknown>[])[], extra: Record<string, unknown> = {}) {
  return doc([{ name: 'main', steps: groups.map((g) => g.map((s) => ({ template: 'echo', ...s }))), ...extra }, ECHO]);
}

export const ECHO = {
  name: 'echo',
  inputs: { parameters: [{ name: 'msg', default: 'hi' }] },
  container: { image: 'alpine:3.20', args: ['{{inputs.parameters.msg}}'] },
  outputs: { parameters: [{ name: 'out', valueFrom: { path: '/tmp/out' } }] },
};

export interface Found {
  code: string;
  path: string;
  message: string;
}

const project = ({ code, path, message }: Found): Found => ({ code, path, message });

export function errors(value: unknown, context?: LintContext): Found[] {
  return lintDocument(value, context)
    .filter((i) => i.severity === 'error')
    .map(project);
}

export function warnings(value: unknown, context?: LintContext): Found[] {
  return lintDocument(value, context)
    .filter((i) => i.severity === 'warning')
    .map(project);
}

import type { Task } from '@argo-gen/dsl';
import { z } from 'zod';
import { duration, k8sName, namespace, templateName, valueOrRef } from '../internal/schemas.js';

/**
 * What a strategy returns: the tasks of a DAG sub-graph, ready to spread into `dag()`, plus `done`, the task whose
 * success means the strategy succeeded (hang the next stage off it with `after: [x.done]`).
 */
export type SubGraph = readonly Task[] & { readonly done: Task };

export function subGraph(tasks: readonly Task[], done: Task): SubGraph {
  return Object.freeze(Object.assign([...tasks], { done }));
}

const isTask = (v: unknown) => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'task';

/** Option schemas the strategies share. */
export const strategyFields = {
  name: templateName,
  after: z.array(z.custom<Task>(isTask, 'must be a task')).optional(),
  timeout: duration.optional(),
  serviceAccountName: k8sName.optional(),
  image: valueOrRef,
};

export const deployment = z.object({ kind: z.literal('Deployment').optional(), name: k8sName, namespace }).strict();

export const anyWorkload = z
  .object({ kind: z.enum(['Deployment', 'StatefulSet', 'DaemonSet']).optional(), name: k8sName, namespace })
  .strict();

export const containerName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a container name')
  .optional();

import type { Task } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { duration, k8sName, matching, namespace, templateName, valueOrRef } from '../internal/schemas.js';

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
  /** Prefix of every task and template name, e.g. 'web' gives 'web-set-image', 'web-status', .... */
  name: templateName,
  /** Tasks that must finish first. Tasks whose outputs `image` uses are waited for without being listed. */
  after: z.optional(z.readonly(z.array(z.custom<Task>(isTask, 'must be a task')))),
  /**
   * How long each `kubectl rollout status` waits before the rollout counts as failed.
   * @default '5m'
   */
  timeout: z.optional(duration),
  /** The ServiceAccount the kubectl pods run as (its Role is derived from the steps: docs/rbac.md). */
  serviceAccountName: z.optional(k8sName),
  /** The image to roll out: a literal, or a handle such as `build.outputs.parameters.image`. */
  image: valueOrRef,
};

export const deployment = z.strictObject({ kind: z.optional(z.literal('Deployment')), name: k8sName, namespace });

/** The workload to update (Deployment, StatefulSet or DaemonSet), in its namespace: kubectl's `Workload`. */
export { workloadSchema as anyWorkload } from '../internal/kubectl-template.js';

export const containerName = z.optional(matching(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a container name'));

/** A workload of a kind the strategy fixes (a StatefulSet for the partition canary, a DaemonSet for its update). */
export const namedObject = z.strictObject({ name: k8sName, namespace });

import { type Task, task } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { parseOptions } from '../internal/options.js';
import { integer } from '../internal/schemas.js';
import { kubectl, type Workload } from '../kubectl.js';
import { anyWorkload, type SubGraph, strategyFields, subGraph } from './subgraph.js';

export interface RollbackOptions {
  /** Prefix of every task and template name. */
  readonly name: string;
  readonly workload: Workload;
  /**
   * The revision to restore (`kubectl rollout undo --to-revision`); 0 is the previous one. It is the default of the
   * undo template's `revision` input, so a run can choose another.
   * @default 0
   */
  readonly toRevision?: number;
  /**
   * How long the verification waits for the restored revision to be rolled out.
   * @default '5m'
   */
  readonly timeout?: string;
  readonly after?: readonly Task[];
  /** The ServiceAccount the kubectl pods run as (its Role is derived from the steps: docs/rbac.md). */
  readonly serviceAccountName?: string;
}

const { image: _image, ...fields } = strategyFields;
const schema = z.strictObject({ ...fields, workload: anyWorkload, toRevision: z.optional(integer(0)) });

/**
 * Restores a previous revision and verifies it: `<name>-undo` → `<name>-verify` (`kubectl rollout status`).
 * A verification that fails fails the workflow: the cluster is then in a state that needs a person.
 */
export function rollback(options: RollbackOptions): SubGraph {
  const o = parseOptions("strategy 'rollback'", schema, options);
  const sa = o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {};
  const undo = kubectl.rolloutUndo({
    name: `${o.name}-rollout-undo`,
    workload: o.workload,
    ...(o.toRevision !== undefined ? { toRevision: o.toRevision } : {}),
    ...sa,
  });
  const status = kubectl.rolloutStatus({
    name: `${o.name}-rollout-status`,
    workload: o.workload,
    ...(o.timeout ? { timeout: o.timeout } : {}),
    ...sa,
  });
  const back = task(`${o.name}-undo`, undo, { after: o.after ?? [] });
  const verify = task(`${o.name}-verify`, status, { after: [back] });
  return subGraph([back, verify], verify);
}

import { task } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { parseOptions } from '../internal/options.js';
import { integer } from '../internal/schemas.js';
import { kubectl } from '../kubectl.js';
import { anyWorkload, type SubGraph, strategyFields, subGraph } from './subgraph.js';

const { image: _image, ...fields } = strategyFields;
const schema = z.strictObject({
  ...fields,
  /** The workload whose revision is restored, in its namespace. */
  workload: anyWorkload,
  /**
   * The revision to restore (`kubectl rollout undo --to-revision`); 0 is the previous one. It is the default of the
   * undo template's `revision` input, so a run can choose another.
   * @default 0
   */
  toRevision: z.optional(integer(0)),
});

export type RollbackOptions = z.input<typeof schema>;

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

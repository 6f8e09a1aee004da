import { or, task } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { fail } from '../fail.js';
import { parseOptions } from '../internal/options.js';
import { kubectl } from '../kubectl.js';
import { anyWorkload, containerName, type SubGraph, strategyFields, subGraph } from './subgraph.js';

const schema = z.strictObject({
  ...strategyFields,
  /** The workload to update in place (Deployment, StatefulSet or DaemonSet), in its namespace. */
  workload: anyWorkload,
  /**
   * The container to update.
   * @default the workload's name
   */
  container: containerName,
});

export type RollingOptions = z.input<typeof schema>;

/**
 * A rolling update: set the image, wait for the rollout; if it does not complete in time, undo it (back to the
 * previous revision) and fail, so the workflow reports the failed rollout although the undo succeeded.
 *
 * `<name>-set-image` → `<name>-status` → on `status.Failed`: `<name>-undo` → `<name>-rolled-back` (fails).
 * An undo only follows a failed status: if `set-image` itself failed, nothing changed and there is nothing to undo.
 */
export function rolling(options: RollingOptions): SubGraph {
  const o = parseOptions("strategy 'rolling'", schema, options);
  const sa = o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {};
  const w = o.workload;
  const setImage = kubectl.setImage({
    name: `${o.name}-set-image`,
    workload: w,
    ...(o.container ? { container: o.container } : {}),
    ...sa,
  });
  const status = kubectl.rolloutStatus({
    name: `${o.name}-rollout-status`,
    workload: w,
    ...(o.timeout ? { timeout: o.timeout } : {}),
    ...sa,
  });
  const undo = kubectl.rolloutUndo({ name: `${o.name}-rollout-undo`, workload: w, ...sa });
  const failed = fail({
    name: `${o.name}-rolled-back`,
    message: `rollout of ${(w.kind ?? 'Deployment').toLowerCase()}/${w.name} in ${w.namespace} did not complete; it was undone`,
  });
  const set = task(`${o.name}-set-image`, setImage, { args: { image: o.image }, after: o.after ?? [] });
  const wait = task(`${o.name}-status`, status, { after: [set] });
  const back = task(`${o.name}-undo`, undo, { depends: or(wait.failed, wait.errored) });
  const end = task(`${o.name}-rolled-back`, failed, { depends: or(back.succeeded, back.failed, back.errored) });
  return subGraph([set, wait, back, end], wait);
}

import { type Depends, or, type Task, task } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { fail } from '../fail.js';
import { parseOptions } from '../internal/options.js';
import { duration, podsOrPercent } from '../internal/schemas.js';
import { kubectl } from '../kubectl.js';
import type { DaemonSetUpdateOptions } from '../kubectl-rollout.js';
import { gateSchema, refuseReportingGate } from './gate.js';
import { containerName, namedObject, type SubGraph, strategyFields, subGraph } from './subgraph.js';

const schema = z.strictObject({
  ...strategyFields,
  /** The DaemonSet to update, in its namespace. */
  daemonSet: namedObject,
  /**
   * The container to update.
   * @default the DaemonSet's name
   */
  container: containerName,
  /**
   * Pods (or percent of nodes) that may be unavailable at once. When this or `maxSurge` is given, the strategy first
   * sets the DaemonSet's update strategy (`kubectl.daemonSetUpdate`, which checks Kubernetes' rule that exactly one of
   * them is non-zero); without either, the DaemonSet's own settings apply.
   * @default the DaemonSet's own
   */
  maxUnavailable: z.optional(podsOrPercent),
  /**
   * Nodes (or percent) that may run the old and the new pod at once.
   * @default the DaemonSet's own
   */
  maxSurge: z.optional(podsOrPercent),
  /**
   * Run once every node runs the new pod; a failure rolls back. A `perfCheck` in `gate` mode, or any template whose
   * inputs all have defaults.
   * @default none: the rollout status is the only check
   */
  gate: z.optional(gateSchema),
  /**
   * How long `kubectl rollout status` waits.
   * @default '5m'
   */
  timeout: z.optional(duration),
});

/** Options of `daemonSetRolling`; `image` is a literal or a handle such as `build.outputs.parameters.image`. */
export type DaemonSetRollingOptions = z.input<typeof schema>;

/**
 * What the kubectl pods of `daemonSetRolling` do with the API, in the DaemonSet's namespace: read the image (`get`),
 * set the update strategy and the image (`patch`), and wait for the rollout (`list`, `watch`).
 */
export const daemonSetRollingPermissions = Object.freeze([
  { apiGroup: 'apps', resource: 'daemonsets', verbs: ['get', 'list', 'watch', 'patch'] },
] as const);

/**
 * A DaemonSet's rolling update with checks: read the image that runs now, optionally set `maxUnavailable`/`maxSurge`,
 * set the new image, wait until every node runs an available new pod (`kubectl rollout status`), then run the gate.
 * If the rollout does not complete in time or the gate fails, the image read before is set again, its rollout is
 * awaited, and a last step fails the workflow. (A DaemonSet has no partition: the gate judges the whole fleet, and
 * `maxUnavailable`/`maxSurge` bound how much of it a bad image can take down while the rollout runs.)
 * @see https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
 */
export function daemonSetRolling(options: DaemonSetRollingOptions): SubGraph {
  const subject = "strategy 'daemonSetRolling'";
  const o = parseOptions(subject, schema, options);
  if (o.gate) refuseReportingGate(subject, o.gate);
  const p = o.name;
  const workload = { kind: 'DaemonSet' as const, ...o.daemonSet };
  const sa = o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {};
  const container = o.container ?? o.daemonSet.name;
  const limits: Pick<DaemonSetUpdateOptions, 'maxUnavailable' | 'maxSurge'> = {
    ...(o.maxUnavailable === undefined ? {} : { maxUnavailable: o.maxUnavailable }),
    ...(o.maxSurge === undefined ? {} : { maxSurge: o.maxSurge }),
  };
  const t = {
    read: kubectl.currentImage({ name: `${p}-read-image`, workload, container, ...sa }),
    strategy:
      Object.keys(limits).length > 0
        ? kubectl.daemonSetUpdate({ name: `${p}-update-strategy`, daemonSet: o.daemonSet, ...limits, ...sa })
        : undefined,
    setImage: kubectl.setImage({ name: `${p}-set-image`, workload, container, ...sa }),
    ready: kubectl.rolloutStatus({
      name: `${p}-status`,
      workload,
      ...(o.timeout ? { timeout: o.timeout } : {}),
      ...sa,
    }),
    rolledBack: fail({
      name: `${p}-rolled-back`,
      message: `rollout of daemonset/${o.daemonSet.name} in ${o.daemonSet.namespace} failed; rolled back`,
    }),
  };

  const stable = task(`${p}-stable-image`, t.read, { after: o.after ?? [] });
  const strategy = t.strategy ? task(`${p}-strategy`, t.strategy, { after: [stable] }) : undefined;
  const setImage = task(`${p}-set-image`, t.setImage, { args: { image: o.image }, after: [strategy ?? stable] });
  const status = task(`${p}-ready`, t.ready, { after: [setImage] });
  const gate = o.gate ? task(`${p}-gate`, o.gate, { after: [status] }) : undefined;
  // A failed set-image changed nothing (one patch); a rollout that did not finish, or a failed gate, did.
  const watched: Depends[] = [status.failed, status.errored, ...(gate ? [gate.failed, gate.errored] : [])];
  const revert = task(`${p}-rollback-image`, t.setImage, {
    args: { image: stable.outputs.parameters.image },
    depends: or(...watched),
  });
  const restored = task(`${p}-rollback-ready`, t.ready, { after: [revert] });
  const end = task(`${p}-rolled-back`, t.rolledBack, {
    depends: or(restored.succeeded, restored.failed, restored.errored),
  });
  const forward: Task[] = [stable, ...(strategy ? [strategy] : []), setImage, status, ...(gate ? [gate] : [])];
  return subGraph([...forward, revert, restored, end], gate ?? status);
}

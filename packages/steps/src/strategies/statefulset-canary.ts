import { type Depends, or, type Task, task } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { fail } from '../fail.js';
import { optionError, parseOptions } from '../internal/options.js';
import { duration, integer } from '../internal/schemas.js';
import { kubectl } from '../kubectl.js';
import { gateSchema, refuseReportingGate } from './gate.js';
import { containerName, namedObject, type SubGraph, strategyFields, subGraph } from './subgraph.js';

const schema = z.strictObject({
  ...strategyFields,
  /** The StatefulSet to update (`updateStrategy` RollingUpdate; the strategy sets it), in its namespace. */
  statefulSet: namedObject,
  /**
   * The container to update.
   * @default the StatefulSet's name
   */
  container: containerName,
  /** The StatefulSet's replicas: the canary steps are counted down from it with `partition`. */
  replicas: integer(2),
  /**
   * Pods running the new image at each canary step, ascending, each fewer than `replicas` (the highest ordinals go
   * first, as the StatefulSet controller updates them). After the last step's gate, all pods are updated.
   * @default [1]
   */
  steps: z.optional(z.readonly(z.array(integer(1)).check(z.minLength(1)))),
  /**
   * Run after each step once its pods are ready; a failure rolls everything back. A `perfCheck` in `gate` mode, or
   * any template whose inputs all have defaults (a health query against the updated pods, for example).
   */
  gate: gateSchema,
  /**
   * How long each `kubectl rollout status` (and the wait before stuck pods are released) may take.
   * @default '5m'
   */
  timeout: z.optional(duration),
});

/** Options of `statefulSetCanary`; `image` is a literal or a handle such as `build.outputs.parameters.image`. */
export type StatefulSetCanaryOptions = z.input<typeof schema>;

/**
 * What the kubectl pods of `statefulSetCanary` do with the API, in the StatefulSet's namespace: read the image
 * (`get`), set the image and the partition (`patch`), wait for rollouts (`list`, `watch`), and in the rollback delete
 * pods stuck on the canary template.
 */
export const statefulSetCanaryPermissions = Object.freeze([
  { apiGroup: 'apps', resource: 'statefulsets', verbs: ['get', 'list', 'watch', 'patch'] },
  { apiGroup: '', resource: 'pods', verbs: ['get', 'delete'] },
] as const);

/**
 * A canary release of a StatefulSet by its `partition`, for workloads that cannot run a second copy beside
 * themselves (a database with its volumes). The image is set while the partition holds every pod back; then each
 * step lowers the partition so that `n` pods (the highest ordinals) run the new image, waits for the rollout, and
 * runs the gate. After the last gate the partition goes to 0 and every pod is updated.
 *
 * Any failure after the image was set (a step's partition, readiness or gate, or the final rollout) rolls back:
 * the image read before the release is set again, pods at or above the partition that are not Ready are deleted (the
 * StatefulSet controller would otherwise wait for them forever; Kubernetes' "forced rollback"), the partition goes
 * to 0, the rollout is awaited, and a last step fails the workflow.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions
 */
export function statefulSetCanary(options: StatefulSetCanaryOptions): SubGraph {
  const subject = "strategy 'statefulSetCanary'";
  const o = parseOptions(subject, schema, options);
  refuseReportingGate(subject, o.gate);
  const steps = o.steps ?? [1];
  steps.forEach((n, k) => {
    if (n >= o.replicas) {
      throw optionError(
        subject,
        `steps[${k}] must be fewer than replicas (got ${n} of ${o.replicas}); the update of every pod follows the last step`,
      );
    }
    const prev = steps[k - 1];
    if (prev !== undefined && n <= prev)
      throw optionError(subject, `steps must be ascending (got ${JSON.stringify(steps)})`);
  });
  const p = o.name;
  const workload = { kind: 'StatefulSet' as const, ...o.statefulSet };
  const sa = o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {};
  const timeout = o.timeout ? { timeout: o.timeout } : {};
  const container = o.container ?? o.statefulSet.name;
  const t = {
    read: kubectl.currentImage({ name: `${p}-read-image`, workload, container, ...sa }),
    setImage: kubectl.setImage({ name: `${p}-set-image`, workload, container, ...sa }),
    partition: kubectl.partition({ name: `${p}-partition`, statefulSet: o.statefulSet, ...sa }),
    ready: kubectl.rolloutStatus({ name: `${p}-status`, workload, ...timeout, ...sa }),
    release: kubectl.releaseStuckPods({
      name: `${p}-release-stuck-pods`,
      statefulSet: o.statefulSet,
      ...timeout,
      ...sa,
    }),
    rolledBack: fail({
      name: `${p}-rolled-back`,
      message: `canary of statefulset/${o.statefulSet.name} in ${o.statefulSet.namespace} failed; rolled back`,
    }),
  };

  const stable = task(`${p}-stable-image`, t.read, { after: o.after ?? [] });
  // The partition first: once the image is set, no pod may take it before the first step says so.
  const hold = task(`${p}-hold`, t.partition, { args: { partition: o.replicas }, after: [stable] });
  const setImage = task(`${p}-canary-image`, t.setImage, { args: { image: o.image }, after: [hold] });
  const watched: Depends[] = [setImage.failed, setImage.errored];
  const phase: Task[] = [stable, hold, setImage];
  let previous: Task = setImage;
  for (const n of steps) {
    const lower = task(`${p}-${n}-partition`, t.partition, { args: { partition: o.replicas - n }, after: [previous] });
    const ready = task(`${p}-${n}-ready`, t.ready, { after: [lower] });
    const gate = task(`${p}-${n}-gate`, o.gate, { after: [ready] });
    phase.push(lower, ready, gate);
    for (const x of [lower, ready, gate]) watched.push(x.failed, x.errored);
    previous = gate;
  }
  const promote = task(`${p}-promote`, t.partition, { args: { partition: 0 }, after: [previous] });
  const promoted = task(`${p}-promote-ready`, t.ready, { after: [promote] });
  watched.push(promote.failed, promote.errored, promoted.failed, promoted.errored);

  const revert = task(`${p}-rollback-image`, t.setImage, {
    args: { image: stable.outputs.parameters.image },
    depends: or(...watched),
  });
  // Before the partition moves: only the pods the canary reached are candidates.
  const release = task(`${p}-rollback-pods`, t.release, { after: [revert] });
  const reopen = task(`${p}-rollback-partition`, t.partition, { args: { partition: 0 }, after: [release] });
  const restored = task(`${p}-rollback-ready`, t.ready, { after: [reopen] });
  const end = task(`${p}-rolled-back`, t.rolledBack, {
    depends: or(restored.succeeded, restored.failed, restored.errored),
  });
  return subGraph([...phase, promote, promoted, revert, release, reopen, restored, end], promoted);
}

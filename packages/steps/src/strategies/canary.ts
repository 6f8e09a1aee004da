import { type Depends, or, type Task, task } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { fail } from '../fail.js';
import { optionError, parseOptions } from '../internal/options.js';
import { integer, k8sName } from '../internal/schemas.js';
import { kubectl } from '../kubectl.js';
import type { PerfCheckTemplate } from '../perf-check.js';
import { containerName, deployment, type SubGraph, strategyFields, subGraph } from './subgraph.js';

const schema = z.strictObject({
  ...strategyFields,
  /** The stable Deployment users are served by today. */
  stable: deployment,
  /**
   * The canary Deployment, in the same namespace, with the same pod labels that the Service selects (plus one of its
   * own, so that its selector differs from the stable one). It normally sits at 0 replicas.
   * @default '<stable name>-canary'
   */
  canary: z.optional(k8sName),
  /**
   * The container to update in both Deployments.
   * @default the stable Deployment's name
   */
  container: containerName,
  /** Pods serving the application in total, shared between stable and canary at each step. */
  replicas: integer(2),
  /**
   * Canary traffic per step, in percent, ascending; each step must move at least one pod.
   * @default [10, 50, 100]
   */
  weights: z.optional(z.readonly(z.array(integer(1, 100)).check(z.minLength(1)))),
  /**
   * The perf check run after each step; it must be in `gate` mode, so that a crossed threshold fails it and triggers
   * the rollback. Point its target at the canary's own Service to judge the new version alone, or at the shared
   * Service to judge what users get.
   */
  gate: z.custom<PerfCheckTemplate>(
    (v) => typeof v === 'object' && v !== null && 'mode' in v && (v as { kind?: unknown }).kind === 'template',
    'must be a template made by perfCheck()',
  ),
});

/** Options of `canary`; `image` is a literal or a handle such as `build.outputs.parameters.image`. */
export type CanaryOptions = z.input<typeof schema>;

/** Replicas given to the canary at a weight: rounded up, so that every step runs at least one canary pod. */
export function canaryReplicas(replicas: number, weight: number): number {
  return Math.ceil((replicas * weight) / 100);
}

/**
 * A canary release without a service mesh. Stable and canary Deployments sit behind one Service, so traffic splits
 * in proportion to ready pods: at weight w, the canary runs ceil(replicas × w / 100) pods and stable the rest.
 * Each step scales the canary up, waits for it, scales stable down, then runs the gate. After the last gate, the
 * stable Deployment gets the new image and all replicas, and the canary goes back to 0.
 * Any failed step of the canary phase (scale, readiness or gate) triggers the rollback: stable back to all replicas,
 * wait for it, canary to 0, then a step that fails the workflow. (A failure while promoting is not rolled back: the
 * canary then serves all traffic with the image that passed every gate, and the workflow fails for a person to look.)
 */
export function canary(options: CanaryOptions): SubGraph {
  const subject = "strategy 'canary'";
  // JavaScript callers (and casts) get past the type; say where the other kinds are served rather than only "no".
  const kind: unknown = options?.stable?.kind;
  if (kind === 'StatefulSet' || kind === 'DaemonSet') {
    const other = kind === 'StatefulSet' ? 'statefulSetCanary() (a canary by partition)' : 'daemonSetRolling()';
    throw optionError(
      subject,
      `stable.kind must be "Deployment" (got "${kind}"): canary() splits traffic between two Deployments; use ${other}`,
    );
  }
  const o = parseOptions(subject, schema, options);
  if (o.gate.mode !== 'gate') {
    throw optionError(
      subject,
      `gate '${o.gate.name}' is in 'report' mode, so it never fails and the rollback could never run; ` +
        "create it with perfCheck({ mode: 'gate', … })",
    );
  }
  const weights = o.weights ?? [10, 50, 100];
  weights.forEach((w, k) => {
    const prev = weights[k - 1];
    if (prev === undefined) return;
    if (w <= prev) throw optionError(subject, `weights must be ascending (got ${JSON.stringify(weights)})`);
    if (canaryReplicas(o.replicas, w) === canaryReplicas(o.replicas, prev)) {
      throw optionError(
        subject,
        `weights ${prev} and ${w} both give the canary ${canaryReplicas(o.replicas, w)} of ${o.replicas} replicas, ` +
          'so the second gate would test nothing new; use more replicas or fewer steps',
      );
    }
  });
  const ns = o.stable.namespace;
  const canaryName = o.canary ?? `${o.stable.name}-canary`;
  const stableW = { name: o.stable.name, namespace: ns };
  const canaryW = { name: canaryName, namespace: ns };
  const c = { container: o.container ?? o.stable.name };
  const sa = o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {};
  const timeout = o.timeout ? { timeout: o.timeout } : {};
  const p = o.name;
  const t = {
    setCanary: kubectl.setImage({ name: `${p}-set-image-canary`, workload: canaryW, ...c, ...sa }),
    setStable: kubectl.setImage({ name: `${p}-set-image-stable`, workload: stableW, ...c, ...sa }),
    scaleCanary: kubectl.scale({ name: `${p}-scale-canary`, workload: canaryW, ...sa }),
    scaleStable: kubectl.scale({ name: `${p}-scale-stable`, workload: stableW, ...sa }),
    readyCanary: kubectl.rolloutStatus({ name: `${p}-status-canary`, workload: canaryW, ...timeout, ...sa }),
    readyStable: kubectl.rolloutStatus({ name: `${p}-status-stable`, workload: stableW, ...timeout, ...sa }),
    rolledBack: fail({
      name: `${p}-rolled-back`,
      message: `canary of deployment/${o.stable.name} in ${ns} failed; rolled back`,
    }),
  };

  const start = task(`${p}-canary-image`, t.setCanary, { args: { image: o.image }, after: o.after ?? [] });
  const phase: Task[] = [start];
  const watched: Depends[] = [];
  let previous: Task = start;
  for (const w of weights) {
    const n = canaryReplicas(o.replicas, w);
    const up = task(`${p}-${w}-scale-canary`, t.scaleCanary, { args: { replicas: n }, after: [previous] });
    const ready = task(`${p}-${w}-canary-ready`, t.readyCanary, { after: [up] });
    const down = task(`${p}-${w}-scale-stable`, t.scaleStable, { args: { replicas: o.replicas - n }, after: [ready] });
    const gate = task(`${p}-${w}-gate`, o.gate, { after: [down] });
    phase.push(up, ready, down, gate);
    for (const x of [up, ready, down, gate]) watched.push(x.failed, x.errored);
    previous = gate;
  }

  const promoteImage = task(`${p}-promote-image`, t.setStable, { args: { image: o.image }, after: [previous] });
  const promoteScale = task(`${p}-promote-scale`, t.scaleStable, {
    args: { replicas: o.replicas },
    after: [promoteImage],
  });
  const promoteReady = task(`${p}-promote-ready`, t.readyStable, { after: [promoteScale] });
  const retire = task(`${p}-retire-canary`, t.scaleCanary, { args: { replicas: 0 }, after: [promoteReady] });

  const restore = task(`${p}-rollback-stable`, t.scaleStable, {
    args: { replicas: o.replicas },
    depends: or(...watched),
  });
  // Stable must serve again before the canary pods go, or users would meet an empty Service.
  const restored = task(`${p}-rollback-ready`, t.readyStable, { after: [restore] });
  const drain = task(`${p}-rollback-canary`, t.scaleCanary, { args: { replicas: 0 }, after: [restored] });
  const end = task(`${p}-rolled-back`, t.rolledBack, { depends: or(drain.succeeded, drain.failed, drain.errored) });

  return subGraph([...phase, promoteImage, promoteScale, promoteReady, retire, restore, restored, drain, end], retire);
}

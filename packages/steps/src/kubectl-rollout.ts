import { inputs, type ParamSpec, param, type Template } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { commonFields, kubectlTemplate, ns, onWorkload } from './internal/kubectl-template.js';
import { optionError, parseOptions } from './internal/options.js';
import { duration, integer, k8sName, namespace, podsOrPercent } from './internal/schemas.js';

/**
 * kubectl steps that steer a StatefulSet's or DaemonSet's own rolling update: the StatefulSet `partition` (how many
 * pods, counted from the highest ordinal, run the new template), the forced rollback of pods stuck on a bad template,
 * and a DaemonSet's `maxUnavailable`/`maxSurge`.
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions
 * @see https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
 */

const object = z.strictObject({ name: k8sName, namespace });

const schemas = {
  partition: z.strictObject({
    ...commonFields,
    /** The StatefulSet whose `spec.updateStrategy.rollingUpdate.partition` is set. */
    statefulSet: object,
    /**
     * The default of the template's `partition` input; without it, callers must pass `partition`.
     * @default none (required argument)
     */
    partition: z.optional(integer(0)),
  }),
  releaseStuckPods: z.strictObject({
    ...commonFields,
    /** The StatefulSet whose pods at or above its partition are checked. */
    statefulSet: object,
    /**
     * How long to wait for the StatefulSet controller to observe the current template first (`kubectl wait`).
     * @default '5m'
     */
    timeout: z.optional(duration),
  }),
  daemonSetUpdate: z.strictObject({
    ...commonFields,
    /** The DaemonSet whose update strategy is set. */
    daemonSet: object,
    /**
     * Pods (or percent of nodes) that may be unavailable during the update; Kubernetes requires exactly one of
     * `maxUnavailable` and `maxSurge` to be non-zero.
     * @default 1, or 0 when `maxSurge` is non-zero
     * @see https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/daemon-set-v1/#DaemonSetSpec
     */
    maxUnavailable: z.optional(podsOrPercent),
    /**
     * Nodes (or percent) that may run an old and a new pod at once, so that the node never goes without one.
     * @default 0
     */
    maxSurge: z.optional(podsOrPercent),
  }),
};

export type PartitionOptions = z.input<typeof schemas.partition>;
export type ReleaseStuckPodsOptions = z.input<typeof schemas.releaseStuckPods>;
export type DaemonSetUpdateOptions = z.input<typeof schemas.daemonSetUpdate>;

/**
 * The Kubernetes API access each step's container needs, in the namespace of its workload: the data its Role is
 * made of (packages/steps/docs/rbac.md lists the same rules as YAML).
 */
export const rolloutPermissions = Object.freeze({
  // `kubectl patch` sends the PATCH alone, without reading the object first.
  partition: [{ apiGroup: 'apps', resource: 'statefulsets', verbs: ['patch'] }],
  releaseStuckPods: [
    { apiGroup: 'apps', resource: 'statefulsets', verbs: ['get', 'list', 'watch'] },
    { apiGroup: '', resource: 'pods', verbs: ['get', 'delete'] },
  ],
  daemonSetUpdate: [{ apiGroup: 'apps', resource: 'daemonsets', verbs: ['patch'] }],
} as const);

// The partition arrives as "$1", an argument of sh and never part of this text; it is checked to be a plain
// non-negative integer before it is placed in the JSON patch, so that no value can change the patch's structure.
const PARTITION_SCRIPT = `case "$1" in ''|*[!0-9]*|0?*)
  printf 'partition must be a non-negative integer (got %s)\\n' "$1" >&2; exit 2;;
esac
exec kubectl patch "$2" --namespace="$3" --type=merge \\
  --patch="{\\"spec\\":{\\"updateStrategy\\":{\\"type\\":\\"RollingUpdate\\",\\"rollingUpdate\\":{\\"partition\\":$1}}}}"`;

// Pods are named <statefulset>-<ordinal>, ordinals counted from spec.ordinals.start; the partition counts from the
// first of them (the controller compares it with the pod's index). Name, namespace and timeout are arguments.
// The controller must have seen the current template before a pod goes, or it could recreate the pod from the old
// one: wait until status.observedGeneration reaches metadata.generation.
const RELEASE_SCRIPT = `set -eu
sts="$1"; ns="$2"; timeout="$3"
get() { kubectl get "statefulset/$sts" --namespace="$ns" -o "jsonpath=$1"; }
generation=$(get '{.metadata.generation}')
kubectl wait "statefulset/$sts" --namespace="$ns" --timeout="$timeout" \\
  --for="jsonpath={.status.observedGeneration}=$generation"
replicas=$(get '{.spec.replicas}')
partition=$(get '{.spec.updateStrategy.rollingUpdate.partition}')
start=$(get '{.spec.ordinals.start}')
i=\${partition:-0}
while [ "$i" -lt "$replicas" ]; do
  pod="$sts-$(( \${start:-0} + i ))"
  state=$(kubectl get "pod/$pod" --namespace="$ns" --ignore-not-found \\
    -o 'jsonpath={.metadata.name} {.status.conditions[?(@.type=="Ready")].status}')
  if [ -n "$state" ] && [ "\${state#* }" != True ]; then
    echo "pod/$pod is not Ready: deleting it so that it is recreated from the current template"
    kubectl delete "pod/$pod" --namespace="$ns" --ignore-not-found --wait=false
  fi
  i=$((i + 1))
done`;

const isZero = (v: number | string) => v === 0 || v === '0%';

export const rolloutSteps = Object.freeze({
  /**
   * Sets a StatefulSet's partition (and its update strategy to `RollingUpdate`): the pods whose index is at or above
   * the partition are updated to the current template, the others keep theirs. `partition` is the template's input.
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#partitions
   */
  partition(options: PartitionOptions): Template<{ readonly partition: ParamSpec<number, boolean> }> {
    const o = parseOptions("step 'kubectl.partition'", schemas.partition, options);
    const spec =
      o.partition === undefined
        ? param.number({ description: 'Pods below this index keep their template' })
        : param.number({ default: o.partition, description: 'Pods below this index keep their template' });
    const i = inputs({ partition: spec });
    const s = o.statefulSet;
    return kubectlTemplate(
      'partition',
      o,
      `${s.namespace}-${s.name}`,
      ['-c', PARTITION_SCRIPT, 'partition', `${i.partition}`, `statefulset/${s.name}`, s.namespace],
      // `kubectl patch` alone: no read first.
      { command: ['sh'], inputs: i, access: [onWorkload({ ...s, kind: 'StatefulSet' }, ['patch'])] },
    );
  },

  /**
   * Deletes the StatefulSet's pods at or above its partition that are not Ready, so that the controller recreates
   * them from the current template. After a bad template is reverted, the StatefulSet controller (with the default
   * `OrderedReady` policy) waits for such a pod forever instead of replacing it; Kubernetes documents this deletion
   * as the manual step of a rollback.
   * @see https://kubernetes.io/docs/concepts/workloads/controllers/statefulset/#forced-rollback
   */
  releaseStuckPods(options: ReleaseStuckPodsOptions): Template<Record<never, never>> {
    const o = parseOptions("step 'kubectl.releaseStuckPods'", schemas.releaseStuckPods, options);
    const s = o.statefulSet;
    return kubectlTemplate(
      'release-stuck-pods',
      o,
      `${s.namespace}-${s.name}`,
      ['-c', RELEASE_SCRIPT, 'release-stuck-pods', s.name, s.namespace, o.timeout ?? '5m'],
      {
        command: ['sh'],
        // Reads and waits on the StatefulSet by name; reads and deletes its pods, whose names it learns at run time.
        access: [
          onWorkload({ ...s, kind: 'StatefulSet' }, ['get', 'list', 'watch']),
          { apiGroup: '', resource: 'pods', verbs: ['get', 'delete'], namespace: s.namespace },
        ],
      },
    );
  },

  /**
   * Sets a DaemonSet's update strategy to `RollingUpdate` with the given `maxUnavailable` and `maxSurge` (a merge
   * patch; both fields are written, so that a value left from before cannot break Kubernetes' rule that exactly one
   * of them is non-zero).
   * @see https://kubernetes.io/docs/tasks/manage-daemon/update-daemon-set/
   */
  daemonSetUpdate(options: DaemonSetUpdateOptions): Template<Record<never, never>> {
    const subject = "step 'kubectl.daemonSetUpdate'";
    const o = parseOptions(subject, schemas.daemonSetUpdate, options);
    const maxSurge = o.maxSurge ?? 0;
    const maxUnavailable = o.maxUnavailable ?? (isZero(maxSurge) ? 1 : 0);
    if (!isZero(maxSurge) && !isZero(maxUnavailable)) {
      throw optionError(
        subject,
        `maxSurge may not be set when maxUnavailable is non-zero (got maxUnavailable ${JSON.stringify(maxUnavailable)}, maxSurge ${JSON.stringify(maxSurge)})`,
      );
    }
    if (isZero(maxSurge) && isZero(maxUnavailable)) {
      throw optionError(subject, 'maxUnavailable cannot be 0 when maxSurge is 0: the update could never replace a pod');
    }
    const d = o.daemonSet;
    // Generated from validated numbers and percentages only; no input reaches this JSON.
    const patch = { spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } } } };
    return kubectlTemplate(
      'daemonset-update',
      o,
      `${d.namespace}-${d.name}`,
      ['patch', `daemonset/${d.name}`, ns(d.namespace), '--type=merge', `--patch=${JSON.stringify(patch)}`],
      { access: [onWorkload({ ...d, kind: 'DaemonSet' }, ['patch'])] },
    );
  },
});

import { inputs, type OutputParamSpec, output, type ParamSpec, param, type Template } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import {
  commonFields,
  kubectlTemplate,
  label,
  ns,
  onWorkload,
  ref,
  revisionsOf,
  workloadSchema,
} from './internal/kubectl-template.js';
import { parseOptions } from './internal/options.js';
import { duration, integer, matching } from './internal/schemas.js';
import { applyStep } from './kubectl-apply.js';
import { rolloutSteps } from './kubectl-rollout.js';

const workload = workloadSchema;
const common = commonFields;
const containerName = matching(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a container name');

const schemas = {
  setImage: z.strictObject({
    ...common,
    workload,
    /**
     * The container whose image is set; the image itself is the template's `image` input.
     * @default the workload's name
     * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_set/kubectl_set_image/
     */
    container: z.optional(containerName),
  }),
  rolloutStatus: z.strictObject({
    ...common,
    workload,
    /**
     * How long to wait for the rollout to finish before the step fails (`--timeout`).
     * @default '5m'
     * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_status/
     */
    timeout: z.optional(duration),
  }),
  rolloutUndo: z.strictObject({
    ...common,
    workload,
    /**
     * The default of the template's `revision` input (`--to-revision`); 0 means the previous revision.
     * @default 0
     * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_undo/
     */
    toRevision: z.optional(integer(0)),
  }),
  scale: z.strictObject({
    ...common,
    /** A Deployment or StatefulSet (a DaemonSet runs one pod per node and cannot be scaled). */
    workload: z.extend(workload, { kind: z.optional(z.enum(['Deployment', 'StatefulSet'])) }),
    /**
     * The default of the template's `replicas` input; without it, callers must pass `replicas`.
     * @default none (required argument)
     * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_scale/
     */
    replicas: z.optional(integer(0)),
  }),
  currentImage: z.strictObject({
    ...common,
    workload,
    /**
     * The container whose image is read.
     * @default the workload's name
     */
    container: z.optional(containerName),
  }),
};

/** The workload a kubectl step acts on. */
export type Workload = z.input<typeof workloadSchema>;
/** Options every kubectl step takes. */
export type KubectlCommon = z.input<z.ZodMiniObject<typeof commonFields>>;
export type SetImageOptions = z.input<typeof schemas.setImage>;
export type RolloutStatusOptions = z.input<typeof schemas.rolloutStatus>;
export type RolloutUndoOptions = z.input<typeof schemas.rolloutUndo>;
export type ScaleOptions = z.input<typeof schemas.scale>;
export type CurrentImageOptions = z.input<typeof schemas.currentImage>;

/**
 * kubectl steps, each a template acting on one workload in one namespace. Each declares the API access it needs
 * (`access`), from which `rbac()` derives its ServiceAccount's Role (docs/rbac.md).
 * @see https://kubernetes.io/docs/reference/kubectl/
 */
export const kubectl = Object.freeze({
  ...rolloutSteps,

  /** `kubectl set image <kind>/<name> <container>=<image>`; the image is the `image` input (a digest, ideally). */
  setImage(options: SetImageOptions): Template<{ readonly image: ParamSpec<string, true> }> {
    const o = parseOptions("step 'kubectl.setImage'", schemas.setImage, options);
    const i = inputs({ image: param.string({ description: 'The image to roll out' }) });
    const args = [
      'set',
      'image',
      ref(o.workload),
      `${o.container ?? o.workload.name}=${i.image}`,
      ns(o.workload.namespace),
    ];
    const access = [onWorkload(o.workload, ['get', 'patch'])];
    return kubectlTemplate('set-image', o, label(o.workload), args, { inputs: i, access });
  },

  /** `kubectl rollout status`: waits until the rollout is complete; fails when it is not within `timeout`. */
  rolloutStatus(options: RolloutStatusOptions): Template<Record<never, never>> {
    const o = parseOptions("step 'kubectl.rolloutStatus'", schemas.rolloutStatus, options);
    const args = ['rollout', 'status', ref(o.workload), ns(o.workload.namespace), `--timeout=${o.timeout ?? '5m'}`];
    const access = [onWorkload(o.workload, ['get', 'list', 'watch'])];
    return kubectlTemplate('rollout-status', o, label(o.workload), args, { access });
  },

  /** `kubectl rollout undo --to-revision=<revision>`; the `revision` input defaults to 0, the previous revision. */
  rolloutUndo(options: RolloutUndoOptions): Template<{ readonly revision: ParamSpec<number, false> }> {
    const o = parseOptions("step 'kubectl.rolloutUndo'", schemas.rolloutUndo, options);
    const i = inputs({
      revision: param.number({ default: o.toRevision ?? 0, description: '0 means the previous revision' }),
    });
    const args = ['rollout', 'undo', ref(o.workload), ns(o.workload.namespace), `--to-revision=${i.revision}`];
    const access = [onWorkload(o.workload, ['get', 'patch']), revisionsOf(o.workload)];
    return kubectlTemplate('rollout-undo', o, label(o.workload), args, { inputs: i, access });
  },

  /** `kubectl scale --replicas=<replicas>`; the `replicas` input defaults to the `replicas` option when given. */
  scale(options: ScaleOptions): Template<{ readonly replicas: ParamSpec<number, boolean> }> {
    const o = parseOptions("step 'kubectl.scale'", schemas.scale, options);
    const replicas = o.replicas === undefined ? param.number() : param.number({ default: o.replicas });
    const i = inputs({ replicas });
    const args = ['scale', ref(o.workload), ns(o.workload.namespace), `--replicas=${i.replicas}`];
    const access = [onWorkload(o.workload, ['get']), onWorkload(o.workload, ['patch'], '/scale')];
    return kubectlTemplate('scale', o, label(o.workload), args, { inputs: i, access });
  },

  /** Reads the image a workload's container runs; output `image`. Used to promote exactly what runs elsewhere. */
  currentImage(options: CurrentImageOptions): Template<Record<never, never>, { readonly image: OutputParamSpec }> {
    const o = parseOptions("step 'kubectl.currentImage'", schemas.currentImage, options);
    const c = o.container ?? o.workload.name;
    // kubectl cannot write to a file itself; the shell only redirects, every value is a positional argument.
    const script = 'kubectl get "$1" --namespace="$2" -o jsonpath="$3" > /tmp/image && test -s /tmp/image';
    const jsonPath = `{.spec.template.spec.containers[?(@.name=="${c}")].image}`;
    return kubectlTemplate(
      'current-image',
      o,
      label(o.workload),
      ['-c', script, 'current-image', ref(o.workload), o.workload.namespace, jsonPath],
      {
        command: ['sh'],
        outputs: { image: output.path('/tmp/image', { description: `The image of container '${c}'` }) },
        access: [onWorkload(o.workload, ['get'])],
      },
    );
  },

  apply: applyStep,
});

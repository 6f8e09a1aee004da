import {
  type ApiAccess,
  type ArtifactSpec,
  artifact,
  inputs,
  type OutputParamSpec,
  output,
  type ParamSpec,
  param,
  type Template,
} from '@argo-gen/dsl';
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
import { duration, gitSource, integer, matching, namespace } from './internal/schemas.js';
import { rolloutSteps } from './kubectl-rollout.js';

/** The workload a kubectl step acts on. */
export interface Workload {
  /**
   * The kind of workload.
   * @default 'Deployment'
   * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/
   */
  readonly kind?: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  /** The workload's name. */
  readonly name: string;
  /** The namespace it lives in (`--namespace`); steps never rely on the pod's own namespace. */
  readonly namespace: string;
}

/** Options every kubectl step takes. */
export interface KubectlCommon {
  /**
   * The template's name; must be unique in the workflow.
   * @default '<verb>-<namespace>-<workload>', e.g. 'set-image-burger-prod-frontend'
   */
  readonly name?: string;
  /**
   * The ServiceAccount the pod runs as; `rbac()` gives it exactly what the step declares (`access`, docs/rbac.md).
   * @default the workflow's service account
   * @see https://argo-workflows.readthedocs.io/en/latest/service-accounts/
   */
  readonly serviceAccountName?: string;
  /**
   * The kubectl image.
   * @default images.kubectl
   */
  readonly image?: string;
}

export interface SetImageOptions extends KubectlCommon {
  readonly workload: Workload;
  /**
   * The container whose image is set; the image itself is the template's `image` input.
   * @default the workload's name
   * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_set/kubectl_set_image/
   */
  readonly container?: string;
}

export interface RolloutStatusOptions extends KubectlCommon {
  readonly workload: Workload;
  /**
   * How long to wait for the rollout to finish before the step fails (`--timeout`).
   * @default '5m'
   * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_status/
   */
  readonly timeout?: string;
}

export interface RolloutUndoOptions extends KubectlCommon {
  readonly workload: Workload;
  /**
   * The default of the template's `revision` input (`--to-revision`); 0 means the previous revision.
   * @default 0
   * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_undo/
   */
  readonly toRevision?: number;
}

export interface ScaleOptions extends KubectlCommon {
  /** A Deployment or StatefulSet (a DaemonSet runs one pod per node and cannot be scaled). */
  readonly workload: Workload & { readonly kind?: 'Deployment' | 'StatefulSet' };
  /**
   * The default of the template's `replicas` input; without it, callers must pass `replicas`.
   * @default none (required argument)
   * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_scale/
   */
  readonly replicas?: number;
}

export interface CurrentImageOptions extends KubectlCommon {
  readonly workload: Workload;
  /**
   * The container whose image is read.
   * @default the workload's name
   */
  readonly container?: string;
}

export type ApplySource =
  | { readonly git: { readonly url: string; readonly revision?: string } }
  | { readonly artifact: true };

/** The `manifests` input: optional when a git source provides its default, required otherwise. */
export type ApplyInputs<S extends ApplySource> = {
  readonly manifests: S extends { readonly git: unknown } ? ArtifactSpec & { readonly optional: true } : ArtifactSpec;
};

export interface ApplyOptions<S extends ApplySource = ApplySource> extends KubectlCommon {
  /** The namespace to apply into (`--namespace`); objects that name another namespace are refused by kubectl. */
  readonly namespace: string;
  /**
   * Where the manifests come from: a git repository (cloned by Argo as the default of the `manifests` input
   * artifact), or whatever artifact the caller passes as `manifests`.
   */
  readonly source: S;
  /**
   * A file or directory inside the source (`-f`); directories are applied recursively.
   * @default '.'
   * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
   */
  readonly path?: string;
  /**
   * Server-side apply (`--server-side --field-manager=argo-gen`).
   * @default false
   * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/
   */
  readonly serverSide?: boolean;
  /**
   * The kinds the manifests hold, as API group and plural (`{ apiGroup: 'apps', resource: 'deployments' }`): the
   * step's Role gets `get`, `create` and `patch` on them in `namespace`, which is what `kubectl apply` uses.
   * @default undeclared: `rbac()` then refuses the step, as it cannot know what the manifests touch
   */
  readonly resources?: readonly { readonly apiGroup: string; readonly resource: string }[];
}

const workload = workloadSchema;
const common = commonFields;
const containerName = z.optional(matching(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a container name'));

const schemas = {
  setImage: z.strictObject({ ...common, workload, container: containerName }),
  rolloutStatus: z.strictObject({ ...common, workload, timeout: z.optional(duration) }),
  rolloutUndo: z.strictObject({ ...common, workload, toRevision: z.optional(integer(0)) }),
  scale: z.strictObject({
    ...common,
    workload: z.extend(workload, { kind: z.optional(z.enum(['Deployment', 'StatefulSet'])) }),
    replicas: z.optional(integer(0)),
  }),
  currentImage: z.strictObject({ ...common, workload, container: containerName }),
  apply: z.strictObject({
    ...common,
    namespace,
    source: z.union([gitSource, z.strictObject({ artifact: z.literal(true) })], {
      error: 'must be { git: { url, revision? } } or { artifact: true }',
    }),
    path: z.optional(matching(/^[^/]\S*$/, 'must be a relative path inside the source')),
    serverSide: z.optional(z.boolean()),
    resources: z.optional(
      z.array(z.strictObject({ apiGroup: z.string(), resource: matching(/^[a-z0-9]+$/, 'must be a plural') })),
    ),
  }),
};

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

  /** `kubectl apply -f <path> --recursive` from the `manifests` input artifact. */
  apply<const S extends ApplySource>(options: ApplyOptions<S>): Template<ApplyInputs<S>> {
    const o = parseOptions("step 'kubectl.apply'", schemas.apply, options);
    const from =
      'git' in o.source ? { git: { repo: o.source.git.url, revision: o.source.git.revision ?? 'HEAD' } } : undefined;
    const i = inputs({ manifests: artifact('/manifests', { ...(from ? { from, optional: true } : {}) }) });
    const args = [
      'apply',
      ns(o.namespace),
      '--recursive',
      `--filename=/manifests/${o.path ?? '.'}`,
      ...(o.serverSide ? ['--server-side', '--field-manager=argo-gen'] : []),
    ];
    // The manifests input's optionality depends on S, a conditional type the checker cannot follow through inputs().
    const access = o.resources?.map(
      (r): ApiAccess => ({ ...r, verbs: ['get', 'create', 'patch'], namespace: o.namespace }),
    );
    return kubectlTemplate('apply', o, o.namespace, args, { inputs: i, ...(access ? { access } : {}) }) as never;
  },
});

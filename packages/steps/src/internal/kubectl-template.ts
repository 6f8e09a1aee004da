import {
  type ApiAccess,
  container,
  type InputSpecs,
  type Inputs,
  type OutputSpecs,
  type Template,
} from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { images } from '../images.js';
import { restricted, unpinnedImage } from './pod-security.js';
import { imageRef, k8sName, namespace, templateName } from './schemas.js';

/** What every kubectl step shares: its workload schema, common options and the container it runs in. */

export const workloadSchema = z.strictObject({
  /**
   * The kind of workload.
   * @default 'Deployment'
   * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/
   */
  kind: z.optional(z.enum(['Deployment', 'StatefulSet', 'DaemonSet'])),
  /** The workload's name. */
  name: k8sName,
  /** The namespace it lives in (`--namespace`); steps never rely on the pod's own namespace. */
  namespace,
});

export const commonFields = {
  /**
   * The template's name; must be unique in the workflow.
   * @default '<verb>-<namespace>-<workload>', e.g. 'set-image-burger-prod-frontend'
   */
  name: z.optional(templateName),
  /**
   * The ServiceAccount the pod runs as; `rbac()` gives it exactly what the step declares (`access`, docs/rbac.md).
   * @default the workflow's service account
   * @see https://argo-workflows.readthedocs.io/en/latest/service-accounts/
   */
  serviceAccountName: z.optional(k8sName),
  /**
   * The kubectl image.
   * @default images.kubectl
   */
  image: z.optional(imageRef),
};

type Parsed = { name?: string; serviceAccountName?: string; image?: string };
type ParsedWorkload = z.output<typeof workloadSchema>;

/** `deployment/web`, `statefulset/database`: the resource argument kubectl takes. */
export const ref = (w: ParsedWorkload) => `${(w.kind ?? 'Deployment').toLowerCase()}/${w.name}`;
export const ns = (n: string) => `--namespace=${n}`;
/** The default template name's suffix: `<namespace>-<name>`. */
export const label = (w: ParsedWorkload) => `${w.namespace}-${w.name}`;

/** A kubectl container template, restricted pod security, named `<verb>-<target>` unless the caller names it. */
export function kubectlTemplate<
  I extends InputSpecs = Record<never, never>,
  O extends OutputSpecs = Record<never, never>,
>(
  verb: string,
  o: Parsed,
  target: string,
  args: readonly string[],
  extra: { inputs?: Inputs<I>; outputs?: O; command?: readonly string[]; access?: readonly ApiAccess[] } = {},
): Template<I, O> {
  return container<I, O>(
    o.name ?? `${verb}-${target}`,
    {
      image: o.image ?? images.kubectl,
      command: extra.command ?? ['kubectl'],
      args,
      // bitnami/kubectl runs as its user 1001; kubectl needs nothing the restricted level takes away.
      securityContext: restricted(1001),
    },
    {
      ...unpinnedMetadata(o.image),
      ...(extra.inputs ? { inputs: extra.inputs } : {}),
      ...(extra.outputs ? { outputs: extra.outputs } : {}),
      ...(o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {}),
      // What the command does with the API (rbac() derives the account's Role from it); undefined: undeclared.
      ...(extra.access ? { access: extra.access } : {}),
    },
  );
}

const PLURAL = { Deployment: 'deployments', StatefulSet: 'statefulsets', DaemonSet: 'daemonsets' } as const;

/**
 * The workload itself, by name, in its namespace. What each kubectl command sends, read from kubectl's source:
 * the resource builder GETs the object first, `set image` and `rollout undo` PATCH it, `rollout status` watches it
 * with a `metadata.name` field selector (which RBAC checks against the name), `scale` PATCHes its scale subresource.
 * @see https://github.com/kubernetes/kubectl/tree/master/pkg/cmd/rollout
 */
export function onWorkload(w: ParsedWorkload, verbs: ApiAccess['verbs'], subresource = ''): ApiAccess {
  const resource = `${PLURAL[w.kind ?? 'Deployment']}${subresource}`;
  return { apiGroup: 'apps', resource, verbs, names: [w.name], namespace: w.namespace };
}

/** `rollout undo` finds the revision to go back to among the ReplicaSets (or ControllerRevisions) it lists. */
export function revisionsOf(w: ParsedWorkload): ApiAccess {
  const resource = (w.kind ?? 'Deployment') === 'Deployment' ? 'replicasets' : 'controllerrevisions';
  return { apiGroup: 'apps', resource, verbs: ['list'], namespace: w.namespace };
}

function unpinnedMetadata(image: string | undefined) {
  const annotations = unpinnedImage('kubectl', image);
  return Object.keys(annotations).length > 0 ? { metadata: { annotations } } : {};
}

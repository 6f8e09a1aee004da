import { container, type InputSpecs, type Inputs, type OutputSpecs, type Template } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { images } from '../images.js';
import { restricted, unpinnedImage } from './pod-security.js';
import { imageRef, k8sName, namespace, templateName } from './schemas.js';

/** What every kubectl step shares: its workload schema, common options and the container it runs in. */

export const workloadSchema = z.strictObject({
  kind: z.optional(z.enum(['Deployment', 'StatefulSet', 'DaemonSet'])),
  name: k8sName,
  namespace,
});

export const commonFields = {
  name: z.optional(templateName),
  serviceAccountName: z.optional(k8sName),
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
  extra: { inputs?: Inputs<I>; outputs?: O; command?: readonly string[] } = {},
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
    },
  );
}

function unpinnedMetadata(image: string | undefined) {
  const annotations = unpinnedImage('kubectl', image);
  return Object.keys(annotations).length > 0 ? { metadata: { annotations } } : {};
}

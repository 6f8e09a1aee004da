import { suspend, task } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { optionError, parseOptions } from '../internal/options.js';
import { k8sName } from '../internal/schemas.js';
import { kubectl } from '../kubectl.js';
import { rolling } from './rolling.js';
import { anyWorkload, containerName, type SubGraph, strategyFields, subGraph } from './subgraph.js';

const { image: _image, ...fields } = strategyFields;
const schema = z.strictObject({
  ...fields,
  /** Where the image is read: the workload that passed its checks, e.g. in `burger-staging`. */
  from: anyWorkload,
  /** Where it goes, e.g. the same Deployment in `burger-prod`; updated with the rolling strategy. */
  to: anyWorkload,
  /**
   * The container whose image is promoted, in both workloads.
   * @default the target workload's name
   */
  container: containerName,
  /**
   * Wait for a person before touching production: a `suspend` step that `argo resume` approves and `argo stop`
   * rejects.
   * @default false
   * @see https://argo-workflows.readthedocs.io/en/latest/walk-through/suspending/
   */
  approval: z.optional(z.boolean()),
  /**
   * The ServiceAccount the kubectl pods run as; `rbac()` gives it `get` on the source workload and the rolling
   * steps' needs on the target (docs/rbac.md).
   */
  serviceAccountName: z.optional(k8sName),
});

export type PromoteOptions = z.input<typeof schema>;

/**
 * Promotes exactly what runs in one namespace to another: read the source workload's image, optionally wait for
 * approval, then roll it out to the target with `rolling` (undo and fail if the rollout does not complete).
 */
export function promote(options: PromoteOptions): SubGraph {
  const subject = "strategy 'promote'";
  const o = parseOptions(subject, schema, options);
  if (o.from.namespace === o.to.namespace && o.from.name === o.to.name) {
    throw optionError(
      subject,
      `from and to are the same workload (${o.to.namespace}/${o.to.name}); nothing would be promoted`,
    );
  }
  const container = o.container ?? o.to.name;
  const sa = o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {};
  const read = kubectl.currentImage({ name: `${o.name}-read-image`, workload: o.from, container, ...sa });
  const source = task(`${o.name}-source-image`, read, { after: o.after ?? [] });
  const approve = o.approval
    ? task(`${o.name}-approve`, suspend(`${o.name}-approval`), { after: [source] })
    : undefined;
  const deploy = rolling({
    name: `${o.name}-deploy`,
    workload: o.to,
    container,
    image: source.outputs.parameters.image,
    after: approve ? [approve] : [],
    ...(o.timeout ? { timeout: o.timeout } : {}),
    ...sa,
  });
  return subGraph([source, ...(approve ? [approve] : []), ...deploy], deploy.done);
}

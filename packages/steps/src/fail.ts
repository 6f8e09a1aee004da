import { container, type Template } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { images } from './images.js';
import { parseOptions } from './internal/options.js';
import { noApiToken, restricted } from './internal/pod-security.js';
import { imageRef, k8sName, nonEmpty, templateName } from './internal/schemas.js';

const schema = z.strictObject({
  /** The template's name; must be unique in the workflow. */
  name: templateName,
  /** Printed to the step's log (stderr) before it exits 1, so the failed node says why. */
  message: nonEmpty,
  /**
   * The image.
   * @default images.busybox
   */
  image: z.optional(imageRef),
  /** As `perfCheck`'s: the executor's ServiceAccount; the step's own container gets no API token. */
  executorServiceAccountName: z.optional(k8sName),
});

export type FailOptions = z.input<typeof schema>;

/**
 * A step that always fails: it ends a failure branch (after a rollback) so that the workflow still reports the
 * failure it recovered from, instead of succeeding because the rollback did.
 */
export function fail(options: FailOptions): Template<Record<never, never>> {
  const o = parseOptions("step 'fail'", schema, options);
  // The message is an argument, never part of the shell text, so it needs no quoting.
  // Runs as busybox's `nobody` (65534) under the restricted policy, with no API token.
  return container(
    o.name,
    {
      image: o.image ?? images.busybox,
      command: ['sh', '-c', 'echo "$1" >&2; exit 1', 'fail', o.message],
      securityContext: restricted(65534),
    },
    noApiToken(o.executorServiceAccountName),
  );
}

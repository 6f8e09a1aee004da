import type { Report } from './finding.js';
import type { PodView } from './pods.js';

const DIGEST = /@sha256:[0-9a-f]{64}$/;

/**
 * `security/image-digest` and `security/image-pull-policy` on every container of a pod. An image that comes from a
 * parameter (`{{…}}`) cannot be judged here: the template's caller decides it.
 */
export function checkImages(pod: PodView, report: Report): void {
  for (const c of pod.containers) {
    const image = c.container.image;
    if (typeof image !== 'string' || image.includes('{{')) continue;
    const pinned = DIGEST.test(image);
    if (!pinned)
      report({
        rule: 'image-digest',
        path: `${c.path}/image`,
        template: pod.templateName,
        message: `container '${c.name}' image '${image}' is not pinned by digest`,
      });
    const policy = c.container.imagePullPolicy;
    const mutable = !pinned && (!/:[\w.-]+$/.test(image.slice(image.lastIndexOf('/') + 1)) || /:latest$/.test(image));
    if (mutable && (policy === 'IfNotPresent' || policy === 'Never'))
      report({
        rule: 'image-pull-policy',
        path: `${c.path}/imagePullPolicy`,
        template: pod.templateName,
        message: `container '${c.name}' uses ${policy} with the mutable image '${image}'`,
      });
  }
}

/**
 * `security/automount-token`: a pod that mounts an API token although nothing says it calls the API. A template that
 * names its own ServiceAccount declares that it does; the others inherit the workflow's (or the namespace default)
 * and should not get a token (Argo's executor then uses `executor.serviceAccountName`).
 */
export function checkAutomount(
  pod: PodView,
  workflowAccount: string | undefined,
  executorAccount: boolean,
  report: Report,
): void {
  if (pod.automountServiceAccountToken === false) {
    const own = pod.template.executor as { serviceAccountName?: unknown } | undefined;
    if (!executorAccount && !(typeof own?.serviceAccountName === 'string' && own.serviceAccountName !== ''))
      report({
        rule: 'executor-account',
        path: pod.templatePath,
        template: pod.templateName,
        message: 'automountServiceAccountToken is false and no executor.serviceAccountName is set',
      });
    return;
  }
  if (typeof pod.template.serviceAccountName === 'string' && pod.template.serviceAccountName !== '') return;
  const from = workflowAccount ? `the workflow's ServiceAccount '${workflowAccount}'` : 'the default ServiceAccount';
  report({
    rule: 'automount-token',
    path: pod.templatePath,
    template: pod.templateName,
    message: `the pod mounts an API token of ${from}, and the template declares no API access`,
  });
}

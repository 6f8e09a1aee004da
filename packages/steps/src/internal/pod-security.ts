import { securityException } from '@argo-gen/model';
import { type ImageName, images, UNPINNED } from '../images.js';

/**
 * The container securityContext of the Pod Security Standards' "restricted" level: no privilege escalation, no
 * capabilities, a non-root user, the runtime's default seccomp profile. `runAsUser` is the image's own non-root user,
 * given as a number so that the kubelet can check runAsNonRoot even where the image names its user.
 */
export function restricted(runAsUser: number) {
  return {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    runAsUser,
    runAsGroup: runAsUser,
    seccompProfile: { type: 'RuntimeDefault' },
  } as const;
}

/**
 * For steps that never call the Kubernetes API: no token in the step's container. Argo's executor (the wait
 * container, which records outputs as WorkflowTaskResults) then uses the token of `executor.serviceAccountName`,
 * which Argo requires whenever the token is not mounted: given here for this template, or else by the workflow's
 * `spec.executor` (`security/executor-account` reports a pod that has neither).
 */
export function noApiToken(executorServiceAccountName: string | undefined) {
  return {
    automountServiceAccountToken: false,
    ...(executorServiceAccountName ? { executor: { serviceAccountName: executorServiceAccountName } } : {}),
  } as const;
}

/** The exception annotation for a default image that is not yet pinned by digest (images.ts `UNPINNED`). */
export function unpinnedImage(name: ImageName, image: string | undefined): Readonly<Record<string, string>> {
  const why = UNPINNED[name];
  return image === undefined && why ? securityException('image-digest', why) : {};
}

export { images };

import type { Severity } from '../issue.js';

/** Which Pod Security Standards level a pod-security rule belongs to (https://kubernetes.io/docs/concepts/security/pod-security-standards/). */
export type PodSecurityLevel = 'baseline' | 'restricted';

/** One security rule: its stable code, default severity, the one-line reason it exists and the fix it suggests. */
export interface SecurityRule {
  readonly code: `security/${string}`;
  readonly severity: Severity;
  readonly reason: string;
  readonly fix: string;
  /** Pod-security rules apply from this level up (`--pod-security`); other rules always apply. */
  readonly level?: PodSecurityLevel;
}

const rule = (r: SecurityRule): SecurityRule => r;

/**
 * Every security rule, by short name (the part after `security/`). The README's "Security" section lists the same
 * table; `test/security/catalog.test.ts` checks that they agree.
 */
export const SECURITY_RULES = {
  injection: rule({
    code: 'security/injection',
    severity: 'error',
    reason: 'a parameter, task output or item is substituted as text into a script, a shell command or JSON/YAML',
    fix: 'pass it as an environment variable or a file, or constrain it with an enum',
  }),
  'secret-literal': rule({
    code: 'security/secret-literal',
    severity: 'error',
    reason: 'a value that looks like a credential is written literally in the spec',
    fix: 'read it from a Secret (env valueFrom.secretKeyRef or a secret volume)',
  }),
  privileged: rule({
    code: 'security/privileged',
    severity: 'error',
    level: 'baseline',
    reason: 'a privileged container has every capability and the host devices',
    fix: 'remove securityContext.privileged',
  }),
  'host-namespaces': rule({
    code: 'security/host-namespaces',
    severity: 'error',
    level: 'baseline',
    reason: "hostNetwork, hostPID or hostIPC share the node's namespaces with the pod",
    fix: 'remove hostNetwork/hostPID/hostIPC',
  }),
  'host-path': rule({
    code: 'security/host-path',
    severity: 'error',
    level: 'baseline',
    reason: "a hostPath volume exposes the node's file system to the pod",
    fix: 'use an emptyDir, a PersistentVolumeClaim, a ConfigMap or a Secret instead',
  }),
  'host-ports': rule({
    code: 'security/host-ports',
    severity: 'error',
    level: 'baseline',
    reason: "a hostPort binds a port of the node's network",
    fix: 'remove hostPort; reach the pod through a Service',
  }),
  capabilities: rule({
    code: 'security/capabilities',
    severity: 'error',
    level: 'baseline',
    reason: 'a container adds Linux capabilities beyond what the policy allows',
    fix: "drop ['ALL'] and add back only NET_BIND_SERVICE (restricted) or the baseline set",
  }),
  'proc-mount': rule({
    code: 'security/proc-mount',
    severity: 'error',
    level: 'baseline',
    reason: 'an Unmasked procMount exposes host /proc paths',
    fix: 'remove securityContext.procMount',
  }),
  'privilege-escalation': rule({
    code: 'security/privilege-escalation',
    severity: 'error',
    level: 'restricted',
    reason: 'a container may gain more privileges than its parent process (setuid binaries)',
    fix: 'set securityContext.allowPrivilegeEscalation: false on every container',
  }),
  'run-as-root': rule({
    code: 'security/run-as-root',
    severity: 'error',
    level: 'restricted',
    reason: 'a container may run as root (runAsNonRoot is not true, or runAsUser is 0)',
    fix: 'set securityContext.runAsNonRoot: true (and a non-zero runAsUser if the image has no USER)',
  }),
  seccomp: rule({
    code: 'security/seccomp',
    severity: 'error',
    level: 'restricted',
    reason: 'no seccomp profile (or Unconfined) leaves every system call open',
    fix: 'set securityContext.seccompProfile.type: RuntimeDefault on the pod',
  }),
  'volume-types': rule({
    code: 'security/volume-types',
    severity: 'error',
    level: 'restricted',
    reason:
      'the restricted policy allows only configMap, csi, downwardAPI, emptyDir, ephemeral, PVC, projected and secret volumes',
    fix: 'use one of the allowed volume types',
  }),
  'image-digest': rule({
    code: 'security/image-digest',
    severity: 'warning',
    reason: 'an image pinned by tag can change under the same name',
    fix: 'pin it by digest: registry/name:tag@sha256:…',
  }),
  'image-pull-policy': rule({
    code: 'security/image-pull-policy',
    severity: 'warning',
    reason: 'imagePullPolicy IfNotPresent/Never with a mutable tag runs whatever image the node cached under that tag',
    fix: 'pin the image by digest, or use imagePullPolicy: Always',
  }),
  'automount-token': rule({
    code: 'security/automount-token',
    severity: 'warning',
    reason: 'the pod gets an API token it does not need (it runs as the workflow-level or default ServiceAccount)',
    fix: 'set automountServiceAccountToken: false (with executor.serviceAccountName), or give the template its own ServiceAccount if it calls the API',
  }),
  'executor-account': rule({
    code: 'security/executor-account',
    severity: 'error',
    reason:
      'without an API token in the pod, Argo needs executor.serviceAccountName for its executor, or refuses to create the pod',
    fix: 'set executor.serviceAccountName on the template or in the workflow spec',
  }),
  'exception-reason': rule({
    code: 'security/exception-reason',
    severity: 'error',
    reason: 'a security exception annotation must say why the exception is safe',
    fix: 'give the annotation a non-empty reason',
  }),
} as const satisfies Record<string, SecurityRule>;

export type SecurityRuleName = keyof typeof SECURITY_RULES;

export function isSecurityRuleName(name: string): name is SecurityRuleName {
  return Object.hasOwn(SECURITY_RULES, name);
}

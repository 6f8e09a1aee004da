import { isObject } from '../lint/document.js';
import type { PodSecurityLevel } from './catalog.js';
import type { Finding, Report } from './finding.js';
import { listAt, objectAt, type PodView } from './pods.js';

/** Capabilities the baseline level lets a container add (Pod Security Standards, "Capabilities"). */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

const RESTRICTED_VOLUMES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/**
 * The Pod Security Standards checks on one pod (https://kubernetes.io/docs/concepts/security/pod-security-standards/),
 * baseline then restricted; which of them count is the caller's choice of level. Argo's own init and wait containers
 * take their securityContext from the controller's executor configuration, not from the workflow, so they are not seen
 * here.
 */
export function checkPod(pod: PodView, report: Report): void {
  const template = pod.templateName;
  const say = (rule: Finding['rule'], path: string, message: string, level?: PodSecurityLevel) =>
    report({ rule, path, message, template, ...(level ? { level } : {}) });
  for (const h of pod.hostNamespaces) say('host-namespaces', h.path, `${h.value} is true`);
  for (const v of pod.volumes) {
    if (isObject(v.value.hostPath))
      say('host-path', v.path, `volume '${String(v.value.name)}' is a hostPath (${String(v.value.hostPath.path)})`);
    const type = Object.keys(v.value).find((k) => k !== 'name');
    if (type && !RESTRICTED_VOLUMES.includes(type) && type !== 'hostPath')
      say('volume-types', v.path, `volume '${String(v.value.name)}' is of type ${type}`);
  }
  const podContext = pod.securityContext.value;
  const podNonRoot = podContext.runAsNonRoot === true;
  if (podContext.runAsUser === 0) say('run-as-root', pod.securityContext.path, 'the pod runs as user 0');
  const podSeccomp = seccompType(podContext);
  if (podSeccomp === 'Unconfined')
    say('seccomp', pod.securityContext.path, 'the pod seccomp profile is Unconfined', 'baseline');
  for (const c of pod.containers) {
    const sc = c.securityContext;
    const at = c.securityContextPath;
    const who = `container '${c.name}'`;
    if (sc.privileged === true) say('privileged', at, `${who} is privileged`);
    if (sc.procMount !== undefined && sc.procMount !== 'Default')
      say('proc-mount', at, `${who} has procMount ${String(sc.procMount)}`);
    for (const p of listAt(c.container.ports))
      if (typeof p.hostPort === 'number' && p.hostPort !== 0)
        say('host-ports', c.path, `${who} binds hostPort ${p.hostPort}`);
    const caps = objectAt(sc.capabilities);
    const added = Array.isArray(caps.add) ? caps.add.map(String) : [];
    const beyondBaseline = added.filter((a) => !BASELINE_CAPABILITIES.has(a));
    if (beyondBaseline.length > 0) say('capabilities', at, `${who} adds ${beyondBaseline.join(', ')}`);
    else {
      const dropped = Array.isArray(caps.drop) ? caps.drop.map(String) : [];
      const beyondRestricted = added.filter((a) => a !== 'NET_BIND_SERVICE');
      if (!dropped.includes('ALL')) say('capabilities', at, `${who} does not drop ALL capabilities`, 'restricted');
      else if (beyondRestricted.length > 0)
        say(
          'capabilities',
          at,
          `${who} adds ${beyondRestricted.join(', ')} (restricted allows only NET_BIND_SERVICE)`,
          'restricted',
        );
    }
    if (sc.allowPrivilegeEscalation !== false)
      say('privilege-escalation', at, `${who} does not set allowPrivilegeEscalation: false`);
    if (sc.runAsUser === 0) say('run-as-root', at, `${who} runs as user 0`);
    else if (sc.runAsNonRoot === false || (!podNonRoot && sc.runAsNonRoot !== true))
      say('run-as-root', at, `${who} does not set runAsNonRoot: true (nor does the pod)`);
    const own = seccompType(sc);
    if (own === 'Unconfined') say('seccomp', at, `${who} seccomp profile is Unconfined`, 'baseline');
    else if (own === undefined && podSeccomp === undefined)
      say('seccomp', at, `${who} has no seccomp profile (nor does the pod): set RuntimeDefault`);
  }
}

function seccompType(context: Record<string, unknown>): string | undefined {
  const profile = objectAt(context.seccompProfile);
  return typeof profile.type === 'string' ? profile.type : undefined;
}

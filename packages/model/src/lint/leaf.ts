import type { Template, VolumeMount, WorkflowSpec } from '../gen/types.gen.js';
import type { ArgoVersion } from '../versions/target-version.js';
import { isPlaceholder, list, type Sink, type TemplateAt } from './document.js';
import { findCycle } from './graph.js';
import { checkManifest } from './manifest.js';
import { checkFieldNames } from './names.js';
import { withTemplateDefaults } from './template-defaults.js';

/** How a user's container name meets Argo's own containers of the pod, and what we report. */
interface Reserved {
  readonly severity: 'error' | 'warning';
  /** Follows `<field>: "<name>"`. */
  readonly message: string;
}

/**
 * Argo's own containers in a pod (`common.IsArgoSidecar`, workflow/common/common.go), by Argo line: `wait` in every
 * line; the artifact plugins' `artifact-plugin-*` sidecars from 4.0; the init-less layout's `supervisor` from 4.1.
 * Only Argo 4.1's validator refuses them. Before 4.1 a user's container named `wait` meets the executor's in one pod,
 * which the API server refuses when the controller creates it, so the node fails at run time (an error, though
 * `argo lint` passes it); Argo 4.0's controller takes an `artifact-plugin-*` container for one of its own plugin
 * sidecars (workflowpod.go: its command is not wrapped by the executor, the main container's mounts are mirrored into
 * it), which need not fail (a warning).
 */
export function reservedContainer(name: string, argoVersion: ArgoVersion): Reserved | undefined {
  const reserved = 'is a reserved Argo container name';
  if (argoVersion === '4.1')
    return name === 'wait' || name === 'supervisor' || name.startsWith('artifact-plugin-')
      ? { severity: 'error', message: reserved }
      : undefined;
  if (name === 'wait')
    return {
      severity: 'error',
      message: `${reserved} (Argo ${argoVersion} accepts the document; the pod fails at run time)`,
    };
  if (argoVersion === '4.0' && name.startsWith('artifact-plugin-'))
    return {
      severity: 'warning',
      message:
        "is the name of Argo's artifact plugin sidecars: Argo 4.0's controller takes the container for its own (does " +
        "not run its command under the executor, mirrors the main container's mounts into it); Argo 4.1 refuses the name",
    };
  return undefined;
}

function reportReserved(sink: Sink, path: string, field: string, name: string, r: Reserved): void {
  const message = `${field}: "${name}" ${r.message}`;
  if (r.severity === 'error') sink.error('lint/reserved-container-name', path, message);
  else sink.warn('lint/reserved-container-name', path, message);
}

/** The main container of a container or script template's pod (`common.MainContainerName`). */
const MAIN = 'main';

const RESOURCE_ACTIONS = ['get', 'create', 'apply', 'delete', 'replace', 'patch'];

/** Templates that run something (argo-validation-rules.md §7, rules 52–56). */
export function checkLeaf(
  sink: Sink,
  at: TemplateAt,
  spec: WorkflowSpec,
  argoVersion: ArgoVersion,
  yamlProblem?: (text: string) => string | undefined,
): void {
  const { template: t, path } = at;
  // What the controller runs: spec.templateDefaults merged under the template (the validator asks the same of image).
  const run = spec.templateDefaults === undefined ? t : withTemplateDefaults(t, spec.templateDefaults);
  if (t.container && !run.container?.image)
    sink.error(
      'lint/missing-image',
      `${path}/container`,
      'container.image may not be empty (set it here or in spec.templateDefaults.container.image)',
    );
  if (t.script && !run.script?.image)
    sink.error(
      'lint/missing-image',
      `${path}/script`,
      'script.image may not be empty (set it here or in spec.templateDefaults.script.image)',
    );
  if (t.script && !run.script?.source)
    sink.warn(
      'lint/empty-script-source',
      `${path}/script`,
      "script.source is empty: the pod runs the image's command without a script (the controller logs \"suggest change template into 'container'\")",
    );
  // Mounts clash only where there are some: most containers have none, and this runs for every template.
  if (t.container?.volumeMounts?.length)
    checkMounts(sink, t, list(t.container.volumeMounts), `${path}/container`, 'container');
  const podContainers = t.containerSet ? list(t.containerSet.containers).map((c) => c?.name) : [MAIN];
  list(t.sidecars).forEach((s, i) => {
    const reserved = s && reservedContainer(s.name, argoVersion);
    if (s && reserved) reportReserved(sink, `${path}/sidecars/${i}/name`, 'sidecars', s.name, reserved);
    if (reserved?.severity === 'error') return;
    if (s && (t.container || t.script || t.containerSet) && podContainers.includes(s.name))
      sink.error(
        'lint/reserved-container-name',
        `${path}/sidecars/${i}/name`,
        `sidecars: "${s.name}" is the name of a container the template runs; the pod cannot be created (fails at run time)`,
      );
  });
  if (t.containerSet) checkContainerSet(sink, t, `${path}/containerSet`, argoVersion);
  const r = t.resource;
  if (r) {
    const rp = `${path}/resource`;
    if (!RESOURCE_ACTIONS.includes(r.action) && !isPlaceholder(r.action))
      sink.error(
        'lint/invalid-resource',
        `${rp}/action`,
        `resource.action must be one of: ${RESOURCE_ACTIONS.join(', ')} (got '${r.action}')`,
      );
    if (r.action !== 'get' && r.action !== 'delete') {
      if (!r.manifest && !r.manifestFrom)
        sink.error('lint/invalid-resource', rp, 'either resource.manifest or resource.manifestFrom must be specified');
      if (r.manifest && yamlProblem) checkManifest(sink, r.manifest, `${rp}/manifest`, yamlProblem);
    }
    if (r.manifest && r.manifestFrom)
      sink.error(
        'lint/invalid-resource',
        rp,
        "shouldn't have both `manifest` and `manifestFrom` specified in `Manifest` for resource template",
      );
    const from = r.manifestFrom?.artifact?.name;
    if (from && !list(t.inputs?.artifacts).some((a) => a?.name === from))
      sink.error(
        'lint/invalid-resource',
        `${rp}/manifestFrom/artifact/name`,
        `artifact ${from} in \`manifestFrom\` refer to a non-exist artifact`,
      );
  }
}

/** Two volume mounts, or an input artifact and a mount, at one path (rule 52). */
function checkMounts(sink: Sink, t: Template, mounts: readonly VolumeMount[], path: string, field: string): void {
  const seen = new Map<string, string>();
  mounts.forEach((m, i) => {
    if (!m?.mountPath) return;
    const here = `${field}.volumeMounts[${i}]`;
    const first = seen.get(m.mountPath);
    if (first !== undefined)
      sink.error(
        'lint/duplicate-mount-path',
        `${path}/volumeMounts/${i}/mountPath`,
        `${here}.mountPath '${m.mountPath}' already mounted in ${first}`,
      );
    else seen.set(m.mountPath, here);
  });
  list(t.inputs?.artifacts).forEach((a, i) => {
    const first = a?.path ? seen.get(a.path) : undefined;
    if (first !== undefined)
      sink.error(
        'lint/duplicate-mount-path',
        `${path.replace(/\/(container|containerSet)$/, '')}/inputs/artifacts/${i}/path`,
        `inputs.artifacts[${i}].path '${a?.path}' already mounted in ${first}`,
      );
  });
}

/** containerSet: containers, their names and dependency graph, `main` for inputs/outputs, no `wait` (rule 54). */
function checkContainerSet(sink: Sink, t: Template, path: string, argoVersion: ArgoVersion): void {
  const set = t.containerSet;
  if (!set) return;
  const containers = list(set.containers);
  if (containers.length === 0)
    sink.error('lint/empty-container-set', `${path}/containers`, 'containers must have at least one container');
  checkFieldNames(sink, containers, (i) => `${path}/containers/${i}`, 'container');
  checkMounts(sink, t, list(set.volumeMounts), path, 'containerSet');
  const names = new Set(containers.map((c) => c?.name));
  containers.forEach((c, i) => {
    if (!c) return;
    list(c.dependencies).forEach((dep, j) => {
      if (!names.has(dep))
        sink.error(
          'lint/unknown-dependency',
          `${path}/containers/${i}/dependencies/${j}`,
          `containers.${c.name} dependency '${dep}' not defined`,
        );
    });
    const reserved = reservedContainer(c.name, argoVersion);
    if (reserved) reportReserved(sink, `${path}/containers/${i}/name`, 'containers', c.name, reserved);
  });
  const byName = new Map(containers.filter(Boolean).map((c) => [c.name, c]));
  const cycle = findCycle([...byName.keys()], (n) => list(byName.get(n)?.dependencies).filter((x) => byName.has(x)));
  if (cycle) {
    const i = containers.findIndex((c) => c?.name === cycle[0]);
    sink.error(
      'lint/dag-cycle',
      `${path}/containers/${i}/dependencies`,
      `containers dependency cycle detected: ${cycle.join(' -> ')}`,
    );
  }
  const needsMain =
    list(t.inputs?.artifacts).length > 0 ||
    list(t.outputs?.parameters).length > 0 ||
    list(t.outputs?.artifacts).length > 0;
  if (needsMain && !names.has('main'))
    sink.error(
      'lint/missing-main-container',
      `${path}/containers`,
      'containers must have a container named "main" for input or output',
    );
}

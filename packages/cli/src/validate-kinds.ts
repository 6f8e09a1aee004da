import { InvalidArgumentError } from 'commander';

/**
 * `validate --kinds`, as `argo lint --kinds`: which kinds of document are checked and reported (default: all). The
 * others are still read, so WorkflowTemplates that are not reported still resolve templateRefs. Argo's names are its
 * plurals; the singular and the kind itself are accepted too.
 */
const KINDS: Readonly<Record<string, string>> = {
  workflows: 'Workflow',
  workflowtemplates: 'WorkflowTemplate',
  cronworkflows: 'CronWorkflow',
  clusterworkflowtemplates: 'ClusterWorkflowTemplate',
  // Not in argo lint, which does not check event bindings; argo-gen validate does.
  workfloweventbindings: 'WorkflowEventBinding',
};

/** `workflows,cronworkflows` → the kinds; `all` → every kind. Commander reports a bad value (exit 2). */
export function parseKinds(value: string): readonly string[] {
  const kinds = new Set<string>();
  for (const raw of value.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === 'all') return Object.values(KINDS);
    const kind = KINDS[name] ?? KINDS[`${name}s`];
    if (!kind)
      throw new InvalidArgumentError(`unknown kind '${raw.trim()}'; use all or ${Object.keys(KINDS).join(', ')}`);
    kinds.add(kind);
  }
  return [...kinds];
}

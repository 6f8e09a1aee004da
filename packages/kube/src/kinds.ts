/** The Argo resources argo-gen reads and writes, with the names the API and the command line use for them. */
export type ResourceKind =
  | 'Workflow'
  | 'WorkflowTemplate'
  | 'ClusterWorkflowTemplate'
  | 'CronWorkflow'
  | 'WorkflowEventBinding';

export interface Resource {
  readonly kind: ResourceKind;
  /** The URL segment: `workflowtemplates`. */
  readonly plural: string;
  /** How kubectl prints it: `workflowtemplate/hello`. */
  readonly singular: string;
  readonly namespaced: boolean;
  /** Short names accepted on the command line (Argo's own CRD short names). */
  readonly short: readonly string[];
}

export const ARGO_GROUP = 'argoproj.io';
export const ARGO_VERSION = 'v1alpha1';

export const RESOURCES: Readonly<Record<ResourceKind, Resource>> = {
  Workflow: { kind: 'Workflow', plural: 'workflows', singular: 'workflow', namespaced: true, short: ['wf'] },
  WorkflowTemplate: {
    kind: 'WorkflowTemplate',
    plural: 'workflowtemplates',
    singular: 'workflowtemplate',
    namespaced: true,
    short: ['wftmpl'],
  },
  ClusterWorkflowTemplate: {
    kind: 'ClusterWorkflowTemplate',
    plural: 'clusterworkflowtemplates',
    singular: 'clusterworkflowtemplate',
    namespaced: false,
    short: ['clusterwftmpl', 'cwft'],
  },
  CronWorkflow: {
    kind: 'CronWorkflow',
    plural: 'cronworkflows',
    singular: 'cronworkflow',
    namespaced: true,
    short: ['cwf', 'cronwf'],
  },
  WorkflowEventBinding: {
    kind: 'WorkflowEventBinding',
    plural: 'workfloweventbindings',
    singular: 'workfloweventbinding',
    namespaced: true,
    short: ['wfeb'],
  },
};

/** Kinds that `apply` manages; Workflows are created by `submit` (they usually have a generated name). */
export const APPLICABLE: ReadonlySet<ResourceKind> = new Set([
  'WorkflowTemplate',
  'ClusterWorkflowTemplate',
  'CronWorkflow',
  'WorkflowEventBinding',
]);

/** `wf`, `workflow`, `workflows`, `Workflow` → the Workflow resource; undefined for anything else. */
export function resolveKind(name: string): Resource | undefined {
  const n = name.toLowerCase();
  return Object.values(RESOURCES).find(
    (r) => r.kind.toLowerCase() === n || r.singular === n || r.plural === n || r.short.includes(n),
  );
}

export function isResourceKind(kind: unknown): kind is ResourceKind {
  return typeof kind === 'string' && Object.hasOwn(RESOURCES, kind);
}

/** A reference to one object: enough to name it in messages and to build its URL. */
export interface ObjectRef {
  readonly kind: ResourceKind;
  readonly name: string;
  /** Absent for cluster-scoped kinds. */
  readonly namespace?: string;
}

/** `workflowtemplate/hello`, as kubectl prints it. */
export function refName(ref: { readonly kind: ResourceKind; readonly name: string }): string {
  return `${RESOURCES[ref.kind].singular}/${ref.name}`;
}

/** `workflowtemplate/hello in namespace 'ci'`: the subject of every message about an object. */
export function describeRef(ref: ObjectRef): string {
  return ref.namespace ? `${refName(ref)} in namespace '${ref.namespace}'` : refName(ref);
}

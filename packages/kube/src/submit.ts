import { ARGO_API_VERSION, ArgoGenError, issue } from '@argo-gen/model';
import type { Kube } from './client.js';
import type { ObjectRef } from './kinds.js';
import type { ArgoObject } from './object.js';
import { checkParameters, declaredParameters, type GivenParameters } from './parameters.js';

export interface FromTemplateOptions {
  /** Default: the template's name and a dash. */
  readonly generateName?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A Workflow that runs a (Cluster)WorkflowTemplate through `workflowTemplateRef`, with the given arguments. */
export function workflowFromTemplate(
  template: Pick<ObjectRef, 'kind' | 'name'>,
  params: GivenParameters,
  options: FromTemplateOptions = {},
): ArgoObject {
  const parameters = [...params].map(([name, value]) => ({ name, value }));
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'Workflow',
    metadata: {
      generateName: options.generateName ?? `${template.name}-`,
      ...(options.labels ? { labels: options.labels } : {}),
    },
    spec: {
      workflowTemplateRef: {
        name: template.name,
        ...(template.kind === 'ClusterWorkflowTemplate' ? { clusterScope: true } : {}),
      },
      ...(parameters.length ? { arguments: { parameters } } : {}),
    },
  };
}

/**
 * Looks the template up on the cluster, checks the parameters against its declared arguments and returns the
 * Workflow to create. Nothing is created here: a wrong parameter fails before any write request.
 */
export async function prepareFromTemplate(
  kube: Kube,
  template: ObjectRef,
  params: GivenParameters,
  options: FromTemplateOptions = {},
): Promise<ArgoObject> {
  const found = await kube.get(template);
  const what = `${template.kind === 'ClusterWorkflowTemplate' ? 'clusterworkflowtemplate' : 'workflowtemplate'}/${template.name}`;
  const problems = checkParameters(declaredParameters(found), params, what);
  if (problems.length > 0) throw new ArgoGenError(problems);
  return workflowFromTemplate(template, params, options);
}

/**
 * A full Workflow with `-p` values: each must name a parameter its `spec.arguments` declares (Argo would ignore an
 * unknown one silently); the value replaces the declared one.
 */
export function withParameters(workflow: ArgoObject, params: GivenParameters, what: string): ArgoObject {
  const declared = declaredParameters(workflow);
  const problems = checkParameters(declared, params, what);
  if (problems.length > 0) throw new ArgoGenError(problems);
  if (params.size === 0) return workflow;
  const spec = (workflow.spec ?? {}) as { arguments?: Record<string, unknown> };
  const parameters = declared.map((p) => {
    const v = params.get(p.name);
    if (v === undefined) return p;
    const { valueFrom: _v, default: _d, ...rest } = p;
    return { ...rest, value: v };
  });
  return { ...workflow, spec: { ...spec, arguments: { ...spec.arguments, parameters } } };
}

/** Creates the Workflow (`generateName` allowed) and returns it as stored, with its generated name. */
export async function submitWorkflow(
  kube: Kube,
  workflow: ArgoObject,
  options: { namespace?: string; dryRun?: boolean } = {},
): Promise<ArgoObject> {
  if (workflow.kind !== 'Workflow')
    throw new ArgoGenError([
      issue('kube/not-submittable', '', `submit needs a Workflow (got ${String(workflow.kind)})`),
    ]);
  const own = workflow.metadata?.namespace;
  if (own && options.namespace && own !== options.namespace)
    throw new ArgoGenError([
      issue('kube/not-submittable', '', `the Workflow's namespace '${own}' does not match -n '${options.namespace}'`),
    ]);
  const namespace = own ?? options.namespace ?? kube.namespace;
  return kube.create('Workflow', namespace, workflow, { dryRun: options.dryRun });
}

/**
 * What `simulate` is given, made into what it runs: a DSL value is synthesised (with `synth` of @argo-gen/dsl), a
 * decoded document is taken as it is; a CronWorkflow runs its `workflowSpec`, a WorkflowTemplate runs as a Workflow
 * that references it would, and a Workflow's `workflowTemplateRef` is merged under the Workflow's own spec.
 */
import { synth, type WorkflowLike } from '@argo-gen/dsl';
import { ArgoGenError, issue } from '@argo-gen/model';
import type { Library, Template, TemplateBase } from './templates.js';

export type Doc = Readonly<Record<string, unknown>> & {
  readonly kind?: string;
  readonly metadata?: {
    readonly name?: string;
    readonly generateName?: string;
    readonly namespace?: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly spec?: Readonly<Record<string, unknown>>;
};

const WORKFLOW_KINDS = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'];

/** A DSL value has the kind of a workflow, no apiVersion, and the options it was built with. */
function isDslValue(value: object): value is WorkflowLike {
  const v = value as { kind?: unknown; apiVersion?: unknown; options?: unknown };
  return typeof v.kind === 'string' && WORKFLOW_KINDS.includes(v.kind) && v.apiVersion === undefined && 'options' in v;
}

export function toDocument(value: unknown, what: string): Doc {
  if (typeof value === 'object' && value !== null) {
    if (isDslValue(value)) return synth(value, { lint: false }) as unknown as Doc;
    const kind = (value as Doc).kind;
    if (typeof kind === 'string' && WORKFLOW_KINDS.includes(kind)) return value as Doc;
  }
  throw new ArgoGenError([
    issue(
      'simulate-input',
      '',
      `${what} is not a Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow (a DSL value or a decoded document)`,
    ),
  ]);
}

export function libraryOf(docs: readonly Doc[]): Library {
  const namespaced = new Map<string, TemplateBase>();
  const cluster = new Map<string, TemplateBase>();
  for (const doc of docs) {
    const name = doc.metadata?.name;
    if (!name) continue;
    const templates = (doc.spec?.templates ?? []) as Template[];
    if (doc.kind === 'WorkflowTemplate')
      namespaced.set(name, { scope: 'namespaced', name, templates, ...(doc.spec ? { spec: doc.spec } : {}) });
    if (doc.kind === 'ClusterWorkflowTemplate')
      cluster.set(name, { scope: 'cluster', name, templates, ...(doc.spec ? { spec: doc.spec } : {}) });
  }
  return { namespaced, cluster };
}

type Spec = Readonly<Record<string, unknown>>;

interface ParamList {
  readonly parameters?: readonly { readonly name: string; readonly [k: string]: unknown }[];
}

/** Arguments merged by parameter name, `over` winning (how a Workflow's arguments override its template's). */
function mergeArguments(under: unknown, over: unknown): ParamList | undefined {
  const a = (under ?? {}) as ParamList;
  const b = (over ?? {}) as ParamList;
  if (!a.parameters && !b.parameters) return (over ?? under) as ParamList | undefined;
  const byName = new Map((a.parameters ?? []).map((p) => [p.name, p]));
  for (const p of b.parameters ?? []) byName.set(p.name, { ...byName.get(p.name), ...p });
  return { ...a, ...b, parameters: [...byName.values()] };
}

/** The spec the run executes, or why it cannot be had. */
export function workflowSpecOf(doc: Doc, library: Library): { ok: true; spec: Spec } | { ok: false; reason: string } {
  const spec = (doc.kind === 'CronWorkflow' ? doc.spec?.workflowSpec : doc.spec) as Spec | undefined;
  if (!spec)
    return {
      ok: false,
      reason: `the ${doc.kind} has no ${doc.kind === 'CronWorkflow' ? 'spec.workflowSpec' : 'spec'}`,
    };
  const ref = spec.workflowTemplateRef as { name?: string; clusterScope?: boolean } | undefined;
  if (!ref?.name) return { ok: true, spec };
  const owner = (ref.clusterScope ? library.cluster : library.namespaced).get(ref.name);
  const kind = ref.clusterScope ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate';
  if (!owner)
    return {
      ok: false,
      reason: `workflowTemplateRef: ${kind} '${ref.name}' was not given (pass it in options.templates)`,
    };
  const templateSpec = owner.spec ?? { templates: owner.templates };
  const { workflowTemplateRef: _ref, ...own } = spec;
  return {
    ok: true,
    spec: {
      ...templateSpec,
      ...own,
      templates: [...((own.templates ?? []) as Template[]), ...((templateSpec.templates ?? []) as Template[])],
      arguments: mergeArguments(templateSpec.arguments, own.arguments),
    },
  };
}

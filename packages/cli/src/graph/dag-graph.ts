import type * as model from '@argo-gen/model';
import { ArgoGenError, issue, quote } from '@argo-gen/model';

/** A drawable graph of one DAG or steps template, independent of the output syntax. */
export interface Graph {
  readonly title: string;
  readonly nodes: readonly { readonly id: string; readonly label: string; readonly note?: string }[];
  readonly edges: readonly {
    readonly from: string;
    readonly to: string;
    readonly label?: string;
    readonly failure: boolean;
  }[];
}

const ATOM =
  /(!?)\(?\s*([A-Za-z0-9][-A-Za-z0-9]*)(?:\.(Succeeded|Failed|Errored|Skipped|Omitted|Daemoned|AnySucceeded|AllFailed))?/g;
const FAILURE = new Set(['Failed', 'Errored', 'AllFailed']);

/** The graph of the named template (default: the entrypoint) of an Argo document. */
export function graphOf(doc: unknown, templateName?: string): Graph {
  const spec = specOf(doc);
  const name = templateName ?? spec?.entrypoint;
  const template = spec?.templates?.find((t) => t.name === name);
  if (!template) {
    const known = (spec?.templates ?? []).map((t) => t.name).join(', ');
    throw new ArgoGenError([
      name
        ? issue('graph/no-template', '', `no template ${quote(name)} (templates: ${known})`)
        : issue('graph/no-entrypoint', '', 'the document has no entrypoint; pass --template <name>'),
    ]);
  }
  if (template.dag) return dagGraph(template.name ?? '', template.dag.tasks);
  if (template.steps) return stepsGraph(template.name ?? '', template.steps);
  throw new ArgoGenError([
    issue('graph/not-a-graph', '', `template ${quote(template.name ?? '')} is neither a DAG nor a steps template`),
  ]);
}

function specOf(doc: unknown): model.WorkflowSpec | undefined {
  const d = doc as { kind?: string; spec?: model.WorkflowSpec & { workflowSpec?: model.WorkflowSpec } };
  return d.kind === 'CronWorkflow' ? d.spec?.workflowSpec : d.spec;
}

function calleeOf(t: model.DAGTask | model.WorkflowStep): string {
  if (t.templateRef) return `${t.templateRef.name}/${t.templateRef.template}`;
  return t.template ?? (t.inline ? 'inline' : '?');
}

function dagGraph(title: string, tasks: readonly model.DAGTask[]): Graph {
  const nodes = tasks.map((t) => ({
    id: t.name,
    label: t.name === calleeOf(t) ? t.name : `${t.name} (${calleeOf(t)})`,
    note: t.when ? `when ${t.when}` : undefined,
  }));
  const edges: Graph['edges'][number][] = [];
  for (const t of tasks) {
    for (const d of t.dependencies ?? []) edges.push({ from: d, to: t.name, failure: false });
    for (const m of (t.depends ?? '').matchAll(ATOM)) {
      const result = m[3];
      const label = result ? `${m[1] ? 'not ' : ''}${result}` : m[1] ? 'not done' : undefined;
      edges.push({ from: m[2] as string, to: t.name, label, failure: !m[1] && FAILURE.has(result ?? '') });
    }
  }
  return { title, nodes, edges: mergeEdges(edges) };
}

/** `a.Failed || a.Errored` is one branch to the reader: one arrow labelled `Failed / Errored`. */
function mergeEdges(edges: readonly Graph['edges'][number][]): Graph['edges'][number][] {
  const merged = new Map<string, { from: string; to: string; labels: string[]; failure: boolean }>();
  for (const e of edges) {
    const key = `${e.from}\u0000${e.to}`;
    const m = merged.get(key) ?? { from: e.from, to: e.to, labels: [], failure: true };
    if (e.label && !m.labels.includes(e.label)) m.labels.push(e.label);
    if (!e.label) m.labels.push('');
    m.failure &&= e.failure;
    merged.set(key, m);
  }
  return [...merged.values()].map((m) => {
    const labels = m.labels.filter(Boolean);
    const label = m.labels.includes('') || labels.length === 0 ? undefined : labels.join(' / ');
    return { from: m.from, to: m.to, failure: m.failure, ...(label ? { label } : {}) };
  });
}

function stepsGraph(title: string, groups: readonly (readonly model.WorkflowStep[])[]): Graph {
  const nodes = groups.flatMap((g) =>
    g.map((s) => ({
      id: s.name ?? '',
      label: `${s.name} (${calleeOf(s)})`,
      note: s.when ? `when ${s.when}` : undefined,
    })),
  );
  const edges: Graph['edges'][number][] = [];
  for (let i = 1; i < groups.length; i++) {
    for (const from of groups[i - 1] ?? [])
      for (const to of groups[i] ?? []) edges.push({ from: from.name ?? '', to: to.name ?? '', failure: false });
  }
  return { title, nodes, edges };
}

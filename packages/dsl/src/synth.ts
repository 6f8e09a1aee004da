import type * as model from '@argo-gen/model';
import {
  ARGO_API_VERSION,
  ArgoGenError,
  type Issue,
  issue,
  type SourceLocation,
  subjectOf,
  validateSchema,
} from '@argo-gen/model';
import { collectTemplates } from './collect.js';
import { isTask } from './dag.js';
import { type EventBindingValue, eventBindingSpec } from './event-binding.js';
import { deepFreeze } from './internal/freeze.js';
import { type ParamSpec, workflowSpecsOf } from './params.js';
import { isRef } from './ref.js';
import { renderTemplate } from './render.js';
import { isStep } from './steps.js';
import { render } from './tokens.js';
import type {
  CronWorkflowValue,
  WorkflowLike,
  WorkflowOptions,
  WorkflowTemplateValue,
  WorkflowValue,
} from './workflow.js';

export type Synthesized<W extends Synthesizable> = W extends EventBindingValue
  ? model.WorkflowEventBinding
  : W extends CronWorkflowValue
    ? model.CronWorkflow
    : W extends WorkflowValue
      ? model.Workflow
      : W extends WorkflowTemplateValue
        ? model.WorkflowTemplate | model.ClusterWorkflowTemplate
        : never;

/** Extra semantic checks run after the schema (the model's lint), injected so that synthesis stays one function. */
export type Linter = (doc: unknown) => readonly Issue[];

export interface SynthOptions {
  readonly lint?: Linter;
  /** Receives warnings (which never stop synthesis), located like errors. */
  readonly onWarning?: (warning: Issue) => void;
}

/**
 * DSL value → the generated model type, validated. Handles are rendered to `{{…}}`; the document is checked with
 * Argo's schema and the semantic lint; problems are reported with the TypeScript file and line of the template or
 * task that caused them. Bad input never yields a document.
 */
export function synth<W extends Synthesizable>(value: W, options: SynthOptions = {}): Synthesized<W> {
  const sources = new Map<string, SourceLocation>();
  const doc = assemble(value, sources);
  const problems: Issue[] = [];
  const rendered = renderTokens(doc, '', problems);
  const verdict = validateSchema(rendered);
  problems.push(...verdict.issues);
  if (verdict.status === 'valid' && options.lint) problems.push(...options.lint(rendered));
  const located = problems.map((i) => locate(i, rendered, sources, value.source));
  if (located.some((i) => i.severity === 'error')) throw new ArgoGenError(located);
  for (const w of located) options.onWarning?.(w);
  return deepFreeze(rendered) as Synthesized<W>;
}

/** Everything synth() accepts: the workflow kinds, and event bindings that submit them. */
export type Synthesizable = WorkflowLike | EventBindingValue;

function assemble(value: Synthesizable, sources: Map<string, SourceLocation>): Record<string, unknown> {
  const metadata = {
    ...('name' in value && value.name ? { name: value.name } : {}),
    ...('generateName' in value && value.generateName ? { generateName: value.generateName } : {}),
    ...(value.options.namespace ? { namespace: value.options.namespace } : {}),
    ...(value.options.labels ? { labels: value.options.labels } : {}),
    ...(value.options.annotations ? { annotations: value.options.annotations } : {}),
  };
  if (value.kind === 'WorkflowEventBinding') {
    return { apiVersion: ARGO_API_VERSION, kind: value.kind, metadata, spec: eventBindingSpec(value) };
  }
  const spec =
    value.kind === 'Workflow' && value.workflowTemplateRef
      ? referenceSpec(value)
      : workflowSpec(value.options, sources, value.kind === 'CronWorkflow' ? '/spec/workflowSpec' : '/spec');
  if (value.kind === 'CronWorkflow') {
    const c = value.cron;
    return {
      apiVersion: ARGO_API_VERSION,
      kind: value.kind,
      metadata,
      spec: {
        schedules: c.schedules,
        ...(c.timezone ? { timezone: c.timezone } : {}),
        ...(c.concurrencyPolicy ? { concurrencyPolicy: c.concurrencyPolicy } : {}),
        ...(c.startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds: c.startingDeadlineSeconds } : {}),
        ...(c.successfulJobsHistoryLimit !== undefined
          ? { successfulJobsHistoryLimit: c.successfulJobsHistoryLimit }
          : {}),
        ...(c.failedJobsHistoryLimit !== undefined ? { failedJobsHistoryLimit: c.failedJobsHistoryLimit } : {}),
        ...(c.suspend !== undefined ? { suspend: c.suspend } : {}),
        ...(c.stopExpression ? { stopStrategy: { expression: c.stopExpression } } : {}),
        ...(c.when ? { when: c.when } : {}),
        workflowSpec: spec,
      },
    };
  }
  return { apiVersion: ARGO_API_VERSION, kind: value.kind, metadata, spec };
}

function referenceSpec(w: WorkflowValue): Record<string, unknown> {
  const ref = w.workflowTemplateRef as NonNullable<WorkflowValue['workflowTemplateRef']>;
  return {
    workflowTemplateRef: { name: ref.name, ...(ref.clusterScope ? { clusterScope: true } : {}) },
    ...(w.arguments ? { arguments: w.arguments } : {}),
    ...((w.options.spec ?? {}) as object),
  };
}

function workflowSpec(o: WorkflowOptions, sources: Map<string, SourceLocation>, at: string): Record<string, unknown> {
  const templates = collectTemplates(o);
  templates.forEach((t, i) => {
    const base = `${at}/templates/${i}`;
    if (t.source) sources.set(base, t.source);
    if (t.body.type === 'dag') {
      t.body.tasks.forEach((e, j) => {
        if (isTask(e) && e.source) sources.set(`${base}/dag/tasks/${j}`, e.source);
      });
    }
    if (t.body.type === 'steps') {
      t.body.groups.forEach((g, gi) => {
        g.forEach((s, si) => {
          if (isStep(s) && s.source) sources.set(`${base}/steps/${gi}/${si}`, s.source);
        });
      });
    }
  });
  const params = Object.entries(workflowSpecsOf(o.params)).map(([name, s]) => workflowParameter(name, s));
  const artifacts = Object.entries(o.artifacts ?? {}).map(([name, a]) => ({ name, ...(a as object) }));
  const onExit = o.onExit ? (o.onExit.kind === 'templateRef' ? undefined : o.onExit.name) : undefined;
  const hooks = o.hooks
    ? Object.fromEntries(
        Object.entries(o.hooks).map(([k, h]) => [
          k,
          {
            template: h.template.kind === 'templateRef' ? h.template.template.name : h.template.name,
            ...(h.expression ? { expression: String(h.expression) } : {}),
          },
        ]),
      )
    : undefined;
  return {
    ...(o.entrypoint ? { entrypoint: o.entrypoint.name } : {}),
    ...(params.length || artifacts.length
      ? { arguments: { ...(params.length ? { parameters: params } : {}), ...(artifacts.length ? { artifacts } : {}) } }
      : {}),
    ...(onExit ? { onExit } : {}),
    ...(hooks ? { hooks } : {}),
    ...((o.spec ?? {}) as object),
    templates: templates.map(renderTemplate),
  };
}

function workflowParameter(name: string, s: ParamSpec): model.Parameter {
  return {
    name,
    ...(s.default !== undefined ? { value: String(s.default) } : {}),
    ...(s.enum ? { enum: s.enum.map(String) } : {}),
    ...(s.description ? { description: s.description } : {}),
    ...(s.valueFrom ? { valueFrom: s.valueFrom } : {}),
  };
}

/** Renders every handle token to `{{…}}`, drops undefined, and reports hand-written `{{` outside `raw()`. */
function renderTokens(value: unknown, at: string, problems: Issue[]): never {
  if (isRef(value)) return renderTokens(String(value), at, problems);
  if (typeof value === 'string') {
    const r = render(value);
    if (r.handWritten) {
      problems.push(
        issue(
          'dsl/hand-written-expression',
          at,
          `hand-written '{{' in ${JSON.stringify(truncate(value))}: use a handle, or raw() to say it is deliberate`,
        ),
      );
    }
    return r.text as never;
  }
  if (Array.isArray(value)) return value.map((v, i) => renderTokens(v, `${at}/${i}`, problems)) as never;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = renderTokens(v, `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, problems);
    }
    return out as never;
  }
  return value as never;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Attach the TypeScript location of the innermost template or task that contains the issue's path. */
function locate(
  i: Issue,
  doc: unknown,
  sources: ReadonlyMap<string, SourceLocation>,
  fallback: SourceLocation | undefined,
): Issue {
  // The innermost source is the longest prefix of the path that ends at a segment boundary: look the path's
  // prefixes up, longest first (O(depth) per issue; scanning every source was O(issues × tasks)).
  let best: SourceLocation | undefined;
  for (let prefix = i.path; ; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
    best = sources.get(prefix);
    if (best || prefix === '' || !prefix.includes('/')) break;
  }
  const subject = i.subject ?? subjectOf(doc, i.path);
  return { ...i, ...(subject ? { subject } : {}), source: i.source ?? best ?? fallback };
}

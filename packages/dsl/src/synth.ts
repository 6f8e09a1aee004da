import type * as model from '@argo-gen/model';
import {
  ARGO_API_VERSION,
  ArgoGenError,
  type ArgoVersion,
  type Issue,
  issue,
  lintDocument,
  pointerUnder,
  type SourceLocation,
  subjectOf,
  validateSchema,
} from '@argo-gen/model';
import { renderArgs } from './args.js';
import { targetOf } from './callable.js';
import { collectTemplates } from './collect.js';
import { isTask } from './dag.js';
import { type EventBindingValue, eventBindingSpec } from './event-binding.js';
import { setKey } from './internal/set-key.js';
import { type ParamSpec, workflowSpecsOf } from './params.js';
import { isRef } from './ref.js';
import { addCallee, renderTemplate } from './render.js';
import { isStep } from './steps.js';
import type { Template } from './template.js';
import { needsRender, render } from './tokens.js';
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

export interface StageOptions {
  /**
   * The Argo version the document must suit (`3.7`, `4.0`, `4.1`; default `4.1`): a field the version does not have
   * is an error naming the version that has it, or the field that replaced it. The DSL emits what every targeted
   * version reads: `schedules`, not Argo 3.7's deprecated `schedule`.
   */
  readonly argoVersion?: ArgoVersion;
}

export interface SynthOptions extends StageOptions {
  /**
   * The semantic lint run after the schema. Default: `lintDocument` of `@argo-gen/model` for the target version (Argo's
   * own rules, with templateRef targets outside the document unknown); the CLI passes one that knows every
   * WorkflowTemplate of its run. `false` skips it, for a caller that lints later itself.
   */
  readonly lint?: Linter | false;
  /** Receives warnings (which never stop synthesis), located like errors. */
  readonly onWarning?: (warning: Issue) => void;
}

/**
 * DSL value → the generated model type, validated. Handles are rendered to `{{…}}`; the document is checked with
 * Argo's schema and the semantic lint; problems are reported with the TypeScript file and line of the template or
 * task that caused them. Bad input never yields a document.
 */
export function synth<W extends Synthesizable>(value: W, options: SynthOptions = {}): Synthesized<W> {
  return stage(value, options).finish(options);
}

/**
 * A value rendered and checked against the schema, not yet linted. The CLI stages every value of a run first, so that
 * the lint of each document can see all of the run's WorkflowTemplates (templateRef targets) without rendering and
 * validating anything twice.
 */
export interface Staged<W extends Synthesizable> {
  /** The rendered document (frozen); use it only after `finish` has returned. */
  readonly doc: Synthesized<W>;
  /**
   * What synth() does after the schema: the lint (only on a schema-valid document), then every problem located at
   * its TypeScript source; throws if any is an error, else passes warnings to `onWarning` and returns the document.
   * Pure: it may be called more than once (with `lint: false` first, to stop early on schema errors).
   */
  finish(options?: SynthOptions): Synthesized<W>;
}

export function stage<W extends Synthesizable>(value: W, options: StageOptions = {}): Staged<W> {
  const placed: Placed[] = [];
  const doc = assemble(value, placed);
  const schemaProblems: Issue[] = [];
  const rendered = renderTokens(doc, '', schemaProblems) as Synthesized<W>; // frozen by renderTokens
  const verdict = validateSchema(rendered, { argoVersion: options.argoVersion });
  schemaProblems.push(...verdict.issues);
  const schemaValid = verdict.status === 'valid';
  return {
    doc: rendered,
    finish(options: SynthOptions = {}) {
      const lint = linterOf(options);
      const problems = schemaValid && lint ? [...schemaProblems, ...lint(rendered)] : schemaProblems;
      if (problems.length > 0) {
        const sources = sourcesOf(placed);
        const located = problems.map((i) => locate(i, rendered, sources, value));
        if (located.some((i) => i.severity === 'error')) throw new ArgoGenError(located);
        for (const w of located) options.onWarning?.(w);
      }
      return rendered;
    },
  };
}

function linterOf(options: SynthOptions): Linter | undefined {
  if (options.lint === false) return undefined;
  return options.lint ?? ((doc) => lintDocument(doc, { argoVersion: options.argoVersion }));
}

/** Everything synth() accepts: the workflow kinds, and event bindings that submit them. */
export type Synthesizable = WorkflowLike | EventBindingValue;

/** Templates as they were placed in the document, at `${at}/templates`: where to look for their sources. */
interface Placed {
  readonly at: string;
  readonly templates: readonly Template[];
}

function assemble(value: Synthesizable, placed: Placed[]): Record<string, unknown> {
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
      : workflowSpec(
          value.options,
          placed,
          value.kind === 'CronWorkflow' ? '/spec/workflowSpec' : '/spec',
          () => value.source,
        );
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
        ...(c.workflowMetadata ? { workflowMetadata: c.workflowMetadata } : {}),
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

function workflowSpec(
  o: WorkflowOptions,
  placed: Placed[],
  at: string,
  site: () => SourceLocation | undefined,
): Record<string, unknown> {
  const templates = collectTemplates(o);
  placed.push({ at, templates });
  const params = Object.entries(workflowSpecsOf(o.params)).map(([name, s]) => workflowParameter(name, s));
  const artifacts = Object.entries(o.artifacts ?? {}).map(([name, a]) => ({ name, ...(a as object) }));
  const onExit = o.onExit ? (o.onExit.kind === 'templateRef' ? undefined : o.onExit.name) : undefined;
  const hooks = o.hooks ? workflowHooks(o.hooks, site) : undefined;
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

/**
 * Workflow-level lifecycle hooks (`spec.hooks`): the callee by name or `templateRef`, and its arguments checked
 * against its inputs as a task's are (an `exit` hook that passes `{{workflow.status}}` to a reporting template).
 */
function workflowHooks(hooks: NonNullable<WorkflowOptions['hooks']>, site: () => SourceLocation | undefined) {
  const out: Record<string, unknown> = {};
  for (const [k, h] of Object.entries(hooks)) {
    const t = targetOf(h.template);
    const args = renderArgs(`workflow hook '${k}'`, t.name, t.inputs, h.args ?? {}, site, t.body.type === 'raw');
    const hook: Record<string, unknown> = {};
    addCallee(hook, h.template);
    if (args) hook.arguments = args;
    if (h.expression !== undefined) hook.expression = String(h.expression);
    setKey(out, k, hook);
  }
  return out;
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

/**
 * Renders every handle token to `{{…}}`, drops undefined, and reports hand-written `{{` outside `raw()`. Every object
 * and array of the result is new, and is frozen as it is made, so the document needs no second walk to freeze it.
 */
function renderTokens(value: unknown, at: string, problems: Issue[]): never {
  // keys[0..depth) are the keys from `at` down to the value being rendered; a pointer is built only for a string that
  // is reported. Keys are written by depth, without a helper call or push/pop per child: the walk visits every value
  // of the document, so it makes one call per value.
  const keys: (string | number)[] = [];
  const renderString = (v: string, depth: number): string => {
    const r = render(v);
    if (r.handWritten) {
      problems.push(
        issue(
          'dsl/hand-written-expression',
          pointerUnder(at, keys.slice(0, depth)),
          `hand-written '{{' in ${JSON.stringify(truncate(v))}: use a handle, or raw() to say it is deliberate`,
        ),
      );
    }
    return r.text;
  };
  const renderValue = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') return needsRender(v) ? renderString(v, depth) : v;
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) {
      const out: unknown[] = []; // filled in order, so V8 keeps it a packed array
      for (let i = 0; i < v.length; i++) {
        if (!(i in v)) {
          out.length = i + 1; // a hole stays a hole, as with map
          continue;
        }
        keys[depth] = i;
        out[i] = renderValue(v[i], depth + 1);
      }
      return Object.freeze(out);
    }
    if (isRef(v)) return renderValue(String(v), depth);
    const out: Record<string, unknown> = {};
    // for-in with an own-key test rather than Object.keys: no array of keys per object of the document.
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const item = (v as Record<string, unknown>)[k];
      if (item === undefined) continue;
      keys[depth] = k;
      setKey(out, k, renderValue(item, depth + 1));
    }
    return Object.freeze(out);
  };
  return renderValue(value, 0) as never;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** A value with a call site: its `source` is formatted (the costly part) when first read. */
type Located = { readonly source?: SourceLocation | undefined };

/**
 * Each template and task, by the JSON pointer of its place in the document. Only needed to locate issues, so built
 * only when there are some; a location is read only for an issue inside it, as formatting one source-maps a stack.
 */
function sourcesOf(placed: readonly Placed[]): Map<string, Located> {
  const sources = new Map<string, Located>();
  for (const { at, templates } of placed) {
    templates.forEach((t, i) => {
      const base = `${at}/templates/${i}`;
      sources.set(base, t);
      if (t.body.type === 'dag') {
        t.body.tasks.forEach((e, j) => {
          if (isTask(e)) sources.set(`${base}/dag/tasks/${j}`, e);
        });
      }
      if (t.body.type === 'steps') {
        t.body.groups.forEach((g, gi) => {
          g.forEach((s, si) => {
            if (isStep(s)) sources.set(`${base}/steps/${gi}/${si}`, s);
          });
        });
      }
    });
  }
  return sources;
}

/** Attach the TypeScript location of the innermost template or task that contains the issue's path. */
function locate(i: Issue, doc: unknown, sources: ReadonlyMap<string, Located>, whole: Located): Issue {
  const subject = i.subject ?? subjectOf(doc, i.path);
  return {
    ...i,
    ...(subject ? { subject } : {}),
    source: i.source ?? innermostSource(i.path, sources) ?? whole.source,
  };
}

function innermostSource(path: string, sources: ReadonlyMap<string, Located>): SourceLocation | undefined {
  // The innermost source is the longest prefix of the path that ends at a segment boundary: look the path's
  // prefixes up, longest first (O(depth) per issue; scanning every source was O(issues × tasks)).
  for (let prefix = path; ; prefix = prefix.slice(0, prefix.lastIndexOf('/'))) {
    const found = sources.get(prefix)?.source;
    if (found || prefix === '' || !prefix.includes('/')) return found;
  }
}

import type * as model from '@argo-gen/model';
import { ArgoGenError, issue } from '@argo-gen/model';
import type { Callable } from './callable.js';
import { continuesOnAny, type DagEntry, dependsOf, isTask } from './dag.js';
import { setKey } from './internal/set-key.js';
import type { OutputSpecs } from './outputs.js';
import type { InputSpecs } from './params.js';
import { isStep } from './steps.js';
import type { Call } from './task.js';
import type { Template, TemplateBody } from './template.js';

// Each object is made once and filled field by field, in the order the fields are written, rather than spread
// together from a small object per optional field: synthesis makes one of these per template, task and parameter.
// Object.assign where a value of the user's is merged in, which keeps the spread's semantics (later keys override,
// in the place the key was first written). synth() then renders, copies and freezes the result.
type Fields = Record<string, unknown>;

/** DSL template → Argo Template (handles still as tokens; `synth` renders and validates them). */
export function renderTemplate(t: Template): model.Template {
  const body = t.body;
  if (body.type === 'raw') return body.template;
  if (body.type === 'declared')
    throw new ArgoGenError([
      issue(
        'dsl/declared-template',
        '',
        `template '${t.name}' is declared, not defined here: call it with templateRef(holder, '${t.name}')`,
      ),
    ]);
  const out: Fields = { name: t.name };
  const inputs = renderInputs(t.inputs);
  if (inputs) out.inputs = inputs;
  const outputs = renderOutputs(t.outputs);
  if (outputs) out.outputs = outputs;
  addBody(out, body);
  return Object.assign(out, t.options) as model.Template;
}

/** A raw template is its own document (renderTemplate returns it as it is), so it has no body to add. */
function addBody(out: Fields, b: Exclude<TemplateBody, { readonly type: 'raw' | 'declared' }>): void {
  switch (b.type) {
    case 'dag': {
      const dag: Fields = Object.assign({}, b.dag);
      // Argo refuses `continueOn` in a DAG that uses `depends`; such a DAG is written with `dependencies` (dag() has
      // made sure that its tasks only order and read data, which `dependencies` says exactly). docs/dsl.md says why.
      const asList = continuesOnAny(b.tasks as readonly DagEntry[]);
      dag.tasks = b.tasks.map((e) => (isTask(e) ? renderTask(e, asList) : (e as model.DAGTask)));
      out.dag = dag;
      return;
    }
    case 'steps':
      out.steps = b.groups.map((g) => g.map((s) => (isStep(s) ? renderStep(s) : (s as model.WorkflowStep))));
      return;
    default:
      for (const key in b) if (key !== 'type' && Object.hasOwn(b, key)) out[key] = b[key as keyof typeof b];
  }
}

function renderInputs(specs: InputSpecs): model.Inputs | undefined {
  const parameters: model.Parameter[] = [];
  const artifacts: model.Artifact[] = [];
  for (const name in specs) {
    const s = specs[name];
    if (s === undefined || !Object.hasOwn(specs, name)) continue;
    if (s.kind === 'param') {
      const p: Fields = { name };
      if (s.default !== undefined) p.default = String(s.default);
      if (s.enum) p.enum = s.enum.map(String);
      if (s.description) p.description = s.description;
      if (s.valueFrom) p.valueFrom = s.valueFrom;
      parameters.push(p as unknown as model.Parameter);
    } else {
      const a: Fields = { name, path: s.path };
      if (s.optional) a.optional = true;
      if (s.mode !== undefined) a.mode = s.mode;
      if (s.from) Object.assign(a, s.from);
      artifacts.push(a as unknown as model.Artifact);
    }
  }
  return ioOf(parameters, artifacts);
}

function renderOutputs(specs: OutputSpecs): model.Outputs | undefined {
  const parameters: model.Parameter[] = [];
  const artifacts: model.Artifact[] = [];
  for (const name in specs) {
    const s = specs[name];
    if (s === undefined || !Object.hasOwn(specs, name)) continue;
    if (s.kind === 'parameter') {
      const valueFrom: Fields = {};
      for (const key in s.valueFrom)
        if (key !== 'parameter' && Object.hasOwn(s.valueFrom, key))
          valueFrom[key] = s.valueFrom[key as keyof typeof s.valueFrom];
      if (s.valueFrom.parameter !== undefined) valueFrom.parameter = String(s.valueFrom.parameter);
      const p: Fields = { name, valueFrom };
      if (s.globalName) p.globalName = s.globalName;
      if (s.description) p.description = s.description;
      if (s.enum) p.enum = s.enum;
      parameters.push(p as unknown as model.Parameter);
    } else {
      const a: Fields = { name };
      for (const key in s)
        if (key !== 'kind' && key !== 'from' && Object.hasOwn(s, key)) a[key] = s[key as keyof typeof s];
      if (s.from !== undefined) a.from = String(s.from);
      artifacts.push(a as unknown as model.Artifact);
    }
  }
  return ioOf(parameters, artifacts);
}

function ioOf(
  parameters: model.Parameter[],
  artifacts: model.Artifact[],
): { parameters?: model.Parameter[]; artifacts?: model.Artifact[] } | undefined {
  if (parameters.length === 0 && artifacts.length === 0) return undefined;
  const io: { parameters?: model.Parameter[]; artifacts?: model.Artifact[] } = {};
  if (parameters.length > 0) io.parameters = parameters;
  if (artifacts.length > 0) io.artifacts = artifacts;
  return io;
}

/** The fields a task and a step share; a task's `depends` (or `dependencies`) comes right after its name. */
function renderCall(c: Call, depends?: string | readonly string[]): model.DAGTask {
  const out: Fields = { name: c.name };
  if (typeof depends === 'string') out.depends = depends;
  else if (depends) out.dependencies = [...depends];
  addCallee(out, c.callee);
  if (c.arguments) out.arguments = c.arguments;
  if (c.when) out.when = c.when;
  if (c.loop) Object.assign(out, c.loop);
  if (c.onExit) out.onExit = c.onExit.kind === 'templateRef' ? c.onExit.template.name : c.onExit.name;
  if (c.hooks) {
    const hooks: Fields = {};
    for (const k in c.hooks) {
      const h = c.hooks[k];
      if (h === undefined || !Object.hasOwn(c.hooks, k)) continue;
      const hook: Fields = {};
      addCallee(hook, h.template);
      if (h.arguments) hook.arguments = h.arguments;
      if (h.expression) hook.expression = h.expression;
      setKey(hooks, k, hook);
    }
    out.hooks = hooks;
  }
  return Object.assign(out, c.passThrough) as unknown as model.DAGTask;
}

function renderTask(t: Call & { kind: 'task' }, asList: boolean): model.DAGTask {
  const depends = isTask(t) ? dependsOf(t) : undefined;
  return renderCall(t, asList ? depends?.tasks : depends?.text);
}

function renderStep(s: Call): model.WorkflowStep {
  return renderCall(s) as model.WorkflowStep;
}

/** `template: name`, or `templateRef` for a template of another WorkflowTemplate. */
export function addCallee(out: Fields, c: Callable): void {
  if (c.kind === 'templateRef') {
    const ref: Fields = { name: c.workflowTemplate, template: c.template.name };
    if (c.clusterScope) ref.clusterScope = true;
    out.templateRef = ref;
  } else out.template = c.name;
}

import type * as model from '@argo-gen/model';
import type { Callable } from './callable.js';
import { dependsOf, isTask } from './dag.js';
import type { OutputSpecs } from './outputs.js';
import type { InputSpecs } from './params.js';
import { isStep } from './steps.js';
import type { Call } from './task.js';
import type { Template } from './template.js';

/** DSL template → Argo Template (handles still as tokens; `synth` renders and validates them). */
export function renderTemplate(t: Template): model.Template {
  if (t.body.type === 'raw') return t.body.template;
  const inputs = renderInputs(t.inputs);
  const outputs = renderOutputs(t.outputs);
  return {
    name: t.name,
    ...(inputs ? { inputs } : {}),
    ...(outputs ? { outputs } : {}),
    ...renderBody(t),
    ...(t.options as object),
  } as model.Template;
}

function renderBody(t: Template): Partial<model.Template> {
  const b = t.body;
  switch (b.type) {
    case 'dag':
      return {
        dag: { ...(b.dag as object), tasks: b.tasks.map((e) => (isTask(e) ? renderTask(e) : (e as model.DAGTask))) },
      };
    case 'steps':
      return { steps: b.groups.map((g) => g.map((s) => (isStep(s) ? renderStep(s) : (s as model.WorkflowStep)))) };
    case 'raw':
      return b.template;
    default: {
      const { type, ...rest } = b;
      return rest as Partial<model.Template>;
    }
  }
}

function renderInputs(specs: InputSpecs): model.Inputs | undefined {
  const parameters: model.Parameter[] = [];
  const artifacts: model.Artifact[] = [];
  for (const [name, s] of Object.entries(specs)) {
    if (s.kind === 'param') {
      parameters.push({
        name,
        ...(s.default !== undefined ? { default: String(s.default) } : {}),
        ...(s.enum ? { enum: s.enum.map(String) } : {}),
        ...(s.description ? { description: s.description } : {}),
        ...(s.valueFrom ? { valueFrom: s.valueFrom } : {}),
      });
    } else {
      artifacts.push({
        name,
        path: s.path,
        ...(s.optional ? { optional: true } : {}),
        ...(s.mode !== undefined ? { mode: s.mode } : {}),
        ...((s.from ?? {}) as object),
      });
    }
  }
  if (!parameters.length && !artifacts.length) return undefined;
  return { ...(parameters.length ? { parameters } : {}), ...(artifacts.length ? { artifacts } : {}) };
}

function renderOutputs(specs: OutputSpecs): model.Outputs | undefined {
  const parameters: model.Parameter[] = [];
  const artifacts: model.Artifact[] = [];
  for (const [name, s] of Object.entries(specs)) {
    if (s.kind === 'parameter') {
      const { parameter, ...from } = s.valueFrom;
      parameters.push({
        name,
        valueFrom: { ...from, ...(parameter !== undefined ? { parameter: String(parameter) } : {}) },
        ...(s.globalName ? { globalName: s.globalName } : {}),
        ...(s.description ? { description: s.description } : {}),
        ...(s.enum ? { enum: s.enum } : {}),
      });
    } else {
      const { kind, from, ...rest } = s;
      artifacts.push({ name, ...rest, ...(from !== undefined ? { from: String(from) } : {}) } as model.Artifact);
    }
  }
  if (!parameters.length && !artifacts.length) return undefined;
  return { ...(parameters.length ? { parameters } : {}), ...(artifacts.length ? { artifacts } : {}) };
}

/** The fields a task and a step share; a task's `depends` comes right after its name. */
function renderCall(c: Call, depends?: string): model.DAGTask {
  const hooks = c.hooks
    ? Object.fromEntries(
        Object.entries(c.hooks).map(([k, h]) => [
          k,
          {
            ...calleeField(h.template),
            ...(h.arguments ? { arguments: h.arguments } : {}),
            ...(h.expression ? { expression: h.expression } : {}),
          },
        ]),
      )
    : undefined;
  return {
    name: c.name,
    ...(depends ? { depends } : {}),
    ...calleeField(c.callee),
    ...(c.arguments ? { arguments: c.arguments } : {}),
    ...(c.when ? { when: c.when } : {}),
    ...(c.loop ?? {}),
    ...(c.onExit ? { onExit: c.onExit.kind === 'templateRef' ? c.onExit.template.name : c.onExit.name } : {}),
    ...(hooks ? { hooks } : {}),
    ...(c.passThrough as object),
  } as model.DAGTask;
}

function renderTask(t: Call & { kind: 'task' }): model.DAGTask {
  return renderCall(t, isTask(t) ? dependsOf(t)?.text : undefined);
}

function renderStep(s: Call): model.WorkflowStep {
  return renderCall(s) as model.WorkflowStep;
}

function calleeField(c: Callable): Pick<model.DAGTask, 'template' | 'templateRef'> {
  if (c.kind === 'templateRef') {
    return {
      templateRef: {
        name: c.workflowTemplate,
        template: c.template.name,
        ...(c.clusterScope ? { clusterScope: true } : {}),
      },
    };
  }
  return { template: c.name };
}

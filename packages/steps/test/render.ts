import { dag, synth, type Task, type Template, workflowTemplate } from '@argo-gen/dsl';
import type * as model from '@argo-gen/model';

/** A step's template as Argo gets it: synthesised (so schema-valid) inside a library WorkflowTemplate. */
export function rendered(t: Template): model.Template {
  const doc = synth(workflowTemplate('probe', { templates: [t] })) as model.WorkflowTemplate;
  return doc.spec.templates?.[0] as model.Template;
}

/** A strategy's tasks as Argo gets them, by name: `[name, template, depends]`. */
export function shape(tasks: readonly Task[]): [string, string | undefined, string | undefined][] {
  const doc = synth(workflowTemplate('probe', { entrypoint: dag('main', tasks) })) as model.WorkflowTemplate;
  const main = doc.spec.templates?.find((t) => t.name === 'main');
  return (main?.dag?.tasks ?? []).map((t) => [t.name, t.template, t.depends]);
}

/** Every template of a synthesised strategy, by name. */
export function templatesOf(tasks: readonly Task[]): Map<string, model.Template> {
  const doc = synth(workflowTemplate('probe', { entrypoint: dag('main', tasks) })) as model.WorkflowTemplate;
  return new Map((doc.spec.templates ?? []).map((t) => [t.name ?? '', t]));
}

/** The rendered argument parameters of each task of a synthesised strategy: task name → { parameter: value }. */
export function argsOf(tasks: readonly Task[]): Map<string, Record<string, string | undefined>> {
  const doc = synth(workflowTemplate('probe', { entrypoint: dag('main', tasks) })) as model.WorkflowTemplate;
  const main = doc.spec.templates?.find((t) => t.name === 'main');
  return new Map(
    (main?.dag?.tasks ?? []).map((t) => [
      t.name,
      Object.fromEntries((t.arguments?.parameters ?? []).map((p) => [p.name, p.value?.toString()])),
    ]),
  );
}

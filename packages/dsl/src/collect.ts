import { ArgoGenError, issue } from '@argo-gen/model';
import { type Callable, type TemplateRef, targetOf } from './callable.js';
import { isTask } from './dag.js';
import type { TemplatesDeclaration } from './declared.js';
import { isStep } from './steps.js';
import type { Call } from './task.js';
import type { Template } from './template.js';
import type { WorkflowOptions } from './workflow.js';

/**
 * Every template a workflow needs, found by walking from its entrypoint, exit handler, hooks and library list
 * through DAG tasks and steps. Templates called through `templateRef` live elsewhere and are not collected.
 * Order is discovery order, so output is stable for a given program; two different templates with one name fail.
 */
export function collectTemplates(options: WorkflowOptions, onRef?: (ref: TemplateRef) => void): Template[] {
  const found = new Map<string, Template>();
  const visit = (c: Callable | undefined): void => {
    if (!c) return;
    if (c.kind === 'templateRef') {
      onRef?.(c);
      return;
    }
    const existing = found.get(c.name);
    if (existing === c) return;
    if (existing) {
      const at = (t: Template) => (t.source ? ` (${t.source.file}:${t.source.line})` : '');
      throw new ArgoGenError([
        issue('dsl/duplicate-template', '', `two different templates are named '${c.name}'${at(existing)}${at(c)}`, {
          source: c.source,
        }),
      ]);
    }
    found.set(c.name, c);
    for (const call of callsOf(c)) for (const callee of calleesOf(call)) visit(callee);
  };
  for (const root of rootsOf(options)) visit(root);
  return [...found.values()];
}

/** Where a walk of a workflow's templates starts: entrypoint, exit handler, hooks and the library list. */
export function rootsOf(options: WorkflowOptions): (Callable | undefined)[] {
  return [
    options.entrypoint,
    options.onExit,
    ...Object.values(options.hooks ?? {}).map((h) => h.template),
    ...(options.templates ?? []),
  ];
}

/** What one task or step calls: its template, its exit handler and its hooks' templates. */
export function calleesOf(call: Call): (Callable | undefined)[] {
  return [call.callee, call.onExit, ...Object.values(call.hooks ?? {}).map((h) => h.template)];
}

export function callsOf(t: Template): Call[] {
  if (t.body.type === 'dag') return t.body.tasks.filter(isTask);
  if (t.body.type === 'steps') return t.body.groups.flat().filter(isStep);
  return [];
}

export function containsTemplate(options: WorkflowOptions, template: Callable): boolean {
  const target = targetOf(template);
  return collectTemplates(options).includes(target);
}

/**
 * The declarations (`argo-gen types`) of the WorkflowTemplates a workflow calls through templateRef, once each: the
 * run treats them as present, as it does the WorkflowTemplates it defines.
 */
export function declarationsCalled(options: WorkflowOptions): TemplatesDeclaration[] {
  const found = new Set<TemplatesDeclaration>();
  collectTemplates(options, (ref) => {
    if (ref.declaration) found.add(ref.declaration);
  });
  return [...found];
}

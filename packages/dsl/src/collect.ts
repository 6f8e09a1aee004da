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
    for (const call of callsOf(c)) visitCall(call);
  };
  const visitCall = (call: Call): void => {
    visit(call.callee);
    visit(call.onExit);
    for (const h of Object.values(call.hooks ?? {})) visit(h.template);
  };
  visit(options.entrypoint);
  visit(options.onExit);
  for (const h of Object.values(options.hooks ?? {})) visit(h.template);
  for (const t of options.templates ?? []) visit(t);
  return [...found.values()];
}

function callsOf(t: Template): Call[] {
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

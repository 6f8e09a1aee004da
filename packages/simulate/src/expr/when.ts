/**
 * A DAG task's or step's `when` as the controller decides it (workflow/controller/dag.go and steps.go): the text is
 * substituted with ReplaceStrict (a `tasks.*` or `steps.*` reference nobody gave is an error), then evaluated by
 * shouldExecute (govaluate). A failure whose reason `isMissingVariable` names is not the node's failure: the
 * controller requeues and waits for the value (template.IsMissingVariableErr).
 */
import type { Evaluated } from './evaluated.js';
import { evaluateGovaluate } from './govaluate.js';
import { substitute } from './template.js';

export function evaluateWhen(when: string, scope: Readonly<Record<string, string | null>>): Evaluated {
  if (when === '') return { ok: true, value: true };
  const resolved = substitute(when, scope); // ReplaceStrict for tasks and steps, the default
  if (!resolved.ok) return resolved;
  return evaluateGovaluate(resolved.value as string);
}

/** template.IsMissingVariableErr: the failure is a reference that is not resolved yet. */
export function isMissingVariable(reason: string): boolean {
  return (
    reason.includes('failed to resolve {{') || reason.includes(' is missing') || reason.includes('variable not in env')
  );
}

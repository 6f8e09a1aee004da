/**
 * An attempt's scope (what its template's own fields may reference), built from its parts when first read: the
 * globals, its inputs (`inputs.parameters.<name>`), the caller's local names, `node.name` and `pod.name`.
 */
import type { Attempt } from './attempt.js';
import { addInputsToScope } from './inputs.js';
import { podName } from './node-id.js';
import { scopeOf } from './scope.js';

export function attemptScope(a: Attempt): Readonly<Record<string, string | null>> {
  if (a.scope === undefined) a.scope = buildScope(a);
  return a.scope;
}

function buildScope(a: Attempt): Record<string, string | null> {
  const from = a.scopeFrom;
  const scope = scopeOf(from.globals);
  addInputsToScope(scope, a.inputs);
  if (from.local) Object.assign(scope, from.local);
  scope['node.name'] = a.nodeName;
  if (from.workflowName !== undefined) scope['pod.name'] = podName(from.workflowName, a.nodeName, a.template.name);
  return scope;
}

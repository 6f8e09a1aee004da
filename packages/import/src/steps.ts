import { argsProblem, CALL_KEYS, calleeOf, commonOptions, declareCall, hooksProblem, NAME } from './call-options.js';
import { rawCall } from './calls.js';
import { type Code, obj } from './code.js';
import type { DocContext, Yaml } from './context.js';
import type { CallHandle, Scope } from './expressions.js';

/**
 * Declares one step; returns its variable (or a raw WorkflowStep object). Its data may come from steps of earlier
 * groups (`earlier`); its hooks may name any step declared so far.
 */
export function workflowStep(
  ctx: DocContext,
  owner: string,
  s: Yaml,
  scope: Scope,
  earlier: ReadonlyMap<string, CallHandle>,
  handles: Map<string, CallHandle>,
): Code {
  const who = `step '${s.name}' of '${owner}'`;
  const extra = Object.keys(s).filter((k) => !CALL_KEYS.includes(k));
  const why =
    extra.length > 0
      ? `uses ${extra.join(', ')}`
      : typeof s.name !== 'string' || !NAME.test(s.name)
        ? 'has a name the DSL refuses'
        : hooksProblem(ctx, s);
  const callee = why ? undefined : calleeOf(ctx, s);
  const argsWhy = callee ? argsProblem(s, callee.info) : undefined;
  if (why || !callee || argsWhy)
    return rawCall(ctx, s, `${who}: ${why ?? argsWhy ?? 'its template cannot be a DSL callee'}`, {
      ...scope,
      calls: { prefix: 'steps', get: (n) => (n === s.name ? undefined : handles.get(n)) },
    });
  const dataScope: Scope = { ...scope, calls: { prefix: 'steps', get: (n) => earlier.get(n) } };
  const hookScope: Scope = {
    ...scope,
    calls: { prefix: 'steps', get: (n) => (n === s.name ? undefined : handles.get(n)) },
  };
  const options = obj(commonOptions(ctx, s, dataScope, hookScope));
  return declareCall(ctx, 'step', s, callee, options, handles);
}

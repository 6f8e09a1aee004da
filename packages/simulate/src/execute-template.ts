/**
 * The controller's `executeTemplate`: resolve what the caller names, bind its inputs, wrap it in a retry node when
 * it has a `retryStrategy`, and run it with the executor for its kind. A template that cannot be resolved, or inputs
 * that cannot be bound, give an errored node (type Skipped), as the controller's `initializeNodeOrMarkError` does.
 */
import type { Attempt } from './attempt.js';
import { attemptScope } from './attempt-scope.js';
import { executeDag } from './dag.js';
import type { Call, Engine } from './engine.js';
import { argumentValues, processInputs } from './inputs.js';
import { executeLeaf } from './leaf.js';
import { executeWithRetries } from './retry.js';
import { isNodeFulfilled, type RunNode } from './run-state.js';
import { executeSteps } from './steps.js';
import { executeSuspend } from './suspend.js';
import { resolveTemplate, type Template, templateScopeOf, templateType } from './templates.js';

export function executeTemplate(e: Engine, call: Call): RunNode {
  const templateScope = templateScopeOf(call.base);
  const failed = (phase: 'Error' | 'Undetermined', message: string): RunNode => {
    const node = e.state.create({
      name: call.nodeName,
      type: 'Skipped',
      phase,
      at: call.at,
      boundaryID: call.boundaryID,
      ...(call.holder.template !== undefined ? { templateName: call.holder.template } : {}),
      ...(call.holder.templateRef !== undefined ? { templateRef: call.holder.templateRef } : {}),
      templateScope,
      message,
      ...(call.nodeFlag ? { nodeFlag: call.nodeFlag } : {}),
    });
    if (phase === 'Error') node.executionError = message;
    return node;
  };
  const resolved = resolveTemplate(call.holder, call.base, e.library);
  if (!resolved.ok) return failed(resolved.undetermined ? 'Undetermined' : 'Error', resolved.reason);
  const template = withDefaults(resolved.template, e.templateDefaults);
  const inputs = processInputs(template, argumentValues(call.args), e.globals);
  if (!inputs.ok) return failed(inputs.phase, inputs.reason);
  const strategy = (template.retryStrategy ?? e.defaultRetryStrategy) as Readonly<Record<string, unknown>> | undefined;
  const attempt: Attempt = {
    nodeName: call.nodeName,
    template,
    base: resolved.base,
    templateScope,
    holder: call.holder,
    boundaryID: call.boundaryID,
    at: call.at,
    ...(call.nodeFlag ? { nodeFlag: call.nodeFlag } : {}),
    inputs: inputs.parameters,
    scope: undefined,
    // a retried template's attempts each have their own pod name (retry.ts)
    scopeFrom: { globals: e.globals, local: call.local, workflowName: strategy ? undefined : e.state.workflowName },
    attempt: 0,
  };
  // A scope waits until it is read unless something may change the globals before that: a steps or DAG template's
  // children, a retry's earlier attempts. (A leaf or a suspend node reads its scope before it publishes any output.)
  const kind = templateType(template);
  if (strategy || kind === 'steps' || kind === 'dag') attemptScope(attempt);
  if (strategy) return executeWithRetries(e, attempt, strategy);
  return executeAttempt(e, attempt);
}

export function executeAttempt(e: Engine, a: Attempt): RunNode {
  switch (templateType(a.template)) {
    case 'steps':
      return killDaemons(e, executeSteps(e, a));
    case 'dag':
      return killDaemons(e, executeDag(e, a));
    case 'suspend':
      return executeSuspend(e, a);
    case 'unknown':
      return e.state.create({
        name: a.nodeName,
        type: 'Skipped',
        phase: 'Error',
        at: a.at,
        boundaryID: a.boundaryID,
        templateScope: a.templateScope,
        message: `Template '${a.template.name ?? ''}' missing specification`,
      });
    default:
      return executeLeaf(e, a);
  }
}

/** A steps or DAG template that is fulfilled kills its daemons (the deferred `killDaemonedChildren` of both). */
function killDaemons(e: Engine, node: RunNode): RunNode {
  if (isNodeFulfilled(node)) e.state.killDaemons(node.id);
  return node;
}

/** `spec.templateDefaults` under the template (the template's own fields win; objects merge one level deep). */
function withDefaults(template: Template, defaults: Readonly<Record<string, unknown>> | undefined): Template {
  if (!defaults) return template;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [k, v] of Object.entries(template)) {
    const d = defaults[k];
    merged[k] =
      typeof d === 'object' &&
      d !== null &&
      !Array.isArray(d) &&
      typeof v === 'object' &&
      v !== null &&
      !Array.isArray(v)
        ? { ...d, ...v }
        : v;
  }
  return merged as Template;
}

/**
 * Suspend templates. With `duration`, the node resumes by itself after it (on the logical clock). Otherwise it ends
 * as its outcome says: `approve` (the default: resumed at once, its `valueFrom.supplied` outputs take their defaults),
 * `reject` (stopped: the node fails, as `argo stop` on the node does) or `wait` (left Running, and with it the run).
 */
import { type Attempt, nodeBase, withInputs } from './attempt.js';
import { attemptScope } from './attempt-scope.js';
import { parseDuration } from './clock.js';
import type { Engine } from './engine.js';
import { asString, substituteDeep } from './expressions.js';
import { publishGlobalOutputs } from './global-outputs.js';
import { nodeOutcome } from './outcomes.js';
import type { Parameter, RunNode } from './run-state.js';

export function executeSuspend(e: Engine, a: Attempt): RunNode {
  const node = withInputs(e.state.create(nodeBase(a, 'Suspend')), a.inputs);
  const outcome = nodeOutcome(e, a, node.displayName);
  const rawDuration = ((a.template.suspend ?? {}) as { duration?: unknown }).duration;
  const substituted = substituteDeep(rawDuration, attemptScope(a));
  const duration = parseDuration(substituted.ok ? substituted.value : rawDuration);
  const expired =
    e.deadline !== undefined &&
    (outcome === 'wait' || (outcome === undefined && duration !== undefined && a.at + duration > e.deadline));
  if (expired) return e.state.mark(node, 'Failed', e.deadline as number, 'Step exceeded its deadline');
  if (outcome === 'wait') return node;
  if (outcome === 'reject') return e.state.mark(node, 'Failed', a.at, "Stopped with strategy 'Stop'");
  if (outcome !== undefined && outcome !== 'approve') {
    return e.state.mark(
      node,
      'Undetermined',
      a.at,
      `outcome ${JSON.stringify(outcome)} is for leaves, not for a suspend node`,
    );
  }
  const resumedAt = outcome === undefined && duration !== undefined ? a.at + duration : a.at;
  const declared =
    (
      (a.template.outputs ?? {}) as {
        parameters?: { name: string; globalName?: string; valueFrom?: { default?: unknown } }[];
      }
    ).parameters ?? [];
  const parameters: Parameter[] = declared.map((p) => ({
    name: p.name,
    value: asString(p.valueFrom?.default ?? ''),
    ...(p.globalName ? { globalName: p.globalName } : {}),
  }));
  if (parameters.length > 0) node.outputs = { parameters };
  publishGlobalOutputs(e, parameters);
  return e.state.mark(node, 'Succeeded', resumedAt);
}

/**
 * `retryStrategy`: a Retry node whose children are the attempts `name(0)`, `name(1)`…, decided after each attempt
 * as the controller's `processNodeRetries` does: success ends it; `backoff.maxDuration` and the backoff itself are
 * measured on the logical clock (the next attempt starts when the backoff ends); the policy (default OnFailure, or
 * Always when only an expression is given) says which phases retry; `limit` counts retries after the first attempt;
 * `expression` (expr-lang over `lastRetry.*`) may stop early.
 */
import { type Attempt, nodeBase, withInputs } from './attempt.js';
import { attemptScope } from './attempt-scope.js';
import { goTimeString, parseDuration } from './clock.js';
import type { Engine } from './engine.js';
import { executeAttempt } from './execute-template.js';
import { evaluateArgoBool } from './expr/argo-expression.js';
import { substituteDeep } from './expressions.js';
import { podName } from './node-id.js';
import { isFailedOrError, isFulfilled, type RunNode } from './run-state.js';

/** A retry strategy without a limit retries for ever; a simulation stops after this many attempts and says so. */
const UNBOUNDED_ATTEMPTS = 100;

interface Backoff {
  readonly duration?: unknown;
  readonly factor?: unknown;
  readonly cap?: unknown;
  readonly maxDuration?: unknown;
}

type Decision = { readonly retryAt: number } | { readonly phase: RunNode['phase']; readonly message?: string };

export function executeWithRetries(e: Engine, a: Attempt, strategy: Readonly<Record<string, unknown>>): RunNode {
  const retryNode = withInputs(e.state.create(nodeBase(a, 'Retry')), a.inputs);
  const attemptFlag = { ...(a.nodeFlag ?? {}), retried: true };
  const attempts: RunNode[] = [];
  let at = a.at;
  for (;;) {
    const n = attempts.length;
    const name = `${a.nodeName}(${n})`;
    const last = attempts[n - 1];
    const child = executeAttempt(e, {
      ...a,
      nodeName: name,
      at,
      nodeFlag: attemptFlag,
      attempt: n,
      retryNode,
      scope: {
        ...attemptScope(a),
        'pod.name': podName(e.state.workflowName, name, a.template.name),
        retries: String(n),
        'lastRetry.exitCode': last?.outputs?.exitCode ?? '0',
        'lastRetry.duration': last ? String((last.finishedAt ?? last.startedAt) - last.startedAt) : '0',
        'lastRetry.status': last?.phase ?? '',
        'lastRetry.message': last?.message ?? '',
      },
    });
    e.state.addChild(a.nodeName, name);
    attempts.push(child);
    // an attempt that became a running daemon makes its retry node daemoned too (processNodeRetries)
    if (child.daemoned) return e.state.markDaemoned(retryNode, child.finishedAt ?? at);
    if (!isFulfilled(child.phase)) return e.state.mark(retryNode, child.phase, at, child.message);
    const decision = decide(e, a, strategy, attempts);
    if ('retryAt' in decision) {
      at = decision.retryAt;
      continue;
    }
    if (child.outputs) retryNode.outputs = child.outputs;
    return e.state.mark(retryNode, decision.phase, child.finishedAt ?? at, decision.message);
  }
}

function decide(
  e: Engine,
  a: Attempt,
  strategy: Readonly<Record<string, unknown>>,
  attempts: readonly RunNode[],
): Decision {
  const last = attempts[attempts.length - 1] as RunNode;
  const first = attempts[0] as RunNode;
  const lastEnd = last.finishedAt ?? last.startedAt;
  if (!isFailedOrError(last.phase)) return { phase: 'Succeeded' };
  if (e.deadline !== undefined && lastEnd > e.deadline) {
    return { phase: last.phase, message: `retry exceeded workflow deadline ${goTimeString(e.deadline)}` };
  }
  const sub = (v: unknown): unknown => {
    const r = substituteDeep(v, attemptScope(a));
    return r.ok ? r.value : v;
  };
  const limitRaw = sub(strategy.limit);
  const limit = limitRaw === undefined ? undefined : Number(limitRaw);
  let retryAt = lastEnd;
  const backoff = strategy.backoff as Backoff | undefined;
  if (backoff) {
    let maxDeadline: number | undefined;
    const maxDuration = parseDuration(sub(backoff.maxDuration));
    if (maxDuration !== undefined) {
      maxDeadline = first.startedAt + maxDuration;
      if (lastEnd > maxDeadline) return { phase: last.phase, message: 'Max duration limit exceeded' };
    }
    const base = parseDuration(sub(backoff.duration));
    if (base === undefined) return { phase: 'Error', message: 'no base duration specified for retryStrategy' };
    const factor = Number(sub(backoff.factor) ?? 0);
    let wait = factor > 0 ? base * factor ** (attempts.length - 1) : base;
    const cap = parseDuration(sub(backoff.cap));
    if (cap !== undefined && wait > cap) wait = cap;
    retryAt = lastEnd + wait;
    if (maxDeadline !== undefined && retryAt > maxDeadline) {
      return { phase: last.phase, message: 'Backoff would exceed max duration limit' };
    }
  }
  const policy = String(sub(strategy.retryPolicy) ?? '') || (strategy.expression ? 'Always' : 'OnFailure');
  const onFailed = policy === 'Always' || policy === 'OnFailure';
  const onError = policy === 'Always' || policy === 'OnError';
  if ((last.phase === 'Failed' && !onFailed) || (last.phase === 'Error' && !onError)) {
    return { phase: last.phase, ...(last.message !== undefined ? { message: last.message } : {}) };
  }
  if (limit !== undefined && attempts.length > limit) return { phase: last.phase, message: 'No more retries left' };
  if (typeof strategy.expression === 'string' && strategy.expression !== '') {
    const env = {
      ...e.globals,
      retries: String(attempts.length - 1),
      'lastRetry.exitCode': last.outputs?.exitCode ?? '-1',
      'lastRetry.status': last.phase,
      'lastRetry.duration': String(lastEnd - last.startedAt),
      'lastRetry.message': last.message ?? '',
    };
    const go = evaluateArgoBool(strategy.expression, env);
    if (!go.ok) return { phase: 'Undetermined', message: `retryStrategy.expression: ${go.reason}` };
    if (go.value === false) return { phase: last.phase, message: 'retryStrategy.expression evaluated to false' };
  }
  if (limit === undefined && attempts.length >= UNBOUNDED_ATTEMPTS) {
    return { phase: 'Undetermined', message: `retryStrategy has no limit and ${UNBOUNDED_ATTEMPTS} attempts failed` };
  }
  return { retryAt };
}

import { ArgoGenError, issue } from '@argo-gen/model';
import { type BackoffPolicy, backoffDelay, type Random, type Sleep, sleep } from './backoff.js';
import type { Kube, WatchEvent } from './client.js';
import { isTransient, toFailure, translate } from './errors.js';
import type { ArgoObject } from './object.js';
import { isFinished, type WorkflowProgress, workflowProgress } from './progress.js';

export interface WatchOptions {
  /** Give up after this long (the workflow keeps running): a `kube/timeout` error. Default: no limit. */
  readonly timeoutMs?: number;
  /** Gives up when aborted, as `timeoutMs` does; injected by tests instead of the clock. */
  readonly deadline?: AbortSignal;
  /** Called with every new state of the workflow (phase and nodes). */
  readonly onProgress?: (progress: WorkflowProgress) => void;
  /** How many failed watch requests in a row are retried before giving up (default 5). */
  readonly maxReconnects?: number;
  /** The wait before each re-watch (default 500 ms doubling to 30 s), reset by a watch that delivered an event. */
  readonly backoff?: BackoffPolicy;
  readonly sleep?: Sleep;
  readonly random?: Random;
}

export const WATCH_BACKOFF: BackoffPolicy = { baseDelayMs: 500, maxDelayMs: 30_000 };

/** How one watch request ended. */
type Round =
  | { readonly done: ArgoObject }
  | { readonly deleted: true }
  /** 410 Gone: the resourceVersion is older than the server keeps; list again. */
  | { readonly gone: true; readonly events: number }
  | { readonly ended: true; readonly events: number }
  | { readonly error: unknown; readonly events: number }
  | { readonly aborted: true };

/**
 * Watches one Workflow until it Succeeded, Failed or Errored and returns its final state, as client-go's reflector
 * does: read it once, then watch from its resourceVersion; every later watch continues from the last
 * resourceVersion seen (an event or a bookmark), so a re-watch neither misses nor repeats a change. A 410 Gone
 * (the version is too old for the server) lists the workflow again and watches from the list's resourceVersion.
 * Every re-watch waits first, with capped exponential backoff and jitter, so a server that closes each watch at once
 * sees a few requests a minute, not hundreds a second. Failed watch requests are retried while transient, at most
 * `maxReconnects` in a row. With a timeout, whatever the server does, the connection is closed and `kube/timeout`
 * thrown when it passes.
 */
export async function watchWorkflow(
  kube: Kube,
  name: string,
  namespace: string,
  options: WatchOptions = {},
): Promise<ArgoObject> {
  const giveUp = new AbortController();
  // A timer of our own (not AbortSignal.timeout, which is unref'd): the process must stay alive until it fires.
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => giveUp.abort(), options.timeoutMs);
  const stopOuter = () => giveUp.abort();
  options.deadline?.addEventListener('abort', stopOuter, { once: true });
  if (options.deadline?.aborted) giveUp.abort();
  const state: { last?: ArgoObject } = {};
  try {
    return await follow(kube, name, namespace, options, giveUp.signal, state);
  } catch (error) {
    if (giveUp.signal.aborted) throw timeoutError(name, namespace, options.timeoutMs, state.last);
    throw error;
  } finally {
    clearTimeout(timer);
    options.deadline?.removeEventListener('abort', stopOuter);
  }
}

async function follow(
  kube: Kube,
  name: string,
  namespace: string,
  options: WatchOptions,
  signal: AbortSignal,
  state: { last?: ArgoObject },
): Promise<ArgoObject> {
  let reported = '';
  const seen = (wf: ArgoObject) => {
    state.last = wf;
    const rv = wf.metadata?.resourceVersion ?? '';
    if (rv && rv === reported) return;
    reported = rv;
    options.onProgress?.(workflowProgress(wf));
  };
  const first = await kube.get({ kind: 'Workflow', name, namespace }, { signal });
  seen(first);
  if (isFinished(workflowProgress(first).phase)) return first;
  let version = first.metadata?.resourceVersion ?? '';
  let quiet = 0;
  let failures = 0;
  for (;;) {
    const round = await watchRound(kube, name, namespace, version, signal, seen, (rv) => {
      version = rv;
    });
    if ('aborted' in round) throw signal.reason;
    if ('done' in round) return round.done;
    if ('deleted' in round) throw deletedError(name, namespace);
    if ('gone' in round) {
      const list = await kube.listWithVersion('Workflow', namespace, `metadata.name=${name}`, { signal });
      const current = list.items[0];
      if (!current) throw deletedError(name, namespace);
      seen(current);
      if (isFinished(workflowProgress(current).phase)) return current;
      version = list.resourceVersion;
    }
    if ('error' in round) {
      const f = toFailure(round.error);
      failures++;
      if (failures > (options.maxReconnects ?? 5) || !(isTransient(f) || f.timeoutMs !== undefined))
        throw translate(round.error, { verb: 'watch', kind: 'Workflow', name, namespace });
    } else failures = 0;
    quiet = round.events > 0 ? 0 : quiet + 1;
    await (options.sleep ?? sleep)(backoffDelay(quiet, options.backoff ?? WATCH_BACKOFF, options.random), signal);
    if (signal.aborted) throw signal.reason;
  }
}

function watchRound(
  kube: Kube,
  name: string,
  namespace: string,
  resourceVersion: string,
  signal: AbortSignal,
  seen: (wf: ArgoObject) => void,
  at: (resourceVersion: string) => void,
): Promise<Round> {
  return new Promise<Round>((resolve) => {
    let settled = false;
    let events = 0;
    let handle: { stop(): void } | undefined;
    const finish = (r: Round) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      handle?.stop();
      resolve(r);
    };
    const onAbort = () => finish({ aborted: true });
    const onEvent = (e: WatchEvent) => {
      if (settled) return;
      if (e.type === 'ERROR') {
        if (e.object.code === 410) finish({ gone: true, events });
        else finish({ error: e.object, events });
        return;
      }
      // Progress (a change or a bookmark) resets the backoff; an ERROR event does not.
      events++;
      const rv = e.object.metadata?.resourceVersion;
      if (rv) at(rv);
      if (e.type === 'BOOKMARK') return;
      if (e.type === 'DELETED') return finish({ deleted: true });
      seen(e.object);
      if (isFinished(workflowProgress(e.object).phase)) finish({ done: e.object });
    };
    const onDone = (error: Error | undefined) => {
      if (error === undefined) finish({ ended: true, events });
      else if (toFailure(error).status === 410) finish({ gone: true, events });
      else finish({ error, events });
    };
    handle = kube.watch(
      'Workflow',
      namespace,
      { fieldSelector: `metadata.name=${name}`, ...(resourceVersion ? { resourceVersion } : {}) },
      onEvent,
      onDone,
    );
    if (settled) handle.stop();
    else if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

function deletedError(name: string, namespace: string): ArgoGenError {
  return new ArgoGenError([
    issue('kube/not-found', '', 'was deleted while being watched', {
      subject: `workflow/${name} in namespace '${namespace}'`,
    }),
  ]);
}

function timeoutError(name: string, namespace: string, timeoutMs: number | undefined, last: ArgoObject | undefined) {
  const phase = last ? workflowProgress(last).phase || 'Pending' : 'unknown';
  return new ArgoGenError([
    issue(
      'kube/timeout',
      '',
      `still ${phase} after ${formatDuration(timeoutMs ?? 0)}; it keeps running: follow it with \`argo-gen get workflow ${name} -n ${namespace}\` or stop it with \`argo-gen delete workflow ${name} -n ${namespace}\``,
      { subject: `workflow/${name} in namespace '${namespace}'` },
    ),
  ]);
}

/** `1h2m3s`, `4m0s`, `12s`, `850ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h${m}m${s % 60}s`;
  if (m > 0) return `${m}m${s % 60}s`;
  return `${s}s`;
}

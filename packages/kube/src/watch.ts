import { ArgoGenError, issue } from '@argo-gen/model';
import type { Kube, WatchEvent } from './client.js';
import { isTransient, toFailure, translate } from './errors.js';
import type { ArgoObject } from './object.js';
import { isFinished, type WorkflowProgress, workflowProgress } from './progress.js';

export interface WatchOptions {
  /** Give up after this long (the workflow keeps running): a `kube/timeout` error. Default: no limit. */
  readonly timeoutMs?: number;
  /** Called with every new state of the workflow (phase and nodes). */
  readonly onProgress?: (progress: WorkflowProgress) => void;
  /** How often a broken watch is re-established before giving up. */
  readonly maxReconnects?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

type Round = { readonly done: ArgoObject } | { readonly again: true } | { readonly error: unknown };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Watches one Workflow until it Succeeded, Failed or Errored and returns its final state. Each round reads the
 * workflow (a fresh resourceVersion) and watches from there; a watch that ends, or reports 410 Gone ("too old
 * resource version"), starts a new round. Transient failures are retried a bounded number of times.
 */
export async function watchWorkflow(
  kube: Kube,
  name: string,
  namespace: string,
  options: WatchOptions = {},
): Promise<ArgoObject> {
  const deadline = options.timeoutMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + options.timeoutMs;
  const sleep = options.sleep ?? wait;
  let lastVersion = '';
  let last: ArgoObject | undefined;
  const seen = (wf: ArgoObject) => {
    last = wf;
    const rv = wf.metadata?.resourceVersion ?? '';
    if (rv && rv === lastVersion) return;
    lastVersion = rv;
    options.onProgress?.(workflowProgress(wf));
  };
  const timeout = () => {
    const phase = last ? workflowProgress(last).phase || 'Pending' : 'unknown';
    return new ArgoGenError([
      issue(
        'kube/timeout',
        '',
        `still ${phase} after ${formatDuration(options.timeoutMs ?? 0)}; it keeps running: follow it with \`argo-gen get workflow ${name} -n ${namespace}\` or stop it with \`argo-gen delete workflow ${name} -n ${namespace}\``,
        { subject: `workflow/${name} in namespace '${namespace}'` },
      ),
    ]);
  };
  let failures = 0;
  for (;;) {
    if (Date.now() >= deadline) throw timeout();
    const wf = await kube.get({ kind: 'Workflow', name, namespace });
    seen(wf);
    if (isFinished(workflowProgress(wf).phase)) return wf;
    const round = await watchRound(kube, name, namespace, wf.metadata?.resourceVersion, deadline, seen);
    if ('done' in round) return round.done;
    if ('error' in round) {
      if (round.error === TIMEOUT) throw timeout();
      failures++;
      if (failures > (options.maxReconnects ?? 5) || !isTransient(toFailure(round.error)))
        throw translate(round.error, { verb: 'watch', kind: 'Workflow', name, namespace });
      await sleep(Math.min(4000, 250 * 2 ** failures));
    } else failures = 0;
  }
}

const TIMEOUT = Symbol('timeout');

function watchRound(
  kube: Kube,
  name: string,
  namespace: string,
  resourceVersion: string | undefined,
  deadline: number,
  seen: (wf: ArgoObject) => void,
): Promise<Round> {
  return new Promise<Round>((resolve) => {
    let settled = false;
    let handle: { stop(): void } | undefined;
    const finish = (r: Round) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      handle?.stop();
      resolve(r);
    };
    const left = deadline - Date.now();
    const timer = setTimeout(() => finish({ error: TIMEOUT }), Number.isFinite(left) ? left : 2 ** 31 - 1);
    const onEvent = (e: WatchEvent) => {
      if (e.type === 'BOOKMARK') return;
      if (e.type === 'ERROR') {
        // 410 Gone: our resourceVersion is too old for the watch cache. Read again and re-watch.
        if (e.object.code === 410) finish({ again: true });
        else finish({ error: e.object });
        return;
      }
      if (e.type === 'DELETED') {
        finish({
          error: new ArgoGenError([
            issue('kube/not-found', '', 'was deleted while being watched', {
              subject: `workflow/${name} in namespace '${namespace}'`,
            }),
          ]),
        });
        return;
      }
      seen(e.object);
      if (isFinished(workflowProgress(e.object).phase)) finish({ done: e.object });
    };
    kube
      .watch(
        'Workflow',
        namespace,
        { fieldSelector: `metadata.name=${name}`, ...(resourceVersion ? { resourceVersion } : {}) },
        onEvent,
        (error) => finish(error ? { error } : { again: true }),
      )
      .then(
        (h) => {
          handle = h;
          if (settled) h.stop();
        },
        (error: unknown) => finish({ error }),
      );
  });
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

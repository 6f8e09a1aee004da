import type { ArgoObject, StatusNode } from './object.js';

export type Phase = 'Pending' | 'Running' | 'Succeeded' | 'Skipped' | 'Failed' | 'Error' | 'Omitted';

/** One node of `status.nodes`, as a progress display needs it. */
export interface NodeProgress {
  readonly id: string;
  /** The task or step name (`displayName`). */
  readonly name: string;
  /** Pod, DAG, Steps, Skipped, Retry, Suspend… */
  readonly type: string;
  readonly phase: Phase | string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly message?: string;
}

export interface WorkflowProgress {
  readonly name: string;
  readonly namespace?: string;
  /** Empty until the controller has seen the workflow. */
  readonly phase: string;
  readonly message?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly nodes: readonly NodeProgress[];
}

const TERMINAL = new Set(['Succeeded', 'Failed', 'Error']);
/** Grouping nodes that are not tasks of their own. */
const HIDDEN = new Set(['StepGroup', 'TaskGroup']);

export function isFinished(phase: string | undefined): boolean {
  return phase !== undefined && TERMINAL.has(phase);
}

/**
 * The workflow's phase and its task nodes (the root node and step/task groups left out), in the order they
 * started, then by name.
 */
export function workflowProgress(wf: ArgoObject): WorkflowProgress {
  const status = (wf.status ?? {}) as {
    phase?: string;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
    nodes?: Record<string, StatusNode>;
  };
  const name = wf.metadata?.name ?? '';
  const nodes = Object.entries(status.nodes ?? {})
    .filter(([id, n]) => id !== name && !HIDDEN.has(n.type ?? ''))
    .map(
      ([id, n]): NodeProgress => ({
        id,
        name: n.displayName ?? n.name ?? id,
        type: n.type ?? '',
        phase: n.phase ?? 'Pending',
        ...(n.startedAt ? { startedAt: n.startedAt } : {}),
        ...(n.finishedAt ? { finishedAt: n.finishedAt } : {}),
        ...(n.message ? { message: n.message } : {}),
      }),
    )
    .sort((a, b) => (a.startedAt ?? '~').localeCompare(b.startedAt ?? '~') || a.name.localeCompare(b.name));
  return {
    name,
    ...(wf.metadata?.namespace ? { namespace: wf.metadata.namespace } : {}),
    phase: status.phase ?? '',
    ...(status.message ? { message: status.message } : {}),
    ...(status.startedAt ? { startedAt: status.startedAt } : {}),
    ...(status.finishedAt ? { finishedAt: status.finishedAt } : {}),
    nodes,
  };
}

/** Milliseconds a node or workflow ran: until it finished, else until `now`; undefined before it started. */
export function elapsedMs(item: { startedAt?: string; finishedAt?: string }, now: number): number | undefined {
  if (!item.startedAt) return undefined;
  const start = Date.parse(item.startedAt);
  const end = item.finishedAt ? Date.parse(item.finishedAt) : now;
  return Number.isNaN(start) ? undefined : Math.max(0, end - start);
}

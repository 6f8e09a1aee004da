// The differential suite's harness: one workflow and one set of injected outcomes, run by the real Argo controller
// (with the fake kubelet carrying the outcomes out, test/cluster/fake-kubelet.ts) and by @argo-gen/simulate; the
// node phases and the workflow's phase are then compared node by node, by node name.

import type { LeafOutcome, SuspendOutcome } from '@argo-gen/simulate';
import { KubeConfig, Watch } from '@kubernetes/client-node';
import { ADMIN_KUBECONFIG, custom, namespace, serviceAccount } from './cluster.js';

/** A node's outcome as the suite writes it: @argo-gen/simulate's, or one leaf outcome per retry attempt. */
export type CaseOutcome = LeafOutcome | SuspendOutcome | readonly LeafOutcome[];

/** One run: a Workflow document, its parameters and the outcomes of its leaves and suspend nodes. */
export interface DiffCase {
  /** Unique within its corpus; says what the case is (`canary-release: web-25-gate fails`). */
  readonly title: string;
  /** A Workflow (a WorkflowTemplate's spec is turned into one by `asWorkflow`). */
  readonly workflow: Record<string, unknown>;
  /** Keyed like `SimulateOptions.outcomes`: node name, display name or template name. */
  readonly outcomes?: Readonly<Record<string, CaseOutcome>>;
  readonly parameters?: Readonly<Record<string, string>>;
}

/** What the controller recorded: the workflow's phase and every node's phase and type, by node name. */
export interface Observed {
  readonly phase: string;
  readonly nodes: Readonly<Record<string, { readonly phase: string; readonly type: string }>>;
}

const ARGO = { group: 'argoproj.io', version: 'v1alpha1', plural: 'workflows' } as const;
const OUTCOMES_ANNOTATION = 'argo-gen.test/outcomes';
const DONE = new Set(['Succeeded', 'Failed', 'Error']);

interface WatchedNode {
  name: string;
  displayName?: string;
  templateName?: string;
  type?: string;
  phase?: string;
  children?: string[];
}
interface WatchedWorkflow {
  metadata: { name: string; resourceVersion?: string; labels?: Record<string, string> };
  status?: { phase?: string; nodes?: Record<string, WatchedNode> };
}

/**
 * A WorkflowTemplate's (or CronWorkflow's) spec as a Workflow named `name`, with the case's parameters set in
 * `spec.arguments` and its outcomes in the annotation the fake kubelet reads.
 */
export function clusterWorkflow(c: DiffCase, name: string): Record<string, unknown> {
  const doc = c.workflow as { metadata?: Record<string, unknown>; spec?: Record<string, unknown> };
  const spec = { ...(doc.spec ?? {}) };
  const args = (spec.arguments ?? {}) as { parameters?: { name: string; value?: string }[] };
  if (c.parameters) {
    const given = new Map(Object.entries(c.parameters));
    const declared = (args.parameters ?? []).map((p) => (given.has(p.name) ? { ...p, value: given.get(p.name) } : p));
    for (const [k, v] of given) if (!declared.some((p) => p.name === k)) declared.push({ name: k, value: v });
    spec.arguments = { ...args, parameters: declared };
  }
  const annotations = {
    ...((doc.metadata?.annotations as Record<string, string> | undefined) ?? {}),
    [OUTCOMES_ANNOTATION]: JSON.stringify(leafOutcomes(c.outcomes ?? {})),
  };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, labels: { 'argo-gen.test/suite': 'simulate' }, annotations },
    spec,
  };
}

const isSuspendOutcome = (o: CaseOutcome): o is SuspendOutcome => o === 'approve' || o === 'reject' || o === 'wait';

/** The fake kubelet acts on leaves; the harness itself resumes or stops suspend nodes. */
function leafOutcomes(outcomes: Readonly<Record<string, CaseOutcome>>): Record<string, CaseOutcome> {
  return Object.fromEntries(Object.entries(outcomes).filter(([, o]) => !isSuspendOutcome(o)));
}

/** The suspend outcome for a node, matched like simulate's outcomes: node name, then display name, then template. */
function suspendOutcome(c: DiffCase, node: WatchedNode): SuspendOutcome | undefined {
  for (const key of [node.name, node.displayName, node.templateName]) {
    const o = key === undefined ? undefined : c.outcomes?.[key];
    if (o !== undefined && isSuspendOutcome(o)) return o;
  }
  return undefined;
}

/**
 * Resumes (`approve`) or stops (`reject`) a suspend node the way `argo resume|stop --node-field-selector` does
 * (workflow/util/util.go updateSuspendedNode): the node's phase Succeeded or Failed, its finishedAt set, written
 * back with the workflow's resourceVersion; a conflict (the controller wrote meanwhile) is retried on a fresh read.
 */
async function settleSuspend(ns: string, wfName: string, nodeId: string, outcome: 'approve' | 'reject') {
  for (;;) {
    const wf = (await custom.getNamespacedCustomObject({ ...ARGO, namespace: ns, name: wfName })) as WatchedWorkflow;
    const node = wf.status?.nodes?.[nodeId];
    if (node?.phase !== 'Running') return;
    node.phase = outcome === 'approve' ? 'Succeeded' : 'Failed';
    (node as { finishedAt?: string }).finishedAt = `${new Date().toISOString().slice(0, 19)}Z`;
    if (outcome === 'reject') (node as { message?: string }).message = 'Stopped by the differential suite';
    try {
      await custom.replaceNamespacedCustomObject({ ...ARGO, namespace: ns, name: wfName, body: wf });
      return;
    } catch (e) {
      if ((e as { code?: number }).code !== 409) throw e;
    }
  }
}

/**
 * A workflow left with suspend nodes waiting (`wait`) never ends: it is settled when no pod node is pending or
 * running, every running suspend node waits by choice, and every other running node holds one of those.
 */
function settledWaiting(c: DiffCase, nodes: Record<string, WatchedNode>): boolean {
  const waiting = new Set(
    Object.entries(nodes)
      .filter(([, n]) => n.type === 'Suspend' && n.phase === 'Running' && suspendOutcome(c, n) === 'wait')
      .map(([id]) => id),
  );
  if (waiting.size === 0) return false;
  const holds = (id: string, seen = new Set<string>()): boolean => {
    if (waiting.has(id)) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return (nodes[id]?.children ?? []).some((ch) => holds(ch, seen));
  };
  return Object.entries(nodes).every(([id, n]) => {
    if (n.phase !== 'Running' && n.phase !== 'Pending') return true;
    return n.type !== 'Pod' && holds(id);
  });
}

const observe = (wf: WatchedWorkflow): Observed => ({
  phase: wf.status?.phase ?? '',
  nodes: Object.fromEntries(
    Object.values(wf.status?.nodes ?? {}).map((n) => [n.name, { phase: n.phase ?? '', type: n.type ?? '' }]),
  ),
});

/**
 * Runs the cases on the cluster in namespace `ns`, each as its own Workflow named as in `names`, at most `concurrency`
 * at a time (the next is created as soon as one has ended, so no case waits for a slower one), acting on suspend
 * nodes as the outcomes say, and returns what the controller recorded once each has ended (or, with waiting suspend
 * nodes, settled). Driven by a watch of the namespace's workflows; `timeoutMs` bounds the whole run.
 */
export async function runOnController(
  cases: readonly DiffCase[],
  names: readonly string[],
  ns: string,
  options: { readonly concurrency: number; readonly timeoutMs: number },
): Promise<Observed[]> {
  const { concurrency, timeoutMs } = options;
  await namespace(ns);
  for (const sa of ['argo-executor', 'burger-executor', 'default']) await serviceAccount(ns, sa);
  const byName = new Map(names.map((n, i) => [n, i]));
  const results: (Observed | undefined)[] = cases.map(() => undefined);
  const acted = new Set<string>();
  let pending = cases.length;
  let finish!: () => void;
  let fail!: (e: unknown) => void;
  const finished = new Promise<void>((res, rej) => {
    finish = res;
    fail = rej;
  });

  const last: (WatchedWorkflow | undefined)[] = cases.map(() => undefined);
  // Cases are created in order; `created` counts those sent. Each end starts the next, keeping `concurrency` running.
  let created = 0;
  const createNext = (): void => {
    if (created >= cases.length) return;
    const i = created++;
    custom
      .createNamespacedCustomObject({
        ...ARGO,
        namespace: ns,
        body: clusterWorkflow(cases[i] as DiffCase, names[i] as string),
      })
      .catch(fail);
  };
  const consider = (wf: WatchedWorkflow) => {
    const i = byName.get(wf.metadata.name);
    if (i === undefined || results[i] !== undefined) return;
    last[i] = wf;
    const c = cases[i] as DiffCase;
    const nodes = wf.status?.nodes ?? {};
    for (const [id, n] of Object.entries(nodes)) {
      const o = n.type === 'Suspend' && n.phase === 'Running' ? suspendOutcome(c, n) : undefined;
      if ((o === 'approve' || o === 'reject') && !acted.has(`${wf.metadata.name}/${id}`)) {
        acted.add(`${wf.metadata.name}/${id}`);
        settleSuspend(ns, wf.metadata.name, id, o).catch(fail);
      }
    }
    if (DONE.has(wf.status?.phase ?? '') || (wf.status?.phase === 'Running' && settledWaiting(c, nodes))) {
      results[i] = observe(wf);
      if (--pending === 0) finish();
      else createNext();
    }
  };

  const kc = new KubeConfig();
  kc.loadFromFile(ADMIN_KUBECONFIG);
  const watcher = new Watch(kc);
  let abort: AbortController | undefined;
  let stopped = false;
  const path = `/apis/argoproj.io/v1alpha1/namespaces/${ns}/workflows`;
  // A watch ends when the server closes it (its timeout) or on an error; it is started again from a fresh list, so
  // no event between the two is lost.
  const startWatch = async (): Promise<void> => {
    const list = (await custom.listNamespacedCustomObject({ ...ARGO, namespace: ns })) as {
      metadata: { resourceVersion: string };
      items: WatchedWorkflow[];
    };
    for (const wf of list.items) consider(wf);
    if (stopped) return;
    abort = await watcher.watch(
      path,
      { resourceVersion: list.metadata.resourceVersion, allowWatchBookmarks: true },
      (type, obj: WatchedWorkflow) => {
        if (type === 'ADDED' || type === 'MODIFIED') consider(obj);
      },
      () => {
        if (!stopped) startWatch().catch(fail);
      },
    );
  };

  // A workflow still running (or not yet created) at the deadline is recorded as it stands, its phase marked, so that
  // the comparison names it (and the other cases are still compared).
  const timer = setTimeout(() => {
    cases.forEach((_, i) => {
      if (results[i] !== undefined) return;
      const seen = last[i];
      results[i] = {
        ...(seen ? observe(seen) : { nodes: {} }),
        phase: `${seen?.status?.phase ?? 'not seen'} after the run's ${timeoutMs / 1000} s`,
      };
    });
    finish();
  }, timeoutMs);
  try {
    await startWatch();
    for (let k = 0; k < Math.min(concurrency, cases.length); k++) createNext();
    await finished;
  } finally {
    stopped = true;
    clearTimeout(timer);
    abort?.abort();
  }
  return results as Observed[];
}

import { ArgoGenError, issue } from '@argo-gen/model';
import type { Kube } from './client.js';
import type { ObjectRef } from './kinds.js';
import type { ArgoObject, StatusNode } from './object.js';

interface RawWorkflow extends ArgoObject {
  spec?: { suspend?: boolean; [key: string]: unknown };
  status?: {
    nodes?: Record<string, StatusNode>;
    offloadNodeStatusVersion?: string;
    compressedNodes?: string;
    [key: string]: unknown;
  };
}

/** A suspend node that resume would mark Succeeded. */
export interface SuspendNode {
  readonly id: string;
  /** The full node name, `<workflow>.<task>`. */
  readonly name: string;
  /** The task or step name. */
  readonly displayName: string;
}

export interface ResumePlan {
  /** The Workflow with the changes made, ready to be sent (same resourceVersion as read). */
  readonly workflow: ArgoObject;
  readonly resumed: readonly SuspendNode[];
  /** `spec.suspend` was true and is now cleared (only when no `--node` is given). */
  readonly unsuspended: boolean;
  /** Every Running suspend node, matched or not: for a helpful message when `--node` matched none. */
  readonly running: readonly SuspendNode[];
}

export interface ResumeOptions {
  /** Only the suspend node with this name or displayName. */
  readonly node?: string;
  /** The time written to `finishedAt` (default: now). */
  readonly now?: Date;
}

/**
 * The suspend nodes Argo's `argo resume` would resume: type `Suspend`, phase `Running`, and with `node`, the one
 * whose name or displayName is `node`.
 */
export function suspendedNodes(workflow: ArgoObject, node?: string): SuspendNode[] {
  const nodes = (workflow as RawWorkflow).status?.nodes ?? {};
  const out: SuspendNode[] = [];
  for (const [id, n] of Object.entries(nodes)) {
    if (n.type !== 'Suspend' || n.phase !== 'Running') continue;
    const name = n.name ?? id;
    const displayName = n.displayName ?? name;
    if (node !== undefined && node !== name && node !== displayName) continue;
    out.push({ id, name, displayName });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * What resuming changes, as Argo's `util.ResumeWorkflow`: every selected suspend node becomes `Succeeded` with
 * `finishedAt`, output parameters the user was to supply take their default (an error when there is none), and
 * without `node`, `spec.suspend` is cleared. Pure: the input is not modified.
 */
export function planResume(workflow: ArgoObject, options: ResumeOptions = {}): ResumePlan {
  const wf = structuredClone(workflow) as RawWorkflow;
  const ref = `workflow/${wf.metadata?.name ?? ''}`;
  if (wf.status?.offloadNodeStatusVersion || wf.status?.compressedNodes)
    throw new ArgoGenError([
      issue(
        'resume/offloaded-nodes',
        ref,
        "the workflow's node status is offloaded or compressed; resume it with the Argo CLI (`argo resume`) or server",
      ),
    ]);
  const running = suspendedNodes(wf);
  const resumed = suspendedNodes(wf, options.node);
  const finishedAt = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const nodes = wf.status?.nodes ?? {};
  for (const s of resumed) {
    const n = nodes[s.id] as StatusNode;
    for (const p of n.outputs?.parameters ?? []) {
      if (!p.valueFrom?.supplied) continue;
      if (p.valueFrom.default === undefined)
        throw new ArgoGenError([
          issue(
            'resume/missing-output',
            ref,
            `node '${s.displayName}': output parameter '${p.name}' is to be supplied and has no default; set it with \`argo node set\``,
          ),
        ]);
      p.value = p.valueFrom.default;
      delete p.valueFrom;
    }
    n.phase = 'Succeeded';
    n.finishedAt = finishedAt;
  }
  let unsuspended = false;
  if (options.node === undefined && wf.spec?.suspend) {
    delete wf.spec.suspend;
    unsuspended = true;
  }
  return { workflow: wf, resumed, unsuspended, running };
}

export interface ResumeResult {
  readonly resumed: readonly SuspendNode[];
  readonly unsuspended: boolean;
  readonly running: readonly SuspendNode[];
  /** False when there was nothing to resume (nothing was written). */
  readonly changed: boolean;
}

function isConflict(error: unknown): boolean {
  return (error as { issues?: readonly { code: string }[] }).issues?.some((i) => i.code === 'kube/conflict') ?? false;
}

/**
 * Resumes a workflow's suspend nodes: GET, change `status.nodes` (and `spec.suspend`), PUT with the resourceVersion
 * read. When the controller changed the workflow in between (409), it reads and tries once more.
 */
export async function resumeWorkflow(
  kube: Kube,
  name: string,
  namespace: string,
  options: ResumeOptions = {},
): Promise<ResumeResult> {
  const ref: ObjectRef = { kind: 'Workflow', name, namespace };
  for (let attempt = 1; ; attempt++) {
    const plan = planResume(await kube.get(ref), options);
    const changed = plan.resumed.length > 0 || plan.unsuspended;
    const result = { resumed: plan.resumed, unsuspended: plan.unsuspended, running: plan.running, changed };
    if (!changed) return result;
    try {
      await kube.replace(ref, plan.workflow);
      return result;
    } catch (error) {
      if (attempt >= 2 || !isConflict(error)) throw error;
    }
  }
}

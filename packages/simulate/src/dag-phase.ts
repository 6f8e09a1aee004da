/**
 * A DAG's phase, as the controller's `assessDAGPhase` decides it: a breadth-first walk over the DAG's children
 * carries each branch's last completed phase down to omitted nodes, so that a target task inherits the failure of
 * the branch above it; any node not yet fulfilled keeps the DAG running (or undetermined, when the simulation could
 * not decide it). The DAG fails with the first failed target (all of them when `failFast` is off) unless the target
 * continues on that phase.
 */
import { isCompleted, isFailedOrError, isNodeFulfilled, type RunNode, type RunState } from './run-state.js';
import type { SimulatedPhase } from './types.js';

export interface DagPhase {
  readonly phase: SimulatedPhase;
  readonly message?: string;
}

type ContinueOn = { readonly failed?: boolean; readonly error?: boolean } | undefined;

export function assessDagPhase(
  state: RunState,
  dag: RunNode,
  targetNames: readonly string[],
  continueOnOf: (targetName: string) => ContinueOn,
  failFast: boolean,
): DagPhase {
  const targetPhases = new Map<string, SimulatedPhase | ''>(targetNames.map((n) => [state.idOf(n), '']));
  const seen = new Set<string>();
  const queue: { id: string; phase: SimulatedPhase }[] = [];
  const add = (ids: readonly string[], phase: SimulatedPhase) => {
    for (const id of ids) {
      const key = `${id}-${phase}`;
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push({ id, phase });
    }
  };
  add(dag.children, 'Succeeded');
  let open: DagPhase | undefined;
  // breadth first, read by index (a shift per node would move the whole queue each time)
  for (let next = 0; next < queue.length; next++) {
    const curr = queue[next] as { id: string; phase: SimulatedPhase };
    const node = state.nodes.get(curr.id);
    if (!node) return { phase: 'Running' };
    let branchPhase = curr.phase;
    if (!isNodeFulfilled(node)) {
      const stillOpen = openPhase(state, node);
      if (stillOpen) {
        // Argo stops at the first open node (Running); an undetermined one anywhere makes the DAG undetermined.
        if (!open || (stillOpen.phase === 'Undetermined' && open.phase !== 'Undetermined')) open = stillOpen;
        continue;
      }
      branchPhase = groupPhase(state, node);
    } else if (isCompleted(node.phase)) branchPhase = node.phase;
    const previous = targetPhases.get(node.id);
    if (previous !== undefined && !(previous !== '' && isFailedOrError(previous)))
      targetPhases.set(node.id, branchPhase);
    add(node.type === 'Retry' ? retryChildren(state, node) : node.children, branchPhase);
  }
  if (open) return open;
  let result: SimulatedPhase = 'Succeeded';
  for (const name of targetNames) {
    const branch = targetPhases.get(state.idOf(name)) ?? '';
    if (branch === '') {
      result = 'Running';
      if (!failFast) break;
    } else if (isFailedOrError(branch)) {
      const continueOn = continueOnOf(name);
      if ((branch === 'Failed' && continueOn?.failed) || (branch === 'Error' && continueOn?.error)) continue;
      result = branch;
      if (failFast) break;
    }
  }
  return { phase: result };
}

/** An unfulfilled node keeps the DAG open: Running, or Undetermined with its reason. A finished TaskGroup does not. */
function openPhase(state: RunState, node: RunNode): DagPhase | undefined {
  if (
    node.type === 'TaskGroup' &&
    node.children.length > 0 &&
    node.children.every((c) => isNodeFulfilled(state.get(c)))
  ) {
    return undefined;
  }
  if (node.phase === 'Undetermined') return { phase: 'Undetermined', message: node.message ?? '' };
  return { phase: 'Running' };
}

function groupPhase(state: RunState, node: RunNode): SimulatedPhase {
  let phase: SimulatedPhase = 'Succeeded';
  for (const c of node.children) {
    const p = state.get(c).phase;
    if (isFailedOrError(p)) phase = p;
  }
  return phase;
}

/** `getRetryNodeChildrenIds`: past a retry node, the walk continues from its attempts' children and its hooks. */
function retryChildren(state: RunState, node: RunNode): string[] {
  const out: string[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) {
    const child = state.get(node.children[i] as string);
    if (child.nodeFlag?.hooked) out.push(child.id);
    else out.push(...child.children);
  }
  return out;
}

/**
 * The mutable record of a run while it is simulated: the nodes keyed by id (as `status.nodes`), in the order they
 * were created, with their logical start and finish times. `simulate` freezes it into a `Simulation` at the end.
 */

import { nodeId } from './node-id.js';
import type { SimulatedPhase } from './types.js';

export type NodeType =
  | 'Pod'
  | 'Container'
  | 'Steps'
  | 'StepGroup'
  | 'DAG'
  | 'TaskGroup'
  | 'Retry'
  | 'Skipped'
  | 'Suspend'
  | 'HTTP'
  | 'Plugin';

export interface Parameter {
  name: string;
  value?: string;
  default?: string;
  enum?: readonly string[];
  description?: string;
  globalName?: string;
  valueFrom?: Record<string, unknown>;
}

export interface NodeOutputs {
  parameters?: Parameter[];
  result?: string;
  exitCode?: string;
  artifacts?: { name: string }[];
}

export interface TemplateRefValue {
  readonly name: string;
  readonly template: string;
  readonly clusterScope?: boolean;
}

export interface RunNode {
  readonly id: string;
  readonly name: string;
  displayName: string;
  readonly type: NodeType;
  templateName?: string;
  templateRef?: TemplateRefValue;
  templateScope?: string;
  phase: SimulatedPhase;
  message?: string;
  boundaryID?: string;
  children: string[];
  outboundNodes?: string[];
  inputs?: { parameters?: Parameter[] };
  outputs?: NodeOutputs;
  /** Logical seconds. */
  startedAt: number;
  finishedAt?: number;
  nodeFlag?: { hooked?: boolean; retried?: boolean };
  /**
   * A daemon's pod (or the retry node of one) that is running and ready: fulfilled while Running, until the template
   * that holds it ends and kills it (`killDaemons`).
   */
  daemoned?: boolean;
  /** A daemon's pod IP (`tasks.<name>.ip`), which the controller records only for daemoned nodes. */
  podIP?: string;
  /**
   * The error `executeTemplate` returned with this node (its template could not be resolved, its inputs bound, its
   * outputs collected): the caller reports it further (`task '…' errored: …`), as the controller does.
   */
  executionError?: string;
  /** The hook and exit-handler nodes among its children. */
  hooks?: string[];
  /** Creation sequence, to order nodes that start at the same logical time. */
  readonly seq: number;
}

export interface NewNode {
  readonly name: string;
  readonly type: NodeType;
  readonly phase: SimulatedPhase;
  readonly at: number;
  readonly boundaryID?: string;
  readonly templateName?: string;
  readonly templateRef?: TemplateRefValue;
  readonly templateScope?: string;
  readonly message?: string;
  readonly nodeFlag?: { hooked?: boolean; retried?: boolean };
}

/** `^(\[\d+\])?\.`: what the controller strips from a node name after its boundary's name to make the display name. */
const STEPS_OR_DAG_SEPARATOR = /^(\[\d+\])?\./;

export function isFulfilled(phase: SimulatedPhase): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error' || phase === 'Skipped' || phase === 'Omitted';
}

/**
 * `NodeStatus.Fulfilled`: a fulfilled phase, or a daemoned node that is not pending (a daemon that is running and ready
 * lets its dependants and its step group go on).
 */
export function isNodeFulfilled(node: Pick<RunNode, 'phase' | 'daemoned'>): boolean {
  return isFulfilled(node.phase) || (node.daemoned === true && node.phase !== 'Pending');
}

/** Succeeded, Failed or Error: a node that ran (skipped and omitted ones are fulfilled but did not complete). */
export function isCompleted(phase: SimulatedPhase): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error';
}

export function isFailedOrError(phase: SimulatedPhase): boolean {
  return phase === 'Failed' || phase === 'Error';
}

export class RunState {
  readonly nodes = new Map<string, RunNode>();
  readonly undetermined: { node: string; reason: string }[] = [];
  private seq = 0;
  readonly workflowName: string;

  constructor(workflowName: string) {
    this.workflowName = workflowName;
  }

  private readonly ids = new Map<string, string>();
  private readonly bounded = new Map<string, RunNode[]>();

  /** The nodes whose boundary is node `id` (a DAG's or steps' own nodes), in the order they were created. */
  boundedBy(id: string): readonly RunNode[] {
    return this.bounded.get(id) ?? [];
  }

  idOf(name: string): string {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = nodeId(this.workflowName, name);
      this.ids.set(name, id);
    }
    return id;
  }

  byName(name: string): RunNode | undefined {
    return this.nodes.get(this.idOf(name));
  }

  get(id: string): RunNode {
    const node = this.nodes.get(id);
    if (!node) throw new Error(`simulate: no node ${id}`);
    return node;
  }

  /** Argo's `initializeNode`: the display name is the name after its boundary's name and separator. */
  create(spec: NewNode): RunNode {
    const id = this.idOf(spec.name);
    const boundary = spec.boundaryID ? this.nodes.get(spec.boundaryID) : undefined;
    const displayName = boundary
      ? spec.name
          .slice(spec.name.startsWith(boundary.name) ? boundary.name.length : 0)
          .replace(STEPS_OR_DAG_SEPARATOR, '')
      : spec.name;
    const node: RunNode = {
      id,
      name: spec.name,
      displayName,
      type: spec.type,
      phase: spec.phase,
      children: [],
      startedAt: spec.at,
      seq: this.seq++,
    };
    if (spec.boundaryID !== undefined) node.boundaryID = spec.boundaryID;
    if (spec.templateName !== undefined) node.templateName = spec.templateName;
    if (spec.templateRef !== undefined) node.templateRef = spec.templateRef;
    if (spec.templateScope !== undefined) node.templateScope = spec.templateScope;
    if (spec.message !== undefined) node.message = spec.message;
    if (spec.nodeFlag !== undefined) node.nodeFlag = spec.nodeFlag;
    if (isFulfilled(node.phase)) node.finishedAt = spec.at;
    this.nodes.set(id, node);
    if (node.boundaryID !== undefined) {
      const bounded = this.bounded.get(node.boundaryID);
      if (bounded) bounded.push(node);
      else this.bounded.set(node.boundaryID, [node]);
    }
    if (node.phase === 'Undetermined' && node.message) this.undetermined.push({ node: id, reason: node.message });
    return node;
  }

  /** Argo's `markNodePhase`: sets the phase (and message when given) and the finish time of a fulfilled node. */
  mark(node: RunNode, phase: SimulatedPhase, at: number, message?: string): RunNode {
    node.phase = phase;
    if (message !== undefined) node.message = message;
    if (isFulfilled(phase) && node.finishedAt === undefined) node.finishedAt = at;
    if (phase === 'Undetermined') this.undetermined.push({ node: node.id, reason: node.message ?? 'undetermined' });
    return node;
  }

  private readonly childSets = new Map<string, Set<string>>();

  addChild(parentName: string, childName: string): void {
    const parent = this.byName(parentName);
    if (!parent) return;
    const childId = this.idOf(childName);
    let set = this.childSets.get(parent.id);
    if (!set) {
      set = new Set(parent.children);
      this.childSets.set(parent.id, set);
    }
    if (set.has(childId)) return;
    set.add(childId);
    parent.children.push(childId);
    const child = this.nodes.get(childId);
    if (child?.nodeFlag?.hooked) parent.hooks = [...(parent.hooks ?? []), childId];
  }

  /**
   * Children already read by `hasContainerChild`, per node: how many of the first are known not to be Containers, or
   * -1 once one is. Children are only appended and a node's type never changes, so each child is read once: a task
   * many others depend on is asked this once per dependant, and a scan of all its children each time was quadratic.
   */
  private readonly containerScan = new Map<string, number>();

  /** Whether some child of `node` is a Container (a container set's pod), read in order as `children.some` would. */
  private hasContainerChild(node: RunNode): boolean {
    let read = this.containerScan.get(node.id) ?? 0;
    if (read === -1) return true;
    for (; read < node.children.length; read++) {
      if (this.get(node.children[read] as string).type === 'Container') {
        this.containerScan.set(node.id, -1);
        return true;
      }
    }
    this.containerScan.set(node.id, read);
    return false;
  }

  /** Argo's `getOutboundNodes`: the nodes a following task or step group hangs from. */
  outboundOf(id: string): string[] {
    const node = this.get(id);
    switch (node.type) {
      case 'Skipped':
      case 'Suspend':
      case 'HTTP':
      case 'Plugin':
      case 'Pod':
        // a container set's pod leads out through its containers
        if (!this.hasContainerChild(node)) return [node.id];
        return node.children.flatMap((child) => this.outboundOf(child));
      case 'Container':
      case 'TaskGroup':
        if (node.children.length === 0) return [node.id];
        return node.children.flatMap((child) =>
          // a container whose child lies outside its pod is the deepest outbound node
          node.type === 'Container' && this.get(child).boundaryID !== node.boundaryID
            ? [node.id]
            : this.outboundOf(child),
        );
      case 'Retry': {
        const last = node.children[node.children.length - 1];
        return last !== undefined ? [last] : (node.outboundNodes ?? []).flatMap((o) => this.outboundOf(o));
      }
      default:
        return (node.outboundNodes ?? []).flatMap((o) => this.outboundOf(o));
    }
  }

  /** When a node is done, its hooks and exit handler included (what a dependant waits for). */
  doneAt(node: RunNode): number {
    let at = node.finishedAt ?? node.startedAt;
    for (const hookId of node.hooks ?? []) {
      const hook = this.get(hookId);
      if (hook.boundaryID === node.boundaryID) at = Math.max(at, this.doneAt(hook));
    }
    return at;
  }

  /** The daemoned nodes not yet killed (few or none: `killDaemons` runs after every steps and DAG template). */
  private readonly daemons = new Set<RunNode>();

  /**
   * A daemon's pod running and ready (operator.go `assessNodeStatus`): Running and daemoned, fulfilled from `readyAt`
   * (the controller sets a node's finish time when it is fulfilled, so a daemon's is when it became ready).
   */
  markDaemoned(node: RunNode, readyAt: number, podIP?: string): RunNode {
    node.phase = 'Running';
    node.daemoned = true;
    node.finishedAt = readyAt;
    if (podIP !== undefined) node.podIP = podIP;
    this.daemons.add(node);
    return node;
  }

  /**
   * `killDaemonedChildren`: when a steps or DAG template's node (`boundaryID`; undefined for the workflow itself) is
   * fulfilled, the controller terminates the pods of its daemoned nodes and marks them Succeeded, with no message.
   */
  killDaemons(boundaryID: string | undefined): void {
    for (const n of this.daemons) {
      if (n.boundaryID !== boundaryID) continue;
      n.phase = 'Succeeded';
      n.daemoned = false;
      this.daemons.delete(n);
    }
  }
}

/**
 * What a simulation takes and gives. The result is shaped like a Workflow's `status` (nodes keyed by id, each like
 * Argo's NodeStatus), so that code which reads a real run reads a simulated one the same way.
 */
import type { NamedNodes } from '@argo-gen/dsl';
import type { NodeStatus } from '@argo-gen/model';

/** Argo's node phases, plus `Undetermined`: the simulation cannot say (the node's `message` says why). */
export type SimulatedPhase =
  | 'Pending'
  | 'Running'
  | 'Succeeded'
  | 'Skipped'
  | 'Failed'
  | 'Error'
  | 'Omitted'
  | 'Undetermined';

/** A workflow's final phase: `Running` when a suspend node was left waiting, `Undetermined` when a node could not be decided. */
export type WorkflowPhase = 'Succeeded' | 'Failed' | 'Error' | 'Running' | 'Undetermined';

/** One node of the run, as Argo's controller records it in `status.nodes`, with the simulated phase. */
export interface SimulatedNode extends NodeStatus {
  readonly phase: SimulatedPhase;
}

/**
 * A name a node of a workflow may have, given the names `N` its DSL value declares (NodeNamesOf of @argo-gen/dsl):
 * a declared name, or made of one as the controller makes node names: a loop's item or a retry's attempt
 * (`deploy(0:eu)`, `build(1)`), a full name (`release.web-25-gate`), an exit handler or hook (`web-25-gate.onExit`,
 * `release.hooks.running`), a step group (`[0]`). Any string when the names are not known (`N` is `string`).
 */
export type NodeName<N extends string = string> = string extends N
  ? string
  :
      | N
      | `${N}(${string}`
      | `${string}.${N}`
      | `${string}.${N}(${string}`
      | `${string}.onExit`
      | `${string}.hooks.${string}`
      | `[${number}]`;

/** A run's result; `N`: the node names of the workflow it ran, when its DSL value declares them (type-level only). */
export interface Simulation<N extends string = string> extends NamedNodes<N> {
  /** The workflow's phase as the controller would set it. */
  readonly phase: WorkflowPhase;
  /** The workflow's message (for example the failed step's message), as `status.message`. */
  readonly message?: string;
  /** Every node, keyed by node id, as `status.nodes`. */
  readonly nodes: Readonly<Record<string, SimulatedNode>>;
  /** Node ids in the order the nodes started. */
  readonly order: readonly string[];
  /** Global outputs (`status.outputs`): parameters exported with `globalName`. */
  readonly outputs?: { readonly parameters?: readonly { readonly name: string; readonly value: string }[] };
  /** The nodes whose phase is `Undetermined`, each with the reason (an expression that cannot be evaluated, a `withParam` from an output nobody gave, a resource or HTTP template's result). */
  readonly undetermined: readonly { readonly node: string; readonly reason: string }[];
}

/** How a leaf (pod, resource, HTTP, plugin) node ends. A bare phase ends it with that phase and its declared defaults. */
export type LeafOutcome =
  | 'Succeeded'
  | 'Failed'
  | 'Error'
  | {
      readonly phase?: 'Succeeded' | 'Failed' | 'Error';
      readonly exitCode?: number;
      readonly message?: string;
      /** Output parameters by name; a declared one not given takes its `valueFrom.default`, then its `value`, then "". */
      readonly parameters?: Readonly<Record<string, string>>;
      /** The `outputs.result` of a script or container (its stdout). */
      readonly result?: string;
      /** Output artifacts present (true) or missing (false); a non-optional missing artifact fails the node. */
      readonly artifacts?: Readonly<Record<string, boolean>>;
      /** Recorded duration, which the logical clock advances by (it decides `activeDeadlineSeconds`/timeouts). */
      readonly durationSeconds?: number;
    };

/** How a suspend node ends: resumed (`approve`), stopped (`reject`: the node fails), or left waiting. */
export type SuspendOutcome = 'approve' | 'reject' | 'wait';

/** What an outcome function is told about the node it decides. */
export interface NodeFacts {
  /** The node's full name (`wf.deploy.web-25-gate(0)`). */
  readonly name: string;
  readonly displayName: string;
  readonly templateName: string;
  /** Retry attempt, from 0. */
  readonly attempt: number;
  /** The node's input parameters after substitution. */
  readonly inputs: Readonly<Record<string, string>>;
}

export type Outcome = LeafOutcome | SuspendOutcome;

/** An outcome, or a function of the node that gives one (undefined: the default, success). */
export type OutcomeRule = Outcome | ((node: NodeFacts) => Outcome | undefined);

/** Outcomes by node name: keys a node of the workflow may have (NodeName), any string when its names are not known. */
export type Outcomes<N extends string = string> = string extends N
  ? Readonly<Record<string, OutcomeRule>>
  : Readonly<Partial<Record<NodeName<N>, OutcomeRule>>>;

/** `N`: the node names of the workflow (NodeNamesOf its DSL value), which type the outcomes' keys. */
export interface SimulateOptions<N extends string = string> {
  /** Workflow parameters (`-p k=v`), over the spec's `arguments.parameters`. */
  readonly parameters?: Readonly<Record<string, string>>;
  /**
   * Outcomes of leaf and suspend nodes, keyed by node name, display name or template name; the most specific match
   * wins (node name, then display name, then template name), and a retry attempt also matches its retry node's name
   * and display name. Containers and scripts with no outcome succeed with their declared defaults, suspend nodes are
   * approved; resource, data, HTTP and plugin templates with no outcome are undetermined. A key no node of the
   * workflow could have is an `ArgoGenError` (`simulate/unknown-node`); for a DSL value, a compile error too.
   */
  readonly outcomes?: Outcomes<N>;
  /** WorkflowTemplates and ClusterWorkflowTemplates that `templateRef` / `workflowTemplateRef` may call (documents or DSL values). */
  readonly templates?: readonly unknown[];
  /** Overrides `spec.entrypoint`. */
  readonly entrypoint?: string;
  /** The workflow's name (node names start with it); default `metadata.name`, or `generateName` + "sim". */
  readonly workflowName?: string;
}

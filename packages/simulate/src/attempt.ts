/**
 * One execution of a resolved template under one node name: what a retry attempt, or a template without retries,
 * runs. Each kind of template has its own executor; they all take this and return the node they made.
 */
import type { Engine } from './engine.js';
import type { NewNode, NodeType, Parameter, RunNode } from './run-state.js';
import type { Template, TemplateBase, TemplateHolder } from './templates.js';

export interface Attempt {
  readonly nodeName: string;
  readonly template: Template;
  /** Where the template's own `template:` references are looked up (the document that holds it). */
  readonly base: TemplateBase;
  /** The caller's template scope (`local/<workflow>`, `namespaced/<template>`), recorded on the node. */
  readonly templateScope: string;
  readonly holder: TemplateHolder;
  readonly boundaryID: string | undefined;
  readonly at: number;
  readonly nodeFlag?: { hooked?: boolean; retried?: boolean };
  readonly inputs: readonly Parameter[];
  /**
   * Everything the template's own fields may reference: globals, inputs, `retries`, `pod.name`… Read it with
   * `attemptScope` (attempt-scope.ts): a leaf's is built when first read, from `scopeFrom`, since most leaves never
   * read theirs and building it was ~6 % of a large run.
   */
  scope: Readonly<Record<string, string | null>> | undefined;
  /** What `scope` is built from when it is first read. */
  readonly scopeFrom: ScopeSource;
  /** Retry attempt number, from 0. */
  readonly attempt: number;
  /** The retry node, for an attempt. */
  readonly retryNode?: RunNode;
}

/** The parts of an attempt's scope besides its inputs and node name. */
export interface ScopeSource {
  /** The workflow's globals, as they are when the scope is built. */
  readonly globals: Readonly<Record<string, string | null>>;
  /** The caller's local names (`tasks.name`, `steps.name`). */
  readonly local: Readonly<Record<string, string | null>> | undefined;
  /** The workflow's name, for the attempt's `pod.name`; undefined for a retried template (each retry has its own). */
  readonly workflowName: string | undefined;
}

export type Executor = (e: Engine, a: Attempt) => RunNode;

/** The node an attempt starts, of `type`, Running: the fields every such node shares (assigned: made for every node). */
export function nodeBase(a: Attempt, type: NodeType): NewNode {
  const spec: { -readonly [K in keyof NewNode]: NewNode[K] } = { name: a.nodeName, type, phase: 'Running', at: a.at };
  spec.boundaryID = a.boundaryID;
  if (a.holder.template !== undefined) spec.templateName = a.holder.template;
  if (a.holder.templateRef !== undefined) spec.templateRef = a.holder.templateRef;
  spec.templateScope = a.templateScope;
  if (a.nodeFlag !== undefined) spec.nodeFlag = a.nodeFlag;
  return spec;
}

export function withInputs(node: RunNode, inputs: readonly Parameter[]): RunNode {
  if (inputs.length > 0) node.inputs = { parameters: inputs.map((p) => ({ ...p })) };
  return node;
}

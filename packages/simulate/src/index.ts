/**
 * Runs a synthesised Workflow, WorkflowTemplate or CronWorkflow through Argo's scheduling semantics, with no cluster
 * and no containers: which nodes run, in what order, with what phase, and the workflow's final phase.
 */
export type { Evaluated } from './expr/evaluated.js';
export type {
  LeafOutcome,
  NodeFacts,
  Outcome,
  OutcomeRule,
  SimulatedNode,
  SimulatedPhase,
  SimulateOptions,
  Simulation,
  SuspendOutcome,
  WorkflowPhase,
} from './types.js';

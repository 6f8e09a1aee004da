/**
 * Runs a synthesised Workflow, WorkflowTemplate or CronWorkflow through Argo's scheduling semantics, with no cluster
 * and no containers: which nodes run, in what order, with what phase, and the workflow's final phase.
 */
export { evaluateArgoBool, evaluateValueFrom } from './expr/argo-expression.js';
export {
  type ContinueOn,
  type DependencyKind,
  dependsLogic,
  evaluateDependsLogic,
  type TaskResults,
} from './expr/depends.js';
export type { Evaluated } from './expr/evaluated.js';
export { evaluateExprLang } from './expr/expr-lang.js';
export { evaluateGovaluate } from './expr/govaluate.js';
export { type SubstituteOptions, substitute } from './expr/template.js';
export { evaluateWhen, isMissingVariable } from './expr/when.js';
export {
  assertDidNotRun,
  assertPhase,
  assertRan,
  assertRanBefore,
  type MatchResult,
  type SimulationMatchers,
  simulationMatchers,
} from './matchers.js';
export { type FormatOptions, formatSimulation } from './print/format-simulation.js';
export { simulate } from './simulate.js';
export type {
  LeafOutcome,
  NodeFacts,
  NodeName,
  Outcome,
  OutcomeRule,
  Outcomes,
  SimulatedNode,
  SimulatedPhase,
  SimulateOptions,
  Simulation,
  SuspendOutcome,
  WorkflowPhase,
} from './types.js';

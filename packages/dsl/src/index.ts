// @argo-gen/dsl: typed, immutable building blocks for Argo Workflows.

/** A deliberate exception to a security rule, for a template's `metadata.annotations` (README "Security"). */
export { securityException } from '@argo-gen/model';
export { API_VERBS, type ApiAccess, type ApiVerb, apiAccess } from './access.js';
export {
  type Account,
  AGENT_ACCESS,
  EXECUTOR_ACCESS,
  eventBindingNeeds,
  type Need,
  workflowNeeds,
} from './access-needs.js';
export type { ArgFor, Args, ArgValue, ArtifactArg, NoArgs } from './args.js';
export type { Callable, TemplateRef } from './callable.js';
export { asBoolean, asNumber, Condition, when } from './conditions.js';
export { type DagEntry, type DagOptions, dag } from './dag.js';
export { type DeclarationNotes, declarationOf, declarationsModule, descriptionsOf } from './declarations-module.js';
export {
  type DeclaredArtifact,
  type DeclaredInputs,
  type DeclaredOutputs,
  type DeclaredParam,
  type DeclaredTemplate,
  type DeclaredWorkflowTemplate,
  declareWorkflowTemplate,
  isDeclaredWorkflowTemplate,
  type TemplatesDeclaration,
} from './declared.js';
export { and, Depends, not, or, type TaskResult } from './depends.js';
export {
  type EventArgs,
  type EventBindingOptions,
  type EventBindingValue,
  EventPath,
  event,
  on,
  Selector,
  workflowEventBinding,
} from './event-binding.js';
export { type ExprValue, expr } from './expr.js';
export type { Item, ParamItem } from './item.js';
export type { NamedNodes, NodeNamesOf } from './node-names.js';
export type { Operand, Scalar } from './operands.js';
export {
  type OutputArtifactSpec,
  type OutputHandles,
  type OutputParamSpec,
  type OutputSpec,
  type OutputSpecs,
  output,
} from './outputs.js';
export {
  type ArtifactSpec,
  artifact,
  type InputSpec,
  type InputSpecs,
  type Inputs,
  inputs,
  type ParamSpec,
  type ParamType,
  param,
  paramsNamed,
  type ValueOf,
  type WorkflowParams,
  workflowParams,
} from './params.js';
export { type PolicyRule, type RbacObject, type RbacOptions, type RbacValue, rbac, rulesFor } from './rbac.js';
export {
  type CreationPart,
  isRef,
  node,
  pod,
  Ref,
  raw,
  retries,
  type Value,
  type ValueType,
  workflow as globals,
} from './ref.js';
export { type StepEntry, steps } from './steps.js';
export {
  type Linter,
  type StageOptions,
  type Synthesizable,
  type Synthesized,
  type SynthOptions,
  synth,
} from './synth.js';
export {
  type CallOptions,
  type Hook,
  type LoopOptions,
  type OptionsArg,
  type Step,
  step,
  type Task,
  type TaskOptions,
  task,
} from './task.js';
export {
  container,
  containerSet,
  http,
  type LooseInputs,
  type LooseOutputs,
  type RawOutputs,
  rawTemplate,
  resource,
  script,
  suspend,
  type Template,
  type TemplateBody,
  type TemplateExtras,
  type TemplateOptions,
  withAccess,
} from './template.js';
export { templateRef } from './template-ref.js';
export type { WithRefs } from './with-refs.js';
export {
  type CronOptions,
  type CronWorkflowValue,
  clusterWorkflowTemplate,
  cronWorkflow,
  type Metadata,
  type SpecExtras,
  type WorkflowLike,
  type WorkflowOptions,
  type WorkflowTemplateValue,
  type WorkflowValue,
  workflow,
  workflowFrom,
  workflowTemplate,
} from './workflow.js';
export { toYaml } from './yaml.js';

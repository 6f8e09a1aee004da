// @argo-gen/dsl/internal: what the argo-gen CLI needs from the DSL beyond its public API, kept out of the main entry
// so that `@argo-gen/dsl` (and its API report) holds only what templates use. No stability promise: it changes with
// the CLI, which is versioned with this package.

/** The declarations (`argo-gen types`) a run's workflows call through templateRef. */
export { declarationsCalled } from './collect.js';
/** A declaration as a WorkflowTemplate of signatures, for the lint to resolve templateRefs against. */
export { declaredDocument } from './declared.js';
/** synth() in two halves: render and check the schema now, lint once the run's WorkflowTemplates are all known. */
export { type Staged, stage } from './synth.js';

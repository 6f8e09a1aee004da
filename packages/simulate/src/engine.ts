/**
 * What every part of the simulation shares while a run is simulated: the nodes, where templates are found, the
 * outcomes the caller gave, and the workflow's global scope (`workflow.*`), which grows as global outputs are set.
 */
import type { Slots } from './parallelism.js';
import type { RunState } from './run-state.js';
import type { Library, Template, TemplateBase, TemplateHolder } from './templates.js';
import type { OutcomeRule } from './types.js';

export interface Engine {
  readonly state: RunState;
  readonly library: Library;
  /** The outcomes given, or undefined when none were (a leaf then builds no facts for rules to read). */
  readonly outcomes: Readonly<Record<string, OutcomeRule>> | undefined;
  /** `workflow.*` names: parameters, name, namespace, status, failures, outputs.parameters. */
  readonly globals: Record<string, string | null>;
  /** Counts the changes to `globals` (see `setGlobal`): a scope built over them is current while it is unchanged. */
  globalsVersion: number;
  /** Global outputs by `globalName`, in the order they were first set. */
  readonly globalOutputs: Map<string, string>;
  /** `spec.retryStrategy`: the default for templates that have none. */
  readonly defaultRetryStrategy: Readonly<Record<string, unknown>> | undefined;
  /** `spec.templateDefaults`, merged under every template. */
  readonly templateDefaults: Readonly<Record<string, unknown>> | undefined;
  /** `spec.activeDeadlineSeconds` on the logical clock: pods are cut off there, nothing starts after it. */
  readonly deadline: number | undefined;
  /** `spec.parallelism`: how many pods of the workflow may run at once. */
  readonly pods: Slots;
}

/** Sets a `workflow.*` name: everything that runs from now on sees it. */
export function setGlobal(e: Engine, name: string, value: string | null): void {
  e.globals[name] = value;
  e.globalsVersion++;
}

/** One call of a template: what the controller's `executeTemplate` is given. */
export interface Call {
  readonly nodeName: string;
  readonly holder: TemplateHolder;
  /** The document whose templates a plain `template:` names. */
  readonly base: TemplateBase;
  /** The caller's arguments, already substituted. */
  readonly args: Readonly<Record<string, unknown>> | undefined;
  readonly boundaryID: string | undefined;
  readonly at: number;
  readonly nodeFlag?: { hooked?: boolean; retried?: boolean };
  /**
   * Local names the caller adds (`tasks.name`, `steps.name`), for the template's own substitution. Never `item`: the
   * controller substitutes it into the looping step or task only, so a called template sees an item only through its
   * inputs.
   */
  readonly local?: Readonly<Record<string, string | null>>;
}

export type { Template };

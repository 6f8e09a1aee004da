import type * as model from '@argo-gen/model';
import type { SourceLocation } from '@argo-gen/model';
import { type ApiAccess, apiAccess } from './access.js';
import { deepFreeze } from './internal/freeze.js';
import { type CallSite, captureSite, defineSource } from './internal/source.js';
import type { NamedNodes } from './node-names.js';
import type { OutputArtifactSpec, OutputParamSpec, OutputSpecs } from './outputs.js';
import { type InputSpecs, type Inputs, type ParamSpec, specsOf } from './params.js';
import type { WithRefs } from './with-refs.js';

/** Fields of Argo's Template that say what the template *runs*; each has its own constructor. */
type BodyField =
  | 'container'
  | 'script'
  | 'resource'
  | 'suspend'
  | 'http'
  | 'containerSet'
  | 'dag'
  | 'steps'
  | 'data'
  | 'plugin';

/** Everything else on Argo's Template (retryStrategy, timeout, metrics, nodeSelector, …), handles allowed. */
export type TemplateExtras = WithRefs<Omit<model.Template, BodyField | 'name' | 'inputs' | 'outputs'>>;

export interface TemplateOptions<I extends InputSpecs, O extends OutputSpecs> extends TemplateExtras {
  readonly inputs?: Inputs<I>;
  readonly outputs?: O;
  /**
   * What the template's own container does with the Kubernetes API (not part of the YAML): `rbac()` derives the
   * Roles of its ServiceAccount from it. `[]` says it uses none.
   * @default undeclared: `rbac()` refuses a template that mounts an API token without saying what it does with it
   */
  readonly access?: readonly ApiAccess[];
}

/** What a template runs. DAG and steps bodies hold DSL tasks, rendered at synthesis. */
export type TemplateBody =
  | { readonly type: 'container'; readonly container: WithRefs<model.Container> }
  | { readonly type: 'script'; readonly script: WithRefs<model.ScriptTemplate> }
  | { readonly type: 'resource'; readonly resource: WithRefs<model.ResourceTemplate> }
  | { readonly type: 'suspend'; readonly suspend: WithRefs<model.SuspendTemplate> }
  | { readonly type: 'http'; readonly http: WithRefs<model.HTTP> }
  | { readonly type: 'containerSet'; readonly containerSet: WithRefs<model.ContainerSetTemplate> }
  | {
      readonly type: 'dag';
      readonly tasks: readonly unknown[];
      readonly dag: WithRefs<Omit<model.DAGTemplate, 'tasks'>>;
    }
  | { readonly type: 'steps'; readonly groups: readonly (readonly unknown[])[] }
  | { readonly type: 'raw'; readonly template: model.Template }
  /** A template declared by `argo-gen types` (declared.ts): its signature only, called through `templateRef`. */
  | { readonly type: 'declared' };

/**
 * A template value: its name, typed inputs and outputs, body and options, and where it was declared.
 * Values are frozen; the same template can be used by many tasks and many workflows. `N` is the names its nodes may
 * have (its own, its tasks' or steps', and those of what they call), in the type only (node-names.ts).
 */
export interface Template<
  I extends InputSpecs = InputSpecs,
  O extends OutputSpecs = OutputSpecs,
  N extends string = string,
> extends NamedNodes<N> {
  readonly kind: 'template';
  readonly name: string;
  readonly inputs: I;
  readonly outputs: O;
  readonly body: TemplateBody;
  readonly options: TemplateExtras;
  /** The API access its container needs (TemplateOptions.access); undefined when undeclared. */
  readonly access?: readonly ApiAccess[];
  readonly source?: SourceLocation;
}

export function makeTemplate<I extends InputSpecs, O extends OutputSpecs, N extends string = string>(
  name: string,
  body: TemplateBody,
  options: TemplateOptions<I, O> | undefined,
  site: CallSite = captureSite(),
): Template<I, O, N> {
  const { inputs, outputs, access, ...extras } = options ?? {};
  const value: Template<I, O, N> = {
    kind: 'template',
    name,
    inputs: deepFreeze(specsOf(inputs) as I),
    outputs: deepFreeze((outputs ?? {}) as O),
    body: deepFreeze(body),
    options: deepFreeze(extras),
    ...(access ? { access: apiAccess(...access) } : {}),
  };
  defineSource(value, site);
  return Object.freeze(value);
}

/** A container template: one container runs to completion. */
export function container<
  const I extends InputSpecs = Record<never, never>,
  const O extends OutputSpecs = Record<never, never>,
  const Name extends string = string,
>(
  name: Name,
  spec: WithRefs<Omit<model.Container, 'name'>> & { readonly name?: string },
  options?: TemplateOptions<I, O>,
): Template<I, O, Name> {
  return makeTemplate(name, { type: 'container', container: spec as WithRefs<model.Container> }, options);
}

/** A script template: `source` is written to a file and run by `command` (emitted as a YAML block scalar). */
export function script<
  const I extends InputSpecs = Record<never, never>,
  const O extends OutputSpecs = Record<never, never>,
  const Name extends string = string,
>(
  name: Name,
  spec: WithRefs<Omit<model.ScriptTemplate, 'name'>> & { readonly name?: string },
  options?: TemplateOptions<I, O>,
): Template<I, O, Name> {
  return makeTemplate(name, { type: 'script', script: spec as WithRefs<model.ScriptTemplate> }, options);
}

/** A resource template: create, apply, patch or delete a Kubernetes object, optionally waiting for a condition. */
export function resource<
  const I extends InputSpecs = Record<never, never>,
  const O extends OutputSpecs = Record<never, never>,
  const Name extends string = string,
>(name: Name, spec: WithRefs<model.ResourceTemplate>, options?: TemplateOptions<I, O>): Template<I, O, Name> {
  return makeTemplate(name, { type: 'resource', resource: spec }, options);
}

/** A suspend template: wait for a duration, or (without one) until resumed: an approval gate. */
export function suspend<
  const I extends InputSpecs = Record<never, never>,
  const O extends OutputSpecs = Record<never, never>,
  const Name extends string = string,
>(name: Name, spec: WithRefs<model.SuspendTemplate> = {}, options?: TemplateOptions<I, O>): Template<I, O, Name> {
  return makeTemplate(name, { type: 'suspend', suspend: spec }, options);
}

/** An HTTP template: the controller's agent makes the request; no pod of your own. */
export function http<
  const I extends InputSpecs = Record<never, never>,
  const O extends OutputSpecs = Record<never, never>,
  const Name extends string = string,
>(name: Name, spec: WithRefs<model.HTTP>, options?: TemplateOptions<I, O>): Template<I, O, Name> {
  return makeTemplate(name, { type: 'http', http: spec }, options);
}

/** A container set: several containers in one pod, with dependencies between them. */
export function containerSet<
  const I extends InputSpecs = Record<never, never>,
  const O extends OutputSpecs = Record<never, never>,
  const Name extends string = string,
>(name: Name, spec: WithRefs<model.ContainerSetTemplate>, options?: TemplateOptions<I, O>): Template<I, O, Name> {
  return makeTemplate(name, { type: 'containerSet', containerSet: spec }, options);
}

/** Inputs of a raw template: every name is accepted and optional, as the DSL cannot know them. */
export type LooseInputs = Readonly<Record<string, ParamSpec<unknown, false>>>;
/** Outputs of a raw template: any parameter name can be referenced. */
export type LooseOutputs = Readonly<Record<string, OutputParamSpec>>;

/**
 * The escape hatch for a template the DSL does not model: a plain Argo `Template` object. Tasks can call it like any
 * other template; its fields are still validated against Argo's schema and rules at synthesis.
 */
export function rawTemplate<const T extends model.Template>(template: T): Template<LooseInputs, RawOutputs<T>> {
  if (!template.name) throw new TypeError('rawTemplate: the template needs a name');
  return makeTemplate<LooseInputs, RawOutputs<T>>(template.name, { type: 'raw', template }, undefined);
}

/**
 * The same template with its API access declared (replacing any declaration): for a `rawTemplate`, or a step whose
 * container does more than its factory knows (a playbook, a script).
 */
export function withAccess<I extends InputSpecs, O extends OutputSpecs, N extends string = string>(
  template: Template<I, O, N>,
  access: readonly ApiAccess[],
): Template<I, O, N> {
  const { kind, name, inputs, outputs, body, options } = template;
  const value: Template<I, O, N> = { kind, name, inputs, outputs, body, options, access: apiAccess(...access) };
  // The declaration site stays the template's own, found only when an error asks for it.
  defineSource(value, () => template.source);
  return Object.freeze(value);
}

type NamesOf<L> = L extends readonly { readonly name: infer N extends string }[] ? N : never;

/**
 * The outputs a raw template declares, by name (a misspelled output of it is a compile error, and a handle on it is
 * never `undefined` under `noUncheckedIndexedAccess`); any name when it declares none (a stub for a `templateRef`).
 */
export type RawOutputs<T> = T extends { readonly outputs: infer Out extends model.Outputs }
  ? { readonly [K in NamesOf<Out['parameters']>]: OutputParamSpec } & {
      readonly [K in NamesOf<Out['artifacts']>]: OutputArtifactSpec;
    }
  : LooseOutputs;

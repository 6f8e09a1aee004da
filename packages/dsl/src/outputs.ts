import type * as model from '@argo-gen/model';
import type { ParamType } from './params.js';
import type { Ref } from './ref.js';
import type { WithRefs } from './with-refs.js';

/** A declared output parameter: where its value comes from when the template finishes. */
export interface OutputParamSpec {
  readonly kind: 'parameter';
  readonly valueFrom: {
    readonly path?: string;
    readonly expression?: string;
    readonly jsonPath?: string;
    readonly jqFilter?: string;
    readonly parameter?: string | Ref;
    readonly supplied?: Record<string, never>;
    readonly default?: string;
    readonly configMapKeyRef?: { readonly name: string; readonly key: string };
  };
  readonly globalName?: string;
  readonly description?: string;
  readonly enum?: readonly string[];
  /**
   * What the value means (Argo passes it as a string): a `number` or `boolean` output's handle is typed so, and
   * expressions convert it as Argo allows (`when.lt(t.outputs.parameters.p95, 300)`). Not emitted: Argo has no field.
   */
  readonly type?: ParamType;
}

/**
 * A declared output artifact: a path (or, in a DAG or steps template, a task's artifact), and any other field of
 * Argo's Artifact, handles allowed: where to store it (`s3: { key: \`out/${globals.name}\` }`), `archive`,
 * `artifactGC`, `globalName`, …
 */
export type OutputArtifactSpec = {
  readonly kind: 'artifact';
  readonly from?: string | Ref;
} & WithRefs<Omit<model.Artifact, 'name' | 'from'>>;

export type OutputSpec = OutputParamSpec | OutputArtifactSpec;
export type OutputSpecs = Readonly<Record<string, OutputSpec>>;

interface ParamExtras {
  readonly globalName?: string;
  readonly description?: string;
  /** Used when the source is missing (e.g. the file was not written), instead of failing the node. */
  readonly default?: string;
  /** The value's type for expressions (default `string`); see OutputParamSpec.type. */
  readonly type?: ParamType;
}

/** An output declaration keeps its `type` in its TypeScript type, so that its handles are typed by it. */
type Declared<E> = OutputParamSpec & (E extends { readonly type: infer T } ? { readonly type: T } : unknown);

function parameter<E extends ParamExtras>(valueFrom: OutputParamSpec['valueFrom'], extras?: E): Declared<E> {
  if (extras === undefined) return Object.freeze({ kind: 'parameter', valueFrom }) as Declared<E>; // the usual call
  const { default: def, ...rest } = extras;
  return Object.freeze({
    kind: 'parameter',
    valueFrom: { ...valueFrom, ...(def === undefined ? {} : { default: def }) },
    ...rest,
  }) as Declared<E>;
}

/** Output declarations for a template's `outputs`. */
export const output = Object.freeze({
  /** The contents of a file the container wrote. */
  path: <const E extends ParamExtras = Record<never, never>>(path: string, extras?: E) => parameter({ path }, extras),
  /** An expr-lang expression evaluated by the controller. */
  expression: <const E extends ParamExtras = Record<never, never>>(expression: string, extras?: E) =>
    parameter({ expression }, extras),
  /** Resource templates: a JSONPath into the created object. */
  jsonPath: <const E extends ParamExtras = Record<never, never>>(jsonPath: string, extras?: E) =>
    parameter({ jsonPath }, extras),
  /** Resource templates: a jq filter over the created object. */
  jqFilter: <const E extends ParamExtras = Record<never, never>>(jqFilter: string, extras?: E) =>
    parameter({ jqFilter }, extras),
  /** DAG and steps templates: re-export an output of one of their tasks or steps. */
  from: <const E extends ParamExtras = Record<never, never>>(ref: Ref, extras?: E) =>
    parameter({ parameter: ref }, extras),
  /** Suspend templates: a value supplied by whoever resumes the workflow (an approval's answer). */
  supplied: <const E extends ParamExtras = Record<never, never>>(extras?: E) => parameter({ supplied: {} }, extras),
  /** An artifact saved from a path in the container. */
  artifact: (path: string, extras: Omit<OutputArtifactSpec, 'kind' | 'path' | 'from'> = {}): OutputArtifactSpec =>
    Object.freeze({ kind: 'artifact', path, ...extras }),
  /** DAG and steps templates: re-export an artifact of one of their tasks or steps. */
  artifactFrom: (ref: Ref, extras: Omit<OutputArtifactSpec, 'kind' | 'path' | 'from'> = {}): OutputArtifactSpec =>
    Object.freeze({ kind: 'artifact', from: ref, ...extras }),
});

type ParamKeys<O> = { [K in keyof O]: O[K] extends OutputParamSpec ? K : never }[keyof O];
/** The TypeScript type of an output parameter's value: its declared `type`, string when none. */
type OutputValue<S> = S extends { readonly type: 'number' }
  ? number
  : S extends { readonly type: 'boolean' }
    ? boolean
    : string;
type ArtifactKeys<O> = { [K in keyof O]: O[K] extends OutputArtifactSpec ? K : never }[keyof O];

/** Typed handles on a task's or step's outputs. A misspelled name is a compile error. */
export interface OutputHandles<O extends OutputSpecs> {
  readonly parameters: { readonly [K in ParamKeys<O> & string]: Ref<OutputValue<O[K]>> };
  /** Any name for a template whose outputs are not declared to the DSL (`rawTemplate`), as for its parameters. */
  readonly artifacts: string extends keyof O
    ? { readonly [name: string]: Ref<string> }
    : { readonly [K in ArtifactKeys<O> & string]: Ref<string> };
  /** The standard output of a script or container template (`outputs.result`). */
  readonly result: Ref<string>;
}

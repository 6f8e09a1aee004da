import type { Ref } from './ref.js';

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
}

/** A declared output artifact. */
export interface OutputArtifactSpec {
  readonly kind: 'artifact';
  readonly path?: string;
  readonly from?: string | Ref;
  readonly globalName?: string;
  readonly optional?: boolean;
  readonly archive?: Readonly<Record<string, unknown>>;
}

export type OutputSpec = OutputParamSpec | OutputArtifactSpec;
export type OutputSpecs = Readonly<Record<string, OutputSpec>>;

interface ParamExtras {
  readonly globalName?: string;
  readonly description?: string;
  /** Used when the source is missing (e.g. the file was not written), instead of failing the node. */
  readonly default?: string;
}

function parameter(valueFrom: OutputParamSpec['valueFrom'], extras?: ParamExtras): OutputParamSpec {
  if (extras === undefined) return Object.freeze({ kind: 'parameter', valueFrom }); // the usual call: no extras
  const { default: def, ...rest } = extras;
  return Object.freeze({
    kind: 'parameter',
    valueFrom: { ...valueFrom, ...(def === undefined ? {} : { default: def }) },
    ...rest,
  });
}

/** Output declarations for a template's `outputs`. */
export const output = Object.freeze({
  /** The contents of a file the container wrote. */
  path: (path: string, extras?: ParamExtras) => parameter({ path }, extras),
  /** An expr-lang expression evaluated by the controller. */
  expression: (expression: string, extras?: ParamExtras) => parameter({ expression }, extras),
  /** Resource templates: a JSONPath into the created object. */
  jsonPath: (jsonPath: string, extras?: ParamExtras) => parameter({ jsonPath }, extras),
  /** Resource templates: a jq filter over the created object. */
  jqFilter: (jqFilter: string, extras?: ParamExtras) => parameter({ jqFilter }, extras),
  /** DAG and steps templates: re-export an output of one of their tasks or steps. */
  from: (ref: Ref, extras?: ParamExtras) => parameter({ parameter: ref }, extras),
  /** Suspend templates: a value supplied by whoever resumes the workflow (an approval's answer). */
  supplied: (extras?: ParamExtras) => parameter({ supplied: {} }, extras),
  /** An artifact saved from a path in the container. */
  artifact: (path: string, extras: Omit<OutputArtifactSpec, 'kind' | 'path' | 'from'> = {}): OutputArtifactSpec =>
    Object.freeze({ kind: 'artifact', path, ...extras }),
  /** DAG and steps templates: re-export an artifact of one of their tasks or steps. */
  artifactFrom: (ref: Ref, extras: Omit<OutputArtifactSpec, 'kind' | 'path' | 'from'> = {}): OutputArtifactSpec =>
    Object.freeze({ kind: 'artifact', from: ref, ...extras }),
});

type ParamKeys<O> = { [K in keyof O]: O[K] extends OutputParamSpec ? K : never }[keyof O];
type ArtifactKeys<O> = { [K in keyof O]: O[K] extends OutputArtifactSpec ? K : never }[keyof O];

/** Typed handles on a task's or step's outputs. A misspelled name is a compile error. */
export interface OutputHandles<O extends OutputSpecs> {
  readonly parameters: { readonly [K in ParamKeys<O> & string]: Ref<string> };
  readonly artifacts: { readonly [K in ArtifactKeys<O> & string]: Ref<string> };
  /** The standard output of a script or container template (`outputs.result`). */
  readonly result: Ref<string>;
}

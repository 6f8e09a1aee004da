import { ArgoGenError, issue } from '@argo-gen/model';
import { setKey } from './internal/set-key.js';
import { captureSite } from './internal/source.js';
import { literalProblem } from './literal-check.js';
import { type Ref, typedHandleAt } from './ref.js';

export type ParamType = 'string' | 'number' | 'boolean';

/**
 * A declared parameter: its type (Argo passes strings, so numbers and booleans are rendered as Argo accepts them),
 * an optional default, enum and description. `Required` is true when the caller must supply a value.
 */
export interface ParamSpec<T = unknown, Required extends boolean = boolean> {
  readonly kind: 'param';
  readonly type: ParamType;
  readonly default?: T;
  readonly enum?: readonly T[];
  readonly description?: string;
  readonly required: Required;
  /** Input parameters only: where Argo takes the value from when none is passed (e.g. a ConfigMap key). */
  readonly valueFrom?: {
    readonly configMapKeyRef?: { readonly name: string; readonly key: string; readonly optional?: boolean };
  };
  readonly globalName?: string;
  declare?: T;
}

/** An input artifact: where the template expects it on disk. */
export interface ArtifactSpec {
  readonly kind: 'artifact';
  readonly path: string;
  readonly optional?: boolean;
  readonly mode?: number;
  /** A source for the artifact when the caller passes none (git, http, s3, …), as in Argo's Artifact. */
  readonly from?: Readonly<Record<string, unknown>>;
  readonly description?: string;
}

export type InputSpec = ParamSpec | ArtifactSpec;
export type InputSpecs = Readonly<Record<string, InputSpec>>;

interface ParamOptions<T> {
  readonly default?: T;
  readonly description?: string;
  readonly globalName?: string;
}

type RequiredFor<O> = O extends { readonly default: unknown } ? false : true;

function make<T>(type: ParamType, options: ParamOptions<T> & { enum?: readonly T[] }): ParamSpec<T, boolean> {
  // A default is a literal like an argument, and `generate` does not type-check: it is checked here (see args.ts).
  const problem =
    options.default === undefined
      ? undefined
      : literalProblem({ type, enum: options.enum }, options.default as string | number | boolean, undefined);
  if (problem)
    throw new ArgoGenError([
      issue('dsl/bad-default', '', `param.${options.enum ? 'enum' : type}(): default ${problem}`, {
        source: captureSite()(),
      }),
    ]);
  return Object.freeze({ kind: 'param', type, ...options, required: options.default === undefined });
}

/** Parameter declarations for `inputs()` and `workflowParams()`. */
export const param = Object.freeze({
  string<O extends ParamOptions<string> = Record<never, never>>(options?: O): ParamSpec<string, RequiredFor<O>> {
    return make('string', options ?? {}) as ParamSpec<string, RequiredFor<O>>;
  },
  number<O extends ParamOptions<number> = Record<never, never>>(options?: O): ParamSpec<number, RequiredFor<O>> {
    return make('number', options ?? {}) as ParamSpec<number, RequiredFor<O>>;
  },
  boolean<O extends ParamOptions<boolean> = Record<never, never>>(options?: O): ParamSpec<boolean, RequiredFor<O>> {
    return make('boolean', options ?? {}) as ParamSpec<boolean, RequiredFor<O>>;
  },
  /** A string limited to the given values; rendered as Argo's `enum`. */
  enum<const V extends string, O extends ParamOptions<V> = Record<never, never>>(
    values: readonly V[],
    options?: O,
  ): ParamSpec<V, RequiredFor<O>> {
    return make<V>('string', { ...(options ?? {}), enum: values }) as ParamSpec<V, RequiredFor<O>>;
  },
  /** A parameter whose default comes from a ConfigMap key. */
  fromConfigMap(
    name: string,
    key: string,
    options: { description?: string; optional?: boolean } = {},
  ): ParamSpec<string, false> {
    return Object.freeze({
      kind: 'param',
      type: 'string',
      description: options.description,
      required: false,
      valueFrom: { configMapKeyRef: { name, key, ...(options.optional ? { optional: true } : {}) } },
    }) as ParamSpec<string, false>;
  },
});

/**
 * The same kind of parameter under each of `names`, typed by the names: `inputs({ ...paramsNamed(vars, () =>
 * param.string()) })` declares one required string input per name, where the names are an option of a step (its
 * runtime variables, say). A record built from a list cannot be typed by TypeScript without a cast: this is that
 * cast, in one place, so that factories stay free of them.
 */
export function paramsNamed<const K extends string, S extends ParamSpec>(
  names: readonly K[],
  make: (name: K) => S,
): { readonly [N in K]: S } {
  const specs: Record<string, S> = {};
  for (const name of names) setKey(specs, name, make(name));
  return Object.freeze(specs) as { readonly [N in K]: S };
}

/** Input artifact declaration. */
export function artifact<const O extends Omit<ArtifactSpec, 'kind' | 'path'> = Record<never, never>>(
  path: string,
  options?: O,
): ArtifactSpec & O {
  // The options' literal type is kept so that `{ optional: true }` makes the argument optional at compile time.
  return Object.freeze({ kind: 'artifact', path, ...options }) as ArtifactSpec & O;
}

// Symbol.for, not Symbol(): a template compiled by the CLI may use another copy of this package than the CLI itself.
const SPEC = Symbol.for('argo-gen.inputs');

/** The value type a spec declares. */
export type ValueOf<S> = S extends ParamSpec<infer T> ? T : S extends ArtifactSpec ? string : never;

/** Handles on declared inputs: `hi.who` renders `{{inputs.parameters.who}}`. */
export type Inputs<S extends InputSpecs = InputSpecs> = { readonly [K in keyof S]: Ref<ValueOf<S[K]>> } & {
  readonly [SPEC]: S;
};

/**
 * Declares a template's inputs and returns handles on them. Declare them before the template so that its body can
 * use them: `const i = inputs({ who: param.string() }); container('hello', { inputs: i, args: ['echo', i.who] })`.
 */
export function inputs<const S extends InputSpecs>(specs: S): Inputs<S> {
  const handles: Record<string | symbol, unknown> = { [SPEC]: specs };
  for (const name in specs) {
    const spec = specs[name];
    if (spec === undefined || !Object.hasOwn(specs, name)) continue;
    setKey(
      handles,
      name,
      spec.kind === 'param'
        ? typedHandleAt(spec.type, 'inputs', 'parameters', name)
        : typedHandleAt(undefined, 'inputs', 'artifacts', name),
    );
  }
  return Object.freeze(handles) as Inputs<S>;
}

export function specsOf<S extends InputSpecs>(i: Inputs<S> | undefined): S {
  return (i?.[SPEC] ?? {}) as S;
}

const WF_SPEC = Symbol.for('argo-gen.workflow-params');

export type WorkflowParams<S extends Readonly<Record<string, ParamSpec>> = Readonly<Record<string, ParamSpec>>> = {
  readonly [K in keyof S]: Ref<ValueOf<S[K]>>;
} & { readonly [WF_SPEC]: S };

/** Workflow-level parameters (`spec.arguments.parameters`) with handles `{{workflow.parameters.x}}`. */
export function workflowParams<const S extends Readonly<Record<string, ParamSpec>>>(specs: S): WorkflowParams<S> {
  const handles: Record<string | symbol, unknown> = { [WF_SPEC]: specs };
  for (const name of Object.keys(specs))
    setKey(handles, name, typedHandleAt(specs[name]?.type, 'workflow', 'parameters', name));
  return Object.freeze(handles) as WorkflowParams<S>;
}

export function workflowSpecsOf(p: WorkflowParams | undefined): Readonly<Record<string, ParamSpec>> {
  return p?.[WF_SPEC] ?? {};
}

import type * as model from '@argo-gen/model';
import type { SourceLocation } from '@argo-gen/model';
import { type Args, type ArgValue, renderArgs } from './args.js';
import { type Callable, targetOf } from './callable.js';
import { type Condition, isCondition } from './conditions.js';
import { TASK_DEPENDENCIES, taskDependencies } from './data-deps.js';
import { type Depends, dependsAtom, type ResultAtoms, type TaskResult } from './depends.js';
import { deepFreeze } from './internal/freeze.js';
import { setKey } from './internal/set-key.js';
import { type CallSite, captureSite, defineSource } from './internal/source.js';
import { type Item, itemHandle, type ParamItem } from './item.js';
import type { NamedNodes } from './node-names.js';
import type { OutputHandles, OutputSpecs } from './outputs.js';
import type { InputSpecs } from './params.js';
import { handleAt, type Ref, typedHandleAt, type ValueType } from './ref.js';
import type { WithRefs } from './with-refs.js';

/**
 * A lifecycle hook: run a template when the task starts running, or on exit, or when an expression holds. `N`: the
 * names of the nodes its template runs as (node-names.ts).
 */
export interface Hook<N extends string = string> {
  readonly template: Callable<InputSpecs, OutputSpecs, N>;
  readonly args?: Readonly<Record<string, ArgValue>>;
  readonly expression?: Condition | string;
}

/** DAGTask/WorkflowStep fields the DSL passes through as they are (handles allowed). */
type PassThrough = WithRefs<Pick<model.DAGTask, 'continueOn' | 'inline'>>;

/** A call's options; `X`: the names of the nodes its exit handler and hooks run as (node-names.ts). */
export interface CallOptions<I extends InputSpecs, X extends string = string> extends PassThrough {
  readonly args?: Args<I>;
  /** Run only when the condition holds (`when`); see `when.eq(...)`, `expr```. */
  readonly when?: Condition | string;
  /** A template to run when this task finishes, whatever its result. */
  readonly onExit?: Callable<InputSpecs, OutputSpecs, X>;
  readonly hooks?: Readonly<Record<string, Hook<X>>>;
}

export interface TaskOptions<I extends InputSpecs, X extends string = string> extends CallOptions<I, X> {
  /** Plain ordering: run after these tasks succeed (or are skipped). Data dependencies are added by themselves. */
  readonly after?: readonly Task[];
  /** Argo's enhanced depends, typed: `and(build.succeeded, not(lint.failed))`. */
  readonly depends?: Depends;
}

// The `?: never` keys make the union discriminable, so that `args: (item) => …` gets its item type from the loop kind.
type Loop<I extends InputSpecs, T> =
  | {
      readonly withItems: readonly T[];
      readonly withParam?: never;
      readonly withSequence?: never;
      readonly args?: (item: Item<T>) => Args<I>;
    }
  | {
      readonly withParam: Ref | string;
      readonly withItems?: never;
      readonly withSequence?: never;
      readonly args?: (item: ParamItem) => Args<I>;
    }
  | {
      readonly withSequence: WithRefs<model.Sequence>;
      readonly withItems?: never;
      readonly withParam?: never;
      readonly args?: (item: Ref<string>) => Args<I>;
    };

/**
 * The options of a call: optional when the callee has no required input, else required, with `args`, so that
 * `task('deploy', setImage)` without its `image` is a compile error and not only one when the workflow is built.
 */
export type OptionsArg<I extends InputSpecs, Options extends CallOptions<I, string>> =
  Record<never, never> extends Args<I> ? [options?: Options] : [options: Options & { readonly args: Args<I> }];

export type LoopOptions<I extends InputSpecs, T, X extends string = string> = Omit<TaskOptions<I, X>, 'args'> &
  Loop<I, T>;
export type LoopStepOptions<I extends InputSpecs, T, X extends string = string> = Omit<CallOptions<I, X>, 'args'> &
  Loop<I, T>;

/**
 * What a DAG task or step is, before it is rendered into its template. `N`: the names of the nodes it runs as (its
 * own, and those of what it calls), in the type only (node-names.ts).
 */
export interface Call<O extends OutputSpecs = OutputSpecs, N extends string = string> extends NamedNodes<N> {
  readonly kind: 'task' | 'step';
  readonly name: string;
  readonly callee: Callable;
  readonly arguments?: model.Arguments;
  readonly when?: string;
  readonly loop?: Pick<model.DAGTask, 'withItems' | 'withParam' | 'withSequence'>;
  readonly after: readonly Task[];
  readonly depends?: Depends;
  readonly onExit?: Callable;
  readonly hooks?: Readonly<
    Record<string, { readonly template: Callable; readonly arguments?: model.Arguments; readonly expression?: string }>
  >;
  readonly passThrough: PassThrough;
  /** Typed handles on the outputs: `build.outputs.parameters.digest`. */
  readonly outputs: OutputHandles<O>;
  readonly status: Ref<string>;
  readonly exitCode: Ref<number>;
  readonly id: Ref<string>;
  readonly startedAt: Ref<string>;
  readonly finishedAt: Ref<string>;
  /** The pod IP of a daemoned task or step (`{{tasks.X.ip}}`), for talking to a sidecar service. */
  readonly ip: Ref<string>;
  readonly source?: SourceLocation;
}

/** A DAG task, with its results as typed `depends` atoms. */
export interface Task<O extends OutputSpecs = OutputSpecs, N extends string = string> extends Call<O, N>, ResultAtoms {
  readonly kind: 'task';
}

export interface Step<O extends OutputSpecs = OutputSpecs, N extends string = string> extends Call<O, N> {
  readonly kind: 'step';
}

type AnyOptions = Partial<TaskOptions<InputSpecs>> & {
  readonly withItems?: readonly unknown[];
  readonly withParam?: Ref | string;
  readonly withSequence?: WithRefs<model.Sequence>;
  readonly args?: unknown;
};

const NAME = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
/** The pass-through fields of most calls: none. */
const NONE: PassThrough = Object.freeze({});

function outputHandles(prefix: string, name: string, specs: OutputSpecs): OutputHandles<OutputSpecs> {
  const parameters: Record<string, Ref<string>> = {};
  const artifacts: Record<string, Ref<string>> = {};
  for (const [key, spec] of Object.entries(specs)) {
    const handle =
      spec.kind === 'parameter'
        ? typedHandleAt(spec.type ?? 'string', prefix, name, 'outputs', 'parameters', key)
        : handleAt(prefix, name, 'outputs', 'artifacts', key);
    setKey(spec.kind === 'parameter' ? parameters : artifacts, key, handle);
  }
  return { parameters, artifacts, result: typedHandleAt('string', prefix, name, 'outputs', 'result') };
}

/** Raw templates declare nothing the DSL can see, so any output name is allowed on them. */
function looseOutputs(prefix: string, name: string): OutputHandles<OutputSpecs> {
  const make = (kind: string) =>
    new Proxy(
      {},
      { get: (_t, key) => (typeof key === 'string' ? handleAt(prefix, name, 'outputs', kind, key) : undefined) },
    );
  return {
    parameters: make('parameters'),
    artifacts: make('artifacts'),
    result: typedHandleAt('string', prefix, name, 'outputs', 'result'),
  };
}

function loopOf(o: AnyOptions): Call['loop'] {
  if (o.withItems !== undefined) return { withItems: o.withItems as model.DAGTask['withItems'] };
  if (o.withParam !== undefined) return { withParam: String(o.withParam) };
  if (o.withSequence !== undefined) return { withSequence: o.withSequence as model.Sequence };
  return undefined;
}

/** A call's `tasks` or `steps` prefix in Argo's expressions. */
function prefixOf(c: Call): string {
  return c.kind === 'task' ? 'tasks' : 'steps';
}

/**
 * The prototype of every task and step: its run-time handles, made when read. Each read gives a new (frozen, equal)
 * handle; handles are values, compared by what they render, never by identity.
 */
const CALL_HANDLES: object = Object.freeze(
  Object.create(Object.prototype, {
    status: handleGetter('status', 'string'),
    exitCode: handleGetter('exitCode', 'number'),
    id: handleGetter('id', 'string'),
    startedAt: handleGetter('startedAt', 'string'),
    finishedAt: handleGetter('finishedAt', 'string'),
    ip: handleGetter('ip', 'string'),
  }),
);

function handleGetter(field: string, valueType: ValueType): PropertyDescriptor {
  return {
    get(this: Call) {
      return typedHandleAt(valueType, prefixOf(this), this.name, field);
    },
  };
}

/** A task's prototype adds its results as `depends` atoms (ResultAtoms): `build.succeeded` is `build.Succeeded`. */
const TASK_HANDLES: object = Object.freeze(
  Object.create(CALL_HANDLES, {
    done: { get: atomGetter(undefined) },
    succeeded: { get: atomGetter('Succeeded') },
    failed: { get: atomGetter('Failed') },
    errored: { get: atomGetter('Errored') },
    skipped: { get: atomGetter('Skipped') },
    omitted: { get: atomGetter('Omitted') },
    daemoned: { get: atomGetter('Daemoned') },
    anySucceeded: { get: atomGetter('AnySucceeded') },
    allFailed: { get: atomGetter('AllFailed') },
  }),
);

function atomGetter(result: TaskResult | undefined): (this: Call) => Depends {
  return function atom(this: Call) {
    return dependsAtom(this.name, result);
  };
}

function buildCall(kind: 'task' | 'step', name: string, callee: Callable, options: AnyOptions, site: CallSite): Call {
  if (!NAME.test(name)) {
    throw new TypeError(`${kind} '${name}': name must be letters, digits and '-', starting with a letter or digit`);
  }
  const target = targetOf(callee);
  const prefix = kind === 'task' ? 'tasks' : 'steps';
  const who = `${kind} '${name}'`;
  const argsValue =
    typeof options.args === 'function'
      ? (options.args as (i: unknown) => unknown)(itemHandle(options.withItems))
      : options.args;
  const loose = target.body.type === 'raw';
  const args = renderArgs(
    who,
    target.name,
    target.inputs,
    (argsValue ?? {}) as Record<string, ArgValue>,
    site,
    loose,
    undefined,
    options.withItems,
  );
  const hooks = options.hooks
    ? Object.fromEntries(
        Object.entries(options.hooks).map(([hookName, h]) => {
          const t = targetOf(h.template);
          const hookArgs = renderArgs(
            `${who} hook '${hookName}'`,
            t.name,
            t.inputs,
            h.args ?? {},
            site,
            t.body.type === 'raw',
          );
          return [
            hookName,
            {
              template: h.template,
              arguments: hookArgs,
              // A hook's expression is expr-lang evaluated as it stands (no substitution first): a typed condition
              // gives its expr-lang form.
              expression: isCondition(h.expression) ? h.expression.exprText : h.expression,
            },
          ];
        }),
      )
    : undefined;
  const { continueOn, inline } = options;
  // The run-time handles (status, exitCode, …) and a task's depends atoms are getters of the prototype, made when
  // read: a task has fifteen of them and most are never read, and a DAG may hold thousands of tasks.
  const call = Object.create(kind === 'task' ? TASK_HANDLES : CALL_HANDLES) as { -readonly [K in keyof Call]: Call[K] };
  call.kind = kind;
  call.name = name;
  call.callee = callee;
  call.arguments = args;
  call.when = options.when === undefined ? undefined : String(options.when);
  call.loop = loopOf(options);
  call.after = options.after ?? [];
  call.depends = options.depends;
  call.onExit = options.onExit;
  call.hooks = hooks;
  call.passThrough =
    continueOn || inline ? { ...(continueOn ? { continueOn } : {}), ...(inline ? { inline } : {}) } : NONE;
  call.outputs = loose ? looseOutputs(prefix, name) : outputHandles(prefix, name, target.outputs);
  defineSource(call, site); // located when first read; freezeCall leaves it alone
  return call;
}

/**
 * A DAG task that runs `template` with typed arguments. Referencing another task's outputs in `args` or `when`
 * makes this task depend on it; `after` and `depends` add explicit ordering.
 */
export function task<
  I extends InputSpecs,
  O extends OutputSpecs,
  Name extends string = string,
  N extends string = string,
  X extends string = never,
>(
  name: Name,
  template: Callable<I, O, N>,
  ...options: OptionsArg<I, TaskOptions<I, X>>
): Task<O, Name | N | NoInfer<X>>;
export function task<
  I extends InputSpecs,
  O extends OutputSpecs,
  const T,
  Name extends string = string,
  N extends string = string,
  X extends string = never,
>(name: Name, template: Callable<I, O, N>, options: LoopOptions<I, T, X>): Task<O, Name | N | NoInfer<X>>;
export function task(name: string, template: Callable, options: object = {}): Task {
  const site = captureSite();
  const call = buildCall('task', name, template as Callable, options as AnyOptions, site);
  // Its dependencies are worked out now, from inputs as frozen as the task will be, and kept hidden on it.
  Object.defineProperty(call, TASK_DEPENDENCIES, { value: taskDependencies(call as Task) });
  // Everything is frozen by freezeCall, raw templates' output proxies included; the atoms come from TASK_HANDLES.
  return freezeCall(call as Task);
}

/** A step of a steps template: runs after the previous group, in parallel with the rest of its own group. */
export function step<
  I extends InputSpecs,
  O extends OutputSpecs,
  Name extends string = string,
  N extends string = string,
  X extends string = never,
>(
  name: Name,
  template: Callable<I, O, N>,
  ...options: OptionsArg<I, CallOptions<I, X>>
): Step<O, Name | N | NoInfer<X>>;
export function step<
  I extends InputSpecs,
  O extends OutputSpecs,
  const T,
  Name extends string = string,
  N extends string = string,
  X extends string = never,
>(name: Name, template: Callable<I, O, N>, options: LoopStepOptions<I, T, X>): Step<O, Name | N | NoInfer<X>>;
export function step(name: string, template: Callable, options: object = {}): Step {
  const o = options as AnyOptions;
  if (o.after || o.depends)
    throw new TypeError(`step '${name}': steps run in groups; 'after' and 'depends' are for DAG tasks`);
  const site = captureSite();
  return freezeCall(buildCall('step', name, template as Callable, o, site) as Step);
}

/** Freezes a task or step all the way down (not reading `source`, which would locate it now). */
function freezeCall<T extends Call>(value: T): T {
  const { outputs } = value;
  for (const key in value)
    if (key !== 'outputs' && key !== 'source' && Object.hasOwn(value, key)) deepFreeze(value[key]);
  // Freezing a raw template's proxy freezes its empty target: reads still resolve, writes throw.
  Object.freeze(outputs.parameters);
  Object.freeze(outputs.artifacts);
  Object.freeze(outputs);
  return Object.freeze(value);
}

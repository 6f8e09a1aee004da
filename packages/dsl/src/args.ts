import type * as model from '@argo-gen/model';
import { ArgoGenError, issue, type SourceLocation } from '@argo-gen/model';
import { literalProblem } from './literal-check.js';
import type { ArtifactSpec, InputSpecs, ParamSpec } from './params.js';
import { isRef, type Ref } from './ref.js';
import type { WithRefs } from './with-refs.js';

/**
 * Where an artifact argument comes from: a handle (`build.outputs.artifacts.x`), or an Argo artifact source whose
 * fields may hold handles (`{ from: build.outputs.artifacts.x, subPath: item }`, `{ s3: { key: \`in/${item}\` } }`).
 */
export type ArtifactArg = Ref | WithRefs<Omit<model.Artifact, 'name'>>;

/** The value an argument for one declared input accepts. */
export type ArgFor<S> = S extends ParamSpec<infer T> ? T | Ref : S extends ArtifactSpec ? ArtifactArg : never;

type RequiredKeys<I> = {
  [K in keyof I]: I[K] extends ParamSpec<unknown, true>
    ? K
    : I[K] extends ArtifactSpec
      ? I[K] extends { optional: true } | { from: object }
        ? never
        : K
      : never;
}[keyof I];

/**
 * Arguments for a callee that declares none: every name is refused. Not `{}`, which TypeScript exempts from its
 * excess-property check, so that `args: { tag: 'v1' }` to a template without inputs would compile and fail later.
 */
export type NoArgs = { readonly [name: string]: never };

/** Arguments for a template with inputs `I`: required inputs must be given, names are checked at compile time. */
export type Args<I extends InputSpecs> = [keyof I] extends [never]
  ? NoArgs
  : { readonly [K in RequiredKeys<I> & keyof I]: ArgFor<I[K]> } & {
      readonly [K in Exclude<keyof I, RequiredKeys<I>>]?: ArgFor<I[K]>;
    };

export type ArgValue = string | number | boolean | ArtifactArg;

/** How messages name a template's inputs (made only for a message: most calls have nothing to report). */
function templateCallee(templateName: string): { readonly what: string; readonly noun: string } {
  return { what: `template '${templateName}'`, noun: 'input' };
}

/**
 * Checks arguments against the callee's declared inputs at the call site (for JavaScript callers, raw templates and
 * values computed at run time the types cannot see) and renders them to Argo's `arguments`.
 */
export function renderArgs(
  who: string,
  templateName: string,
  specs: InputSpecs,
  args: Readonly<Record<string, ArgValue | undefined>>,
  /** Where the call was made: located only if there is a problem to report. */
  site: () => SourceLocation | undefined,
  loose: boolean,
  /** How the callee and its inputs are named in messages: a template's inputs, or a WorkflowTemplate's parameters. */
  calleeNames?: { readonly what: string; readonly noun: string },
  /** The items of a `withItems` loop, to check the values arguments built from them take. */
  items?: readonly unknown[],
): model.Arguments | undefined {
  const problems: string[] = [];
  const parameters: model.Parameter[] = [];
  const artifacts: model.Artifact[] = [];
  // for-in with own-key tests, not Object.entries: no arrays made per call, and every task and step comes this way.
  for (const name in args) {
    if (!Object.hasOwn(args, name)) continue;
    const value = args[name];
    if (value === undefined) continue;
    const spec = specs[name];
    if (!spec && !loose) {
      const known = Object.keys(specs);
      const { what, noun } = calleeNames ?? templateCallee(templateName);
      problems.push(
        `argument '${name}' is not ${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun} of ${what} (${noun}s: ${known.length ? known.join(', ') : 'none'})`,
      );
      continue;
    }
    if (spec?.kind === 'artifact') {
      artifacts.push(
        isRef(value) ? { name, from: String(value) } : { name, ...(value as Omit<model.Artifact, 'name'>) },
      );
      continue;
    }
    if (typeof value === 'object' && !isRef(value)) {
      problems.push(`argument '${name}' must be a value or a handle (got an object)`);
      continue;
    }
    const problem = spec ? literalProblem(spec, value, items) : undefined;
    if (problem) {
      problems.push(`argument '${name}' of ${(calleeNames ?? templateCallee(templateName)).what} ${problem}`);
      continue;
    }
    parameters.push({ name, value: String(value) });
  }
  for (const name in specs) {
    const spec = specs[name];
    if (spec === undefined || !Object.hasOwn(specs, name)) continue;
    const required = spec.kind === 'param' ? spec.required && !spec.valueFrom : !spec.optional && !spec.from;
    if (required && args[name] === undefined)
      problems.push(`missing required argument '${name}' of ${(calleeNames ?? templateCallee(templateName)).what}`);
  }
  if (problems.length > 0) {
    const source = site();
    throw new ArgoGenError(problems.map((m) => issue('dsl/bad-argument', '', m, { subject: who, source })));
  }
  if (parameters.length === 0 && artifacts.length === 0) return undefined;
  return {
    ...(parameters.length ? { parameters } : {}),
    ...(artifacts.length ? { artifacts } : {}),
  };
}

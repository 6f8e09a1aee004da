import { rawToken, token } from './tokens.js';

/**
 * A typed handle on a value Argo substitutes at run time: a workflow parameter, a template input, a task output.
 * It renders to `{{expression}}` in YAML and can be used wherever a string is accepted, including inside template
 * literals. `T` is the value's type as the template declared it (Argo passes every value as a string).
 */
const REF_BRAND = Symbol.for('argo-gen.Ref');

/** What a handle's value means, as declared (Argo passes every value as a string): how expressions must read it. */
export type ValueType = 'string' | 'number' | 'boolean';

export class Ref<T = unknown> {
  /** The dotted path Argo resolves, e.g. `tasks.build.outputs.parameters.digest`. */
  readonly path: readonly string[];
  // On the prototype (below), not on each handle: a DAG of thousands of tasks makes tens of thousands of handles.
  declare readonly [REF_BRAND]: true;

  /** By brand, so that handles from another copy of this package (see ArgoGenError) are still handles. */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [REF_BRAND]?: unknown })[REF_BRAND] === true;
  }
  declare readonly __type?: T;
  /**
   * The declared type, when known (a parameter's `param.number()`, an output's `type`, `exitCode`): expressions
   * convert number and boolean handles as Argo allows and refuse comparisons across types. Undefined for values
   * whose type the DSL cannot see (a loop item, a raw template's output): they take the type they are compared with.
   */
  declare readonly valueType?: ValueType;

  constructor(path: readonly string[], valueType?: ValueType) {
    // A frozen path cannot change, so it is kept as it is; any other is copied, as the caller may change theirs.
    this.path = Object.isFrozen(path) ? path : Object.freeze([...path]);
    // Only when known: most handles have no declared type, and a DAG of thousands of tasks makes many of them.
    if (valueType !== undefined) (this as { valueType?: ValueType }).valueType = valueType;
    // Subclasses add their own fields, then freeze.
    if (new.target === Ref) Object.freeze(this);
  }

  /** `tasks.build.outputs.parameters.digest`, as it appears between `{{` and `}}`. */
  get expression(): string {
    return this.path.join('.');
  }

  /** Inside `{{= }}` expressions (expr-lang), segments that are not identifiers use bracket notation. */
  get exprPath(): string {
    return this.path
      .map((s, i) => (i > 0 && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) ? `['${s}']` : `${i > 0 ? '.' : ''}${s}`))
      .join('');
  }

  toString(): string {
    return token(this.expression);
  }

  toJSON(): string {
    return this.toString();
  }
}

Object.defineProperty(Ref.prototype, REF_BRAND, { value: true });

/** A handle on `path`, made by the DSL itself: the array is new, so it is frozen and kept rather than copied. */
export function handleAt<T = unknown>(...path: string[]): Ref<T> {
  return new Ref<T>(Object.freeze(path));
}

/** A handle on `path` whose value has a declared type. */
export function typedHandleAt<T = unknown>(valueType: ValueType | undefined, ...path: string[]): Ref<T> {
  return new Ref<T>(Object.freeze(path), valueType);
}

/** Values a template argument or field accepts: the literal, or a handle that yields it at run time. */
export type Value<T> = T | Ref<T> | Ref<string> | Ref<unknown>;

/**
 * The explicit escape hatch for hand-written Argo expressions: `raw('{{workflow.annotations.x}}')`. Synthesis refuses
 * `{{` anywhere else, so every hand-written expression is visible in review. The result is still validated.
 */
export function raw(text: string): string {
  return rawToken(text);
}

export function isRef(value: unknown): value is Ref {
  return value instanceof Ref;
}

/** Argo's global variables, as handles. */
export const workflow = Object.freeze({
  name: new Ref<string>(['workflow', 'name'], 'string'),
  namespace: new Ref<string>(['workflow', 'namespace'], 'string'),
  uid: new Ref<string>(['workflow', 'uid'], 'string'),
  serviceAccountName: new Ref<string>(['workflow', 'serviceAccountName'], 'string'),
  status: new Ref<string>(['workflow', 'status'], 'string'),
  failures: new Ref<string>(['workflow', 'failures'], 'string'),
  duration: new Ref<string>(['workflow', 'duration'], 'string'),
  creationTimestamp: new Ref<string>(['workflow', 'creationTimestamp'], 'string'),
  mainEntrypoint: new Ref<string>(['workflow', 'mainEntrypoint'], 'string'),
  /** CronWorkflows: the time the run was scheduled for. */
  scheduledTime: new Ref<string>(['workflow', 'scheduledTime'], 'string'),
  priority: new Ref<string>(['workflow', 'priority'], 'string'),
  label: (key: string) => new Ref<string>(['workflow', 'labels', key], 'string'),
  annotation: (key: string) => new Ref<string>(['workflow', 'annotations', key], 'string'),
  /**
   * One part of the creation time, as Argo formats it (`{{workflow.creationTimestamp.Y}}`: strftime letters, e.g.
   * `Y` year, `m` month, `d` day, `H` hour; `s` Unix seconds; `RFC3339`).
   */
  created: (part: CreationPart) => new Ref<string>(['workflow', 'creationTimestamp', part], 'string'),
  /**
   * A global output: an output parameter or artifact some template exported with `globalName` (read by exit
   * handlers, `{{workflow.outputs.parameters.<globalName>}}`).
   */
  outputParameter: (globalName: string) => new Ref<string>(['workflow', 'outputs', 'parameters', globalName], 'string'),
  outputArtifact: (globalName: string) => new Ref<string>(['workflow', 'outputs', 'artifacts', globalName], 'string'),
});

/**
 * The parts Argo sets under `workflow.creationTimestamp` (v4.1.2 util/strftime FormatChars, plus `s`, Unix seconds,
 * and `RFC3339`).
 */
export type CreationPart =
  | 'B'
  | 'b'
  | 'm'
  | 'A'
  | 'a'
  | 'd'
  | 'H'
  | 'I'
  | 'M'
  | 'S'
  | 'Y'
  | 'y'
  | 'p'
  | 'Z'
  | 'z'
  | 'L'
  | 's'
  | 'RFC3339';

/** Per-pod and per-node variables available inside a template. */
export const pod = Object.freeze({ name: new Ref<string>(['pod', 'name'], 'string') });
export const node = Object.freeze({ name: new Ref<string>(['node', 'name'], 'string') });
export const retries = new Ref<number>(['retries'], 'number');

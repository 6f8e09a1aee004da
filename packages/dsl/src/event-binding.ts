import { ArgoGenError, issue, type SourceLocation } from '@argo-gen/model';
import type { NoArgs } from './args.js';
import { captureSite, locatedValue } from './internal/source.js';
import { type ParamSpec, workflowSpecsOf } from './params.js';
import type { Metadata, WorkflowTemplateValue } from './workflow.js';

/**
 * A path into the event Argo Server received (`payload`, `metadata`, `discriminator`), used in a binding's selector
 * and to map event values onto workflow parameters. Renders as an expr-lang path: `payload.repository.full_name`.
 */
const EVENT_PATH_BRAND = Symbol.for('argo-gen.EventPath');

export class EventPath {
  readonly expression: string;
  readonly [EVENT_PATH_BRAND] = true;

  /** By brand, so that paths from another copy of this package still count (see Ref). */
  static [Symbol.hasInstance](value: unknown): boolean {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as { [EVENT_PATH_BRAND]?: unknown })[EVENT_PATH_BRAND] === true
    );
  }

  constructor(expression: string) {
    this.expression = expression;
    Object.freeze(this);
  }

  /** A field below this one; names that are not identifiers use bracket notation. */
  field(name: string): EventPath {
    return new EventPath(
      /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)
        ? `${this.expression}.${name}`
        : `${this.expression}[${JSON.stringify(name)}]`,
    );
  }

  toString(): string {
    return this.expression;
  }
}

/** The event's parts: the JSON body, HTTP headers (lists of strings) and the URL's discriminator. */
export const event = Object.freeze({
  payload: new EventPath('payload'),
  header: (name: string) => new EventPath(`metadata[${JSON.stringify(name.toLowerCase())}]`),
  discriminator: new EventPath('discriminator'),
});

/** A boolean expr-lang expression over the event, for `spec.event.selector`. */
export class Selector {
  readonly text: string;
  readonly precedence: number;

  constructor(text: string, precedence: number) {
    this.text = text;
    this.precedence = precedence;
    Object.freeze(this);
  }

  toString(): string {
    return this.text;
  }
}

type Literal = string | number | boolean;
const lit = (v: Literal | EventPath) => (v instanceof EventPath ? v.expression : JSON.stringify(v));
const cmp = (op: string) => (left: EventPath, right: Literal | EventPath) =>
  new Selector(`${left.expression} ${op} ${lit(right)}`, 3);
const wrap = (s: Selector, min: number) => (s.precedence < min ? `(${s.text})` : s.text);

/** Selector builders: `on.eq(event.payload.field('ref'), 'refs/heads/main')`. */
export const on = Object.freeze({
  eq: cmp('=='),
  ne: cmp('!='),
  gt: cmp('>'),
  lt: cmp('<'),
  /** Header values are lists: true when the list holds the value. */
  includes: (list: EventPath, value: Literal) => new Selector(`${lit(value)} in ${list.expression}`, 3),
  startsWith: (left: EventPath, prefix: string) =>
    new Selector(`${left.expression} startsWith ${JSON.stringify(prefix)}`, 3),
  matches: (left: EventPath, pattern: string) =>
    new Selector(`${left.expression} matches ${JSON.stringify(pattern)}`, 3),
  and: (...parts: Selector[]) => new Selector(parts.map((p) => wrap(p, 2)).join(' && '), 1),
  or: (...parts: Selector[]) => new Selector(parts.map((p) => wrap(p, 1)).join(' || '), 0),
  not: (part: Selector) => new Selector(`!(${part.text})`, 2),
});

type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** Event values (or fixed literals) for the template's parameters; required ones must be mapped, names are checked. */
export type EventArgs<P extends ParamSpecs> = [keyof P] extends [never]
  ? NoArgs
  : {
      readonly [K in keyof P as P[K]['required'] extends true ? K : never]: EventPath | Literal;
    } & {
      readonly [K in keyof P as P[K]['required'] extends true ? never : K]?: EventPath | Literal;
    };

export interface EventBindingOptions<P extends ParamSpecs> extends Metadata {
  readonly selector: Selector;
  /** The WorkflowTemplate (or ClusterWorkflowTemplate) to submit when an event matches. */
  readonly submit: WorkflowTemplateValue<P>;
  readonly args: EventArgs<P>;
}

export interface EventBindingValue<P extends ParamSpecs = ParamSpecs> {
  readonly kind: 'WorkflowEventBinding';
  readonly name: string;
  readonly options: EventBindingOptions<P>;
  readonly source?: SourceLocation;
}

/**
 * A WorkflowEventBinding: when Argo Server's events endpoint receives a matching event (e.g. a Git host's push
 * webhook), submit the WorkflowTemplate with parameters taken from the event. Parameter names and required
 * parameters are checked against the template's declared workflow parameters at compile time.
 */
export function workflowEventBinding<P extends ParamSpecs>(
  name: string,
  options: EventBindingOptions<P>,
): EventBindingValue<P> {
  const site = captureSite();
  const specs = workflowSpecsOf(options.submit.options.params);
  const args = options.args as Readonly<Record<string, unknown>>;
  const problems = [
    ...Object.keys(args)
      .filter((k) => !(k in specs))
      .map(
        (k) =>
          `'${k}' is not a parameter of ${options.submit.kind} '${options.submit.name}' (parameters: ${Object.keys(specs).join(', ') || 'none'})`,
      ),
    ...Object.entries(specs)
      .filter(([k, s]) => s.required && args[k] === undefined)
      .map(([k]) => `required parameter '${k}' of ${options.submit.kind} '${options.submit.name}' is not mapped`),
  ];
  if (problems.length > 0) {
    throw new ArgoGenError(
      problems.map((m) => issue('dsl/bad-argument', '', m, { subject: `event binding '${name}'`, source: site() })),
    );
  }
  return locatedValue({ kind: 'WorkflowEventBinding', name, options }, site);
}

/** The binding as Argo's `WorkflowEventBinding` spec. */
export function eventBindingSpec(b: EventBindingValue): Record<string, unknown> {
  const { selector, submit, args } = b.options;
  const parameters = Object.entries(args as Readonly<Record<string, EventPath | Literal>>).map(([name, v]) =>
    v instanceof EventPath ? { name, valueFrom: { event: v.expression } } : { name, value: String(v) },
  );
  return {
    event: { selector: selector.text },
    submit: {
      workflowTemplateRef: {
        name: submit.name,
        ...(submit.kind === 'ClusterWorkflowTemplate' ? { clusterScope: true } : {}),
      },
      ...(parameters.length ? { arguments: { parameters } } : {}),
    },
  };
}

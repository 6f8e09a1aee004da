import type * as model from '@argo-gen/model';
import type { SourceLocation } from '@argo-gen/model';
import { type ArgValue, type NoArgs, renderArgs } from './args.js';
import type { Callable } from './callable.js';
import { captureSite, locatedValue } from './internal/source.js';
import type { NamedNodes } from './node-names.js';
import type { OutputSpecs } from './outputs.js';
import { type InputSpecs, type ParamSpec, type ValueOf, type WorkflowParams, workflowSpecsOf } from './params.js';
import type { Ref } from './ref.js';
import type { Hook } from './task.js';
import type { Template } from './template.js';
import type { WithRefs } from './with-refs.js';

type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/**
 * WorkflowSpec fields the DSL passes through (handles allowed): podGC, ttlStrategy, volumes, synchronization, … Also
 * `workflowTemplateRef` (a CronWorkflow or WorkflowTemplate that runs another WorkflowTemplate) and `entrypoint` by
 * name (which template of that WorkflowTemplate to start; for a workflow's own templates, use the `entrypoint`
 * option, a template value).
 */
export type SpecExtras = WithRefs<Omit<model.WorkflowSpec, 'templates' | 'arguments' | 'onExit' | 'hooks'>>;

export interface Metadata {
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
}

/** A workflow's options; `N`: the names of the nodes its templates run as (node-names.ts), inferred from them. */
export interface WorkflowOptions<P extends ParamSpecs = ParamSpecs, N extends string = string> extends Metadata {
  /** The template that runs first. Optional for WorkflowTemplates that are only libraries for `templateRef`. */
  readonly entrypoint?: Template<InputSpecs, OutputSpecs, N>;
  /** Workflow parameters, declared with `workflowParams()`. */
  readonly params?: WorkflowParams<P>;
  /**
   * Workflow-level input artifacts (`spec.arguments.artifacts`), by name: where each comes from (git, http, s3, …).
   * The entrypoint receives them as its input artifacts of the same names.
   */
  readonly artifacts?: Readonly<Record<string, WithRefs<Omit<model.Artifact, 'name'>>>>;
  /** Runs when the workflow ends, whatever its result (`spec.onExit`). */
  readonly onExit?: Callable<InputSpecs, OutputSpecs, N>;
  readonly hooks?: Readonly<Record<string, Hook<N>>>;
  /** Templates to include although nothing here calls them: a library for other workflows' `templateRef`. */
  readonly templates?: readonly Template<InputSpecs, OutputSpecs, N>[];
  /** Any other WorkflowSpec field. */
  readonly spec?: SpecExtras;
}

interface Base<P extends ParamSpecs, N extends string> extends NamedNodes<N> {
  readonly options: WorkflowOptions<P, N>;
  readonly source?: SourceLocation;
}

export interface WorkflowTemplateValue<P extends ParamSpecs = ParamSpecs, N extends string = string>
  extends Base<P, N> {
  readonly kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate';
  readonly name: string;
}

export interface WorkflowValue<P extends ParamSpecs = ParamSpecs, N extends string = string> extends Base<P, N> {
  readonly kind: 'Workflow';
  readonly name?: string;
  readonly generateName?: string;
  /** Set when the workflow runs a WorkflowTemplate (`spec.workflowTemplateRef`) instead of its own templates. */
  readonly workflowTemplateRef?: { readonly name: string; readonly clusterScope: boolean };
  readonly arguments?: model.Arguments;
}

export interface CronOptions {
  /** Cron schedules (Argo v4 `schedules`); `CRON_TZ=` prefixes are allowed. */
  readonly schedules: readonly string[];
  readonly timezone?: string;
  readonly concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  readonly startingDeadlineSeconds?: number;
  readonly successfulJobsHistoryLimit?: number;
  readonly failedJobsHistoryLimit?: number;
  readonly suspend?: boolean;
  /** Stop scheduling when this expression is true (Argo's `stopStrategy.expression`). */
  readonly stopExpression?: string;
  /** Run only when this expression holds (Argo's `when`). */
  readonly when?: string;
  /** Labels and annotations of every Workflow the schedule creates (Argo's `workflowMetadata`). */
  readonly workflowMetadata?: model.ObjectMeta;
}

export interface CronWorkflowValue<P extends ParamSpecs = ParamSpecs, N extends string = string> extends Base<P, N> {
  readonly kind: 'CronWorkflow';
  readonly name: string;
  readonly cron: CronOptions;
}

export type WorkflowLike = WorkflowTemplateValue | WorkflowValue | CronWorkflowValue;

/** A WorkflowTemplate: a reusable workflow, submitted by name or called through `templateRef`. */
export function workflowTemplate<const P extends ParamSpecs = Record<never, never>, N extends string = string>(
  name: string,
  options: WorkflowOptions<P, N>,
): WorkflowTemplateValue<P, N> {
  return locatedValue({ kind: 'WorkflowTemplate', name, options }, captureSite());
}

/** A ClusterWorkflowTemplate: like a WorkflowTemplate, visible to every namespace. */
export function clusterWorkflowTemplate<const P extends ParamSpecs = Record<never, never>, N extends string = string>(
  name: string,
  options: Omit<WorkflowOptions<P, N>, 'namespace'>,
): WorkflowTemplateValue<P, N> {
  return locatedValue({ kind: 'ClusterWorkflowTemplate', name, options }, captureSite());
}

/** A Workflow with its own templates; give `generateName` (e.g. `'deploy-'`) to let Kubernetes pick the name. */
export function workflow<const P extends ParamSpecs = Record<never, never>, N extends string = string>(
  id: { readonly name: string } | { readonly generateName: string },
  options: WorkflowOptions<P, N>,
): WorkflowValue<P, N> {
  return locatedValue({ kind: 'Workflow', ...id, options }, captureSite());
}

type ArgsFor<P extends ParamSpecs> = [keyof P] extends [never]
  ? NoArgs
  : {
      readonly [K in keyof P as P[K]['required'] extends true ? K : never]: ValueOf<P[K]> | Ref;
    } & {
      readonly [K in keyof P as P[K]['required'] extends true ? never : K]?: ValueOf<P[K]> | Ref;
    };

/**
 * A Workflow that runs a WorkflowTemplate (`spec.workflowTemplateRef`), with its parameters typed and checked:
 * an unknown name, a missing required value or a value outside an enum is an error here, not at run time.
 */
export function workflowFrom<P extends ParamSpecs, N extends string = string>(
  template: WorkflowTemplateValue<P, N>,
  id: { readonly name: string } | { readonly generateName: string },
  args: ArgsFor<P>,
  metadata: Metadata & { readonly spec?: SpecExtras } = {},
): WorkflowValue<P, N> {
  const site = captureSite();
  const specs = workflowSpecsOf(template.options.params);
  const rendered = renderArgs(
    `workflow from '${template.name}'`,
    template.name,
    specs,
    args as Record<string, ArgValue>,
    site,
    false,
    { what: `${template.kind} '${template.name}'`, noun: 'parameter' },
  );
  return locatedValue(
    {
      kind: 'Workflow',
      ...id,
      options: { ...metadata, params: template.options.params } as WorkflowOptions<P, N>,
      workflowTemplateRef: { name: template.name, clusterScope: template.kind === 'ClusterWorkflowTemplate' },
      arguments: rendered,
    },
    site,
  );
}

/** A CronWorkflow: runs the workflow on a schedule (Argo v4 `schedules`). */
export function cronWorkflow<const P extends ParamSpecs = Record<never, never>, N extends string = string>(
  name: string,
  cron: CronOptions,
  options: WorkflowOptions<P, N>,
): CronWorkflowValue<P, N> {
  return locatedValue({ kind: 'CronWorkflow', name, cron, options }, captureSite());
}

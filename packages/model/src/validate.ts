import { closest } from './did-you-mean.js';
import { ARGO_API_VERSION, ARGO_KINDS, type ArgoKind } from './gen/kinds.gen.js';
import {
  ClusterWorkflowTemplate,
  CronWorkflow,
  Workflow,
  WorkflowEventBinding,
  WorkflowTemplate,
} from './gen/validators.gen.js';
import { type Issue, issue } from './issue.js';
import { quote } from './quote.js';
import { schemaIssues } from './schema-issues.js';
import type { AjvError, StandaloneValidator } from './standalone-validator.js';
import { subjectOf } from './subject.js';
import { type ArgoVersion, BASE_ARGO_VERSION, targetVersion } from './versions/target-version.js';
import { checkVersion } from './versions/version-check.js';

/** What validation concluded about one document. */
export type Verdict =
  | { readonly status: 'valid'; readonly kind: ArgoKind; readonly issues: readonly Issue[] }
  | { readonly status: 'invalid'; readonly kind?: string; readonly issues: readonly Issue[] }
  | { readonly status: 'skipped'; readonly kind?: string; readonly reason: string; readonly issues: readonly Issue[] };

/**
 * Kinds of the argoproj.io group that belong to other Argo projects or to the controller's internals.
 * `argo lint` passes over them; so do we, rather than calling them unknown.
 */
const OTHER_ARGOPROJ_KINDS: Readonly<Record<string, string>> = {
  WorkflowTaskResult: 'Argo Workflows controller-internal kind',
  WorkflowTaskSet: 'Argo Workflows controller-internal kind',
  WorkflowArtifactGCTask: 'Argo Workflows controller-internal kind',
  Rollout: 'Argo Rollouts kind',
  AnalysisTemplate: 'Argo Rollouts kind',
  ClusterAnalysisTemplate: 'Argo Rollouts kind',
  AnalysisRun: 'Argo Rollouts kind',
  Experiment: 'Argo Rollouts kind',
  EventSource: 'Argo Events kind',
  Sensor: 'Argo Events kind',
  EventBus: 'Argo Events kind',
  Application: 'Argo CD kind',
  ApplicationSet: 'Argo CD kind',
  AppProject: 'Argo CD kind',
};

const VALIDATORS: Readonly<Record<ArgoKind, StandaloneValidator>> = {
  Workflow,
  WorkflowTemplate,
  ClusterWorkflowTemplate,
  CronWorkflow,
  WorkflowEventBinding,
};

export function isArgoKind(kind: unknown): kind is ArgoKind {
  return typeof kind === 'string' && Object.hasOwn(ARGO_KINDS, kind);
}

export interface ValidateOptions {
  /** The Argo version the document must suit (default: the newest, which the generated model describes). */
  readonly argoVersion?: ArgoVersion;
}

/**
 * Schema validation by kind (not through the schema's root `oneOf`, whose errors list every kind it tried).
 * Uses the validators that codegen precompiled, so a cold process pays no schema compile. An older `argoVersion` is
 * checked with its table of differences beside the newest schema (versions/version-check.ts).
 */
export function validateSchema(doc: unknown, options: ValidateOptions = {}): Verdict {
  const version = targetVersion(options.argoVersion);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    const got = doc === null ? 'null' : Array.isArray(doc) ? 'a list' : `a ${typeof doc}`;
    return invalid(undefined, [
      issue('document/not-a-mapping', '', `a Kubernetes document must be a mapping (got ${got})`),
    ]);
  }
  const { apiVersion, kind } = doc as { apiVersion?: unknown; kind?: unknown };
  if (typeof kind !== 'string' || kind === '') {
    return invalid(undefined, [
      issue('document/missing-kind', '', "missing 'kind': cannot tell which Argo kind this is"),
    ]);
  }
  const group = typeof apiVersion === 'string' ? apiVersion.split('/')[0] : undefined;
  if (group !== 'argoproj.io') {
    return {
      status: 'skipped',
      kind,
      reason: `${kind} (${String(apiVersion ?? 'no apiVersion')}) is not an Argo Workflows kind`,
      issues: [],
    };
  }
  if (!isArgoKind(kind)) {
    const other = OTHER_ARGOPROJ_KINDS[kind];
    if (other) return { status: 'skipped', kind, reason: `${kind} is an ${other}, not validated here`, issues: [] };
    return invalid(kind, [unknownKind(kind)]);
  }
  const validator = VALIDATORS[kind];
  const valid = validator(doc);
  let errors: readonly AjvError[] = valid ? [] : (validator.errors ?? []);
  const versionIssues: Issue[] = [];
  // The base version needs its table only to name the replacement of a removed field, i.e. for an unknown field.
  if (version !== BASE_ARGO_VERSION || errors.some((e) => e.keyword === 'additionalProperties')) {
    const checked = checkVersion(kind, doc, errors, version);
    errors = checked.errors;
    versionIssues.push(...checked.issues);
  }
  if (errors.length === 0 && versionIssues.length === 0) return { status: 'valid', kind, issues: [] };
  const issues = [...schemaIssues(doc, errors), ...versionIssues].map((i) => withSubject(doc, i));
  return invalid(kind, issues);
}

function invalid(kind: string | undefined, issues: Issue[]): Verdict {
  return { status: 'invalid', kind, issues };
}

function withSubject(doc: unknown, i: Issue): Issue {
  const subject = subjectOf(doc, i.path);
  return subject ? { ...i, subject } : i;
}

function unknownKind(kind: string): Issue {
  const known = Object.keys(ARGO_KINDS);
  const close = closest(kind, known);
  const hint = close ? `; did you mean '${close}'?` : `; ${ARGO_API_VERSION} has ${known.join(', ')}`;
  return issue('document/unknown-kind', '/kind', `unknown Argo kind ${quote(kind)}${hint}`);
}

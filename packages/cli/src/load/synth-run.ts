import type { Synthesizable } from '@argo-gen/dsl';
import { declarationsCalled, declaredDocument, type Staged, stage } from '@argo-gen/dsl/internal';
import {
  ArgoGenError,
  type ArgoVersion,
  type Issue,
  lintDocument,
  lintSecurity,
  type SecurityOptions,
  type SourceLocation,
} from '@argo-gen/model';
import type { EmbeddedYaml } from './embedded-yaml.js';
import { embeddedYamlFor } from './embedded-yaml.js';
import { fileIssues } from './file-issues.js';
import type { LintCache } from './lint-cache.js';
import type { WorkflowExport } from './workflow-exports.js';

/** What synthesising one exported value gave: the document (and the lint's warnings), or its issues. */
export type Outcome =
  | { readonly doc: unknown; readonly warnings: readonly Issue[] }
  | { readonly issues: readonly Issue[] };

/**
 * A run synthesises in two phases: every value is rendered and checked against the schema first, to learn every
 * WorkflowTemplate of the run; then each is linted, since the semantic lint needs those templates as templateRef
 * targets (as `argo lint --offline` does). Each value is rendered and validated once (dsl's `stage`); the second phase
 * only lints. `generate`, `validate` and `apply` share these two phases.
 */
export type FirstOutcome = Outcome & { readonly staged?: Staged<Synthesizable>; readonly value?: Synthesizable };

export function schemaPhase(value: Synthesizable, argoVersion?: ArgoVersion): FirstOutcome {
  let staged: Staged<Synthesizable>;
  try {
    staged = stage(value, { argoVersion });
  } catch (error) {
    return { issues: issuesOf(error, value) };
  }
  return { ...attempt(value, () => ({ doc: staged.finish({ lint: false }), warnings: [] })), staged, value };
}

/** What the second phase lints with. */
export interface LintSettings {
  /** The run's WorkflowTemplates (templateDocs): templateRef targets. */
  readonly templates: readonly unknown[];
  readonly embedded: EmbeddedYaml;
  readonly argoVersion?: ArgoVersion;
  /** The security lint's options for the value's file; no security lint without. */
  readonly security?: SecurityOptions;
  readonly allowMissingRefs?: boolean;
  /** Findings of documents linted before (lint-cache.ts). */
  readonly cache?: LintCache;
}

/** The lint of a document the first phase accepted (its issues again, if it did not). */
export function lintPhase(first: FirstOutcome, settings: LintSettings): Outcome {
  const { staged, value } = first;
  if ('issues' in first || !staged || !value) return first;
  const { templates, embedded, argoVersion, security, allowMissingRefs, cache } = settings;
  // Argo's rules, then the security lint when `security` is given.
  const lint = (doc: unknown) => [
    ...lintDocument(doc, { templates, yamlProblem: embedded.yamlProblem, argoVersion, allowMissingRefs }),
    ...(security ? lintSecurity(doc, { ...security, parsePatch: embedded.parsePatch }) : []),
  ];
  const options = {
    argoVersion: argoVersion ?? null,
    security: security ?? null,
    allowMissingRefs: !!allowMissingRefs,
  };
  const warnings: Issue[] = [];
  return attempt(value, () => ({
    doc: staged.finish({
      lint: cache ? (doc) => cache.lint(doc, { templates, options }, () => lint(doc)) : lint,
      onWarning: (w) => warnings.push(w),
    }),
    warnings,
  }));
}

/**
 * The WorkflowTemplates and ClusterWorkflowTemplates among the first phase's documents, then the stand-ins of the
 * declared ones (`argo-gen types`) that the run's values call: a declared template is present, as the run's own are.
 */
export function templateDocs(outcomes: Iterable<FirstOutcome>): unknown[] {
  const all = [...outcomes];
  const own = all.flatMap((o) => ('doc' in o && isTemplateKind(o.doc) ? [o.doc] : []));
  const declared = new Set(all.flatMap((o) => (o.value ? declarationsOf(o.value) : [])));
  return [...own, ...[...declared].map(declaredDocument)];
}

function declarationsOf(value: Synthesizable) {
  return value.kind === 'WorkflowEventBinding' ? [] : declarationsCalled(value.options);
}

export function isTemplateKind(doc: unknown): boolean {
  return /WorkflowTemplate$/.test(String((doc as { kind?: unknown } | null)?.kind));
}

/** Every value through both phases (load/synth-run.ts); any error stops the run with all of them. */
export async function synthAll(
  exports: readonly WorkflowExport[],
  warnings: Issue[],
  argoVersion?: ArgoVersion,
  security?: (file: string) => SecurityOptions,
  cache?: LintCache,
): Promise<Map<Synthesizable, unknown>> {
  const stop = (outcomes: readonly Outcome[]) => {
    const issues = outcomes.flatMap((o) => ('issues' in o ? o.issues : []));
    if (issues.length > 0) throw new ArgoGenError(issues);
  };
  const first = exports.map((e) => schemaPhase(e.value, argoVersion));
  stop(first);
  const templates = templateDocs(first);
  const embedded = await embeddedYamlFor(first.map((f) => ('doc' in f ? f.doc : undefined)));
  const final = first.map((f, i) =>
    lintPhase(f, {
      templates,
      embedded,
      argoVersion,
      security: security?.((exports[i] as WorkflowExport).file),
      cache,
    }),
  );
  stop(final);
  const docs = new Map<Synthesizable, unknown>();
  final.forEach((o, i) => {
    if ('doc' in o) {
      docs.set((exports[i] as WorkflowExport).value, o.doc);
      warnings.push(...o.warnings);
    }
  });
  return docs;
}

function attempt(value: Synthesizable, f: () => { doc: unknown; warnings: readonly Issue[] }): Outcome {
  try {
    return f();
  } catch (error) {
    return { issues: issuesOf(error, value) };
  }
}

/** Any failure while synthesising one value is that value's issues (yaml-file.ts), never the whole run's crash. */
function issuesOf(error: unknown, value: Synthesizable): Issue[] {
  const source = (value as { source?: SourceLocation }).source;
  return fileIssues(error, source?.file ?? `${value.kind} '${(value as { name?: string }).name ?? ''}'`).map((i) =>
    i.source || !source ? i : { ...i, source },
  );
}

import type { Template, WorkflowSpec } from '../gen/types.gen.js';
import { type Issue, issue, type Severity } from '../issue.js';
import { subjectOf } from '../subject.js';
import type { ArgoVersion } from '../versions/target-version.js';
import type { Catalog, ResolvedSpec } from './catalog.js';

/** The kinds the lint understands; WorkflowEventBinding is parsed but never linted, as `argo lint` does. */
export type LintKind = 'Workflow' | 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow';

export const LINTED_KINDS: readonly LintKind[] = [
  'Workflow',
  'WorkflowTemplate',
  'ClusterWorkflowTemplate',
  'CronWorkflow',
];

/** A template of `spec.templates` with its JSON pointer. */
export interface TemplateAt {
  readonly template: Template;
  readonly path: string;
  readonly name: string;
}

/**
 * One document as the rules see it: where its WorkflowSpec is, its templates by name, and what a
 * `workflowTemplateRef` brings in. Built once by `index.ts`; every rule reads it and reports into `sink`.
 */
export interface LintDoc {
  readonly kind: LintKind;
  readonly doc: unknown;
  readonly spec: WorkflowSpec;
  /** `/spec`, or `/spec/workflowSpec` for a CronWorkflow. */
  readonly specPath: string;
  /** WorkflowTemplates and ClusterWorkflowTemplates are libraries: unused templates are fine, fake arguments apply. */
  readonly library: boolean;
  readonly templates: readonly TemplateAt[];
  /** The first template of each name (duplicates are reported by names.ts). */
  readonly byName: ReadonlyMap<string, TemplateAt>;
  readonly catalog: Catalog;
  /** What `spec.workflowTemplateRef` points at: its spec, `'unknown'` when not in the catalog, absent when unused. */
  readonly referenced?: ResolvedSpec | 'unknown';
  readonly sink: Sink;
  /** The Argo line the document is checked for. */
  readonly argoVersion: ArgoVersion;
  /**
   * Every string of a template, where a rule that walks the whole template anyway has collected them (`stringsIn`'s
   * result), so that another rule that needs them does not walk it again.
   */
  readonly strings: Map<Template, readonly string[]>;
}

/** Collects issues, naming the template/task/step each path falls in. */
export class Sink {
  readonly issues: Issue[] = [];
  readonly #doc: unknown;

  constructor(doc: unknown) {
    this.#doc = doc;
  }

  error(code: string, path: string, message: string): void {
    this.add(code, path, message, 'error');
  }

  warn(code: string, path: string, message: string): void {
    this.add(code, path, message, 'warning');
  }

  private add(code: string, path: string, message: string, severity: Severity): void {
    const subject = subjectOf(this.#doc, path);
    this.issues.push(issue(code, path, message, subject ? { severity, subject } : { severity }));
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `value` as an array, or empty when it is missing or not one (the schema has already reported that). */
export function list<T>(value: readonly T[] | undefined | null): readonly T[] {
  return Array.isArray(value) ? value : NONE; // one shared empty list: most optional lists are absent
}

const NONE: readonly never[] = Object.freeze([]);

/** The name of the kind of template: Argo counts these ten as template types (rule 24). */
export const TEMPLATE_TYPES = [
  'container',
  'containerSet',
  'steps',
  'script',
  'resource',
  'dag',
  'suspend',
  'data',
  'http',
  'plugin',
] as const;

export type TemplateType = (typeof TEMPLATE_TYPES)[number];

export function typesOf(t: Template): TemplateType[] {
  return TEMPLATE_TYPES.filter((k) => t[k] !== undefined && t[k] !== null);
}

/** How many of the template types `t` sets (`typesOf(t).length`, without making the list). */
export function typeCount(t: Template): number {
  let n = 0;
  for (let i = 0; i < TEMPLATE_TYPES.length; i++) {
    const v = t[TEMPLATE_TYPES[i] as TemplateType];
    if (v !== undefined && v !== null) n++;
  }
  return n;
}

/** Templates that create a pod (Argo's `IsPodType`). */
export function isPodType(t: Template): boolean {
  return (
    t.container !== undefined ||
    t.containerSet !== undefined ||
    t.script !== undefined ||
    t.resource !== undefined ||
    t.data !== undefined
  );
}

/** A value that is a whole `{{…}}` tag, which Argo leaves alone in names and references. */
export function isPlaceholder(value: string): boolean {
  return value.includes('{{');
}

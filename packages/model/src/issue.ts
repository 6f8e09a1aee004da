/** Where a problem was declared or found: a TypeScript call site, or a node in a YAML file. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type Severity = 'error' | 'warning';

/**
 * One problem, from any layer: schema validation, the semantic lint, a DSL builder, the CLI.
 * `code` is stable (tests and users may match on it); `path` is a JSON pointer into the document.
 */
export interface Issue {
  readonly code: string;
  readonly severity: Severity;
  readonly path: string;
  readonly message: string;
  /** Who the path belongs to, in Argo's words: `template 'deploy', task 'perf'`. */
  readonly subject?: string;
  readonly source?: SourceLocation;
}

export function issue(code: string, path: string, message: string, extra: Partial<Issue> = {}): Issue {
  return { code, severity: 'error', path, message, ...extra };
}

const ERROR_BRAND = Symbol.for('argo-gen.ArgoGenError');

/** The one error type argo-gen throws: a list of issues with their codes, paths and source locations. */
export class ArgoGenError extends Error {
  readonly issues: readonly Issue[];
  readonly [ERROR_BRAND] = true;

  /**
   * `instanceof` by brand, not by prototype: a project can load two copies of this package (a template compiled by
   * the CLI imports the installed one; a test runner may alias the sources), and their errors must still be ours.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND] === true;
  }

  constructor(issues: readonly Issue[]) {
    super(issues.map((i) => formatIssue(i)).join('\n'));
    this.name = 'ArgoGenError';
    this.issues = issues;
  }

  get code(): string {
    return this.issues[0]?.code ?? 'unknown';
  }
}

export function isArgoGenError(value: unknown): value is ArgoGenError {
  return value instanceof ArgoGenError;
}

/**
 * The one formatter: `file:line:col: path: subject: message [code]`, leaving out what is unknown.
 * Warnings say so, so that a reader never mistakes one for a failure.
 */
export function formatIssue(i: Issue): string {
  const parts: string[] = [];
  // Line 0 means the problem is with the file as a whole (missing, empty, unreadable).
  if (i.source) parts.push(i.source.line > 0 ? `${i.source.file}:${i.source.line}:${i.source.column}` : i.source.file);
  if (i.path) parts.push(i.path);
  if (i.subject) parts.push(i.subject);
  const level = i.severity === 'warning' ? 'warning: ' : '';
  parts.push(`${level}${i.message} [${i.code}]`);
  return parts.join(': ');
}

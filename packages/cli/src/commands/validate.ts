import path from 'node:path';
import { declaredDocument } from '@argo-gen/dsl/internal';
import {
  type ArgoVersion,
  formatIssue,
  type Issue,
  type LintContext,
  lintDocument,
  lintSecurity,
  type PodSecurityLevel,
  type SecurityMode,
  type SecurityOptions,
  type Verdict,
  validateSchema,
} from '@argo-gen/model';
import { projectConfig, runArgoVersion } from '../argo-version.js';
import { expandInputs } from '../inputs.js';
import { EXIT, type Io } from '../io.js';
import { fileIssues } from '../load/file-issues.js';
import { readYamlFile } from '../load/yaml-file.js';
import { runSecurity, type SecurityFor, securityOptions } from '../security-options.js';
import { readPodSpecPatch } from '../yaml/pod-spec-patch.js';
import type { YamlDocument } from '../yaml/read-documents.js';
import { yamlProblem } from '../yaml/yaml-problem.js';
import { lintModules, loadModules, templatesOf } from './validate-modules.js';

export interface ValidateOptions {
  readonly format: 'text' | 'json';
  /** `--argo-version`; else the config's `argoVersion`. */
  readonly argoVersion?: ArgoVersion;
  /** The security lint's mode and Pod Security level; they override `security` of `argo-gen.config.ts`. */
  readonly security?: SecurityMode;
  readonly podSecurity?: PodSecurityLevel;
  readonly kinds?: readonly string[];
  readonly allowMissingRefs?: boolean;
}

/** How the run treats its documents: which kinds it checks (`--kinds`), and templateRefs outside it. */
export interface RunOptions {
  /** Only documents of these kinds are checked and reported; all are read (default: every kind). */
  readonly kinds?: readonly string[];
  /** A templateRef to a WorkflowTemplate not in the run is a warning, not an error. */
  readonly allowMissingRefs?: boolean;
}

/** The outcome for one document, with every issue already placed at a file, line and column. */
export interface DocumentReport {
  readonly file: string;
  readonly index: number;
  readonly kind?: string;
  readonly name?: string;
  readonly status: Verdict['status'];
  readonly reason?: string;
  readonly line: number;
  readonly issues: readonly Issue[];
}

export interface ValidateReport {
  readonly documents: readonly DocumentReport[];
  /** Problems with inputs themselves: unreadable, empty, not YAML. */
  readonly problems: readonly Issue[];
}

const YAML_EXTENSIONS = ['.yaml', '.yml'];
const MODULE_EXTENSIONS = ['.ts', '.mts'];

export async function validateCommand(args: readonly string[], options: ValidateOptions, io: Io): Promise<number> {
  // The project's settings (target version, security) apply when the command runs where its config is.
  const config = await projectConfig(io.cwd);
  const security = runSecurity(config, options, io.cwd);
  const report = await validateFiles(args, io.cwd, runArgoVersion(options.argoVersion, config), security, {
    kinds: options.kinds,
    allowMissingRefs: options.allowMissingRefs,
  });
  if (options.format === 'json') io.stdout(`${JSON.stringify(toJson(report), null, 2)}\n`);
  else io.stdout(toText(report));
  const failed = report.problems.length > 0 || report.documents.some((d) => d.status === 'invalid');
  return failed ? EXIT.failed : EXIT.ok;
}

export async function validateFiles(
  args: readonly string[],
  cwd: string,
  argoVersion?: ArgoVersion,
  options: SecurityOptions | SecurityFor = securityOptions(undefined),
  run: RunOptions = {},
): Promise<ValidateReport> {
  // The security lint's options, per file or for all; by default its default mode (`{ mode: 'off' }`: none).
  const security: SecurityFor = typeof options === 'function' ? options : () => options;
  const { files, problems } = expandInputs(args, cwd, [...YAML_EXTENSIONS, ...MODULE_EXTENSIONS]);
  const isModule = (f: string) => MODULE_EXTENSIONS.some((e) => f.endsWith(e)) && !f.endsWith('.d.ts');
  const read: YamlDocument[] = [];
  const fileProblems: Issue[] = [...problems];
  // TypeScript modules are loaded (and their loader registered) only when some are given.
  const modules = files.some(isModule)
    ? await loadModules(files.filter(isModule), cwd, argoVersion)
    : { loaded: [], declared: [], problems: [] };
  fileProblems.push(...modules.problems);
  for (const file of files.filter((f) => !isModule(f))) {
    const result = readFile(path.resolve(cwd, file), file);
    if ('problems' in result) fileProblems.push(...result.problems);
    else read.push(...result.documents);
  }
  // Every WorkflowTemplate and ClusterWorkflowTemplate of the run is a templateRef target, as in `argo lint --offline`.
  const templates = [
    ...read
      .map((d) => d.value as { kind?: unknown } | null)
      .filter((v) => v?.kind === 'WorkflowTemplate' || v?.kind === 'ClusterWorkflowTemplate'),
    ...templatesOf(modules.loaded),
    // WorkflowTemplates declared by a module `argo-gen types` wrote: present, by their signatures.
    ...modules.declared.map(declaredDocument),
  ];
  const checked = (kind: unknown) => run.kinds === undefined || run.kinds.includes(String(kind));
  const lint = { templates, allowMissingRefs: run.allowMissingRefs };
  const documents = [
    ...read
      .filter((doc) => checked((doc.value as { kind?: unknown } | null)?.kind))
      .map((doc) => verdictFor(doc, lint, argoVersion, security(doc.file))),
    ...lintModules(
      modules.loaded.filter((l) => checked(l.e.value.kind)),
      cwd,
      templates,
      argoVersion,
      security,
      run.allowMissingRefs,
    ),
  ];
  return { documents, problems: fileProblems };
}

function readFile(absolute: string, file: string): { documents: YamlDocument[] } | { problems: Issue[] } {
  try {
    return { documents: readYamlFile(absolute, file) };
  } catch (error) {
    return { problems: fileIssues(error, file) };
  }
}

/** One document's verdict; a failure while checking it (a document too deep for the checks) is that verdict. */
function verdictFor(
  doc: YamlDocument,
  lint: Pick<LintContext, 'templates' | 'allowMissingRefs'>,
  argoVersion: ArgoVersion | undefined,
  security: SecurityOptions,
): DocumentReport {
  try {
    return reportFor(doc, lint, argoVersion, security);
  } catch (error) {
    const at = doc.locate('');
    const issues = fileIssues(error, doc.file).map((i) => ({ ...i, source: at }));
    return { file: doc.file, index: doc.index, status: 'invalid', line: at.line, issues };
  }
}

function reportFor(
  doc: YamlDocument,
  context: Pick<LintContext, 'templates' | 'allowMissingRefs'>,
  argoVersion: ArgoVersion | undefined,
  security: SecurityOptions,
): DocumentReport {
  const verdict = validateSchema(doc.value, { argoVersion });
  // The semantic lint runs on schema-valid documents only; its errors make the document invalid, warnings do not.
  // The security lint runs after Argo's rules, on schema-valid documents too.
  const lint =
    verdict.status === 'valid'
      ? [
          ...lintDocument(doc.value, { ...context, yamlProblem, argoVersion }),
          ...lintSecurity(doc.value, { ...security, parsePatch: readPodSpecPatch }),
        ]
      : [];
  const status = lint.some((i) => i.severity === 'error') ? 'invalid' : verdict.status;
  const meta = (doc.value as { metadata?: { name?: unknown; generateName?: unknown } } | null)?.metadata;
  const name =
    typeof meta?.name === 'string' ? meta.name : typeof meta?.generateName === 'string' ? meta.generateName : undefined;
  const issues = [...verdict.issues, ...lint].map((i) => ({ ...i, source: doc.locate(i.path) }));
  return {
    file: doc.file,
    index: doc.index,
    kind: verdict.kind,
    name,
    status,
    reason: verdict.status === 'skipped' ? verdict.reason : undefined,
    line: doc.locate('').line,
    issues,
  };
}

function toText(report: ValidateReport): string {
  const lines: string[] = [];
  for (const p of report.problems) lines.push(formatIssue(p));
  for (const d of report.documents) {
    if (d.status === 'skipped') lines.push(`${d.file}:${d.line}:1: skipped: ${d.reason}`);
    for (const i of d.issues) lines.push(formatIssue(i));
  }
  const count = (s: Verdict['status']) => report.documents.filter((d) => d.status === s).length;
  const files = new Set(report.documents.map((d) => d.file)).size;
  const warnings = warningCount(report);
  lines.push(
    `${files} file(s), ${report.documents.length} document(s): ${count('valid')} valid, ${count('invalid')} invalid, ` +
      `${count('skipped')} skipped${report.problems.length > 0 ? `, ${report.problems.length} unreadable input(s)` : ''}` +
      `${warnings > 0 ? `, ${warnings} warning(s)` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}

function toJson(report: ValidateReport): unknown {
  const flat = (i: Issue) => ({
    code: i.code,
    severity: i.severity,
    file: i.source?.file,
    line: i.source?.line,
    column: i.source?.column,
    path: i.path,
    subject: i.subject,
    message: i.message,
  });
  return {
    documents: report.documents.map((d) => ({ ...d, issues: d.issues.map(flat) })),
    problems: report.problems.map(flat),
    warnings: warningCount(report),
  };
}

function warningCount(report: ValidateReport): number {
  return report.documents.reduce((n, d) => n + d.issues.filter((i) => i.severity === 'warning').length, 0);
}

import path from 'node:path';
import type { TemplatesDeclaration } from '@argo-gen/dsl';
import type { ArgoVersion, Issue, SecurityOptions } from '@argo-gen/model';
import { fileIssues } from '../load/file-issues.js';
import { compileTypeScript } from '../load/import-typescript.js';
import { lintCacheFor } from '../load/lint-cache.js';
import { type FirstOutcome, lintPhase, schemaPhase, templateDocs } from '../load/synth-run.js';
import { moduleExports, type WorkflowExport } from '../load/workflow-exports.js';
import { relativeTo } from '../relative-source.js';
import { embeddedReaders } from '../yaml/embedded-readers.js';
import type { DocumentReport } from './validate.js';

/**
 * `validate` for TypeScript modules, in two phases so that every WorkflowTemplate of the run (YAML or TypeScript) is
 * a templateRef target: `load` synthesises each exported workflow value (schema); `lint` synthesises again with the
 * semantic lint. Issues point at the TypeScript lines that declared the template or task.
 */
export async function loadModules(
  files: readonly string[],
  cwd: string,
  argoVersion?: ArgoVersion,
): Promise<{ loaded: Loaded[]; declared: TemplatesDeclaration[]; problems: Issue[] }> {
  const problems: Issue[] = [];
  const loaded: Loaded[] = [];
  const declared: TemplatesDeclaration[] = [];
  const compiled = await compileEach(files, cwd, problems);
  for (const file of compiled) {
    try {
      const { workflows, declarations } = await moduleExports(file, cwd);
      for (const e of workflows) loaded.push({ e, first: schemaPhase(e.value, argoVersion) });
      declared.push(...declarations.map((d) => d.declaration));
    } catch (error) {
      problems.push(...fileIssues(error, file));
    }
  }
  return { loaded, declared, problems: problems.map((i) => relativeTo(cwd, i)) };
}

/**
 * Compiles the modules in one batch; when that fails, each on its own, so that a module that does not compile is
 * that module's verdict and the others are still validated. Returns the files that compiled.
 */
async function compileEach(files: readonly string[], cwd: string, problems: Issue[]): Promise<string[]> {
  try {
    await compileTypeScript(files.map((f) => path.resolve(cwd, f)));
    return [...files];
  } catch {
    // Some module does not compile: learn which, one by one (only on this failing path).
  }
  const ok: string[] = [];
  for (const file of files) {
    try {
      await compileTypeScript([path.resolve(cwd, file)]);
      ok.push(file);
    } catch (error) {
      problems.push(...fileIssues(error, file));
    }
  }
  return ok;
}

export interface Loaded {
  readonly e: WorkflowExport;
  readonly first: FirstOutcome;
}

export function templatesOf(loaded: readonly Loaded[]): unknown[] {
  return templateDocs(loaded.map((l) => l.first));
}

export function lintModules(
  loaded: readonly Loaded[],
  cwd: string,
  templates: readonly unknown[],
  argoVersion?: ArgoVersion,
  security?: (file: string) => SecurityOptions,
  allowMissingRefs?: boolean,
): DocumentReport[] {
  const cache = lintCacheFor(cwd);
  return loaded.map(({ e, first }) => {
    if ('issues' in first)
      return report(
        e,
        undefined,
        first.issues.map((i) => relativeTo(cwd, i)),
      );
    const second = lintPhase(first, {
      templates,
      embedded: embeddedReaders,
      argoVersion,
      security: security?.(e.file),
      allowMissingRefs,
      cache,
    });
    const issues = 'issues' in second ? second.issues : second.warnings;
    return report(
      e,
      first.doc,
      issues.map((i) => relativeTo(cwd, i)),
    );
  });
}

function report(e: WorkflowExport, doc: unknown, issues: readonly Issue[]): DocumentReport {
  const meta = (doc as { metadata?: { name?: string; generateName?: string } } | undefined)?.metadata;
  const v = e.value as { name?: string; generateName?: string };
  return {
    file: e.file,
    index: 0,
    kind: e.value.kind,
    name: meta?.name ?? meta?.generateName ?? v.name ?? v.generateName,
    status: issues.some((i) => i.severity === 'error') ? 'invalid' : 'valid',
    line: e.value.source?.line ?? 1,
    issues,
  };
}

import path from 'node:path';
import type { TemplatesDeclaration } from '@argo-gen/dsl';
import { declaredDocument } from '@argo-gen/dsl/internal';
import {
  ArgoGenError,
  type ArgoVersion,
  type Issue,
  issue,
  lintDocument,
  lintSecurity,
  type SecurityOptions,
  validateSchema,
} from '@argo-gen/model';
import { expandInputs } from '../inputs.js';
import { readPodSpecPatch } from '../yaml/pod-spec-patch.js';
import type { YamlDocument } from '../yaml/read-documents.js';
import { yamlProblem } from '../yaml/yaml-problem.js';
import { fileIssues } from './file-issues.js';
import { compileTypeScript } from './import-typescript.js';
import { lintCacheFor } from './lint-cache.js';
import { synthAll } from './synth-run.js';
import { moduleExports, type WorkflowExport } from './workflow-exports.js';
import { readYamlFile } from './yaml-file.js';

/** An Argo object ready to send, with where it came from (for messages). */
export interface LoadedObject {
  readonly value: { readonly kind?: string; readonly metadata?: { readonly name?: string } } & Record<string, unknown>;
  /** `templates/canary.ts` or `templates/canary.ts (export nightly)` or `wf.yaml#2`. */
  readonly origin: string;
}

const MODULE = /\.[mc]?[jt]s$/;
const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.yaml', '.yml'];

export interface LoadOptions {
  readonly argoVersion?: ArgoVersion;
  /** The security lint's options per file (security-options.ts `runSecurity`); without it, the lint does not run. */
  readonly security?: (file: string) => SecurityOptions;
  /** Receives the lint's warnings, which never stop the load. */
  readonly onWarning?: (warning: Issue) => void;
}

/**
 * TypeScript modules (every exported workflow value, synthesised) and YAML files (every document), each validated
 * with Argo's schema, the semantic lint and the security lint, as `generate` and `validate` do (a module of
 * declarations from `argo-gen types` makes its WorkflowTemplates present, and sends nothing). Any error fails the
 * whole load, so nothing half-valid reaches a cluster.
 */
export async function loadArgoObjects(
  inputs: readonly string[],
  cwd: string,
  options: LoadOptions = {},
): Promise<LoadedObject[]> {
  const { argoVersion, security, onWarning } = options;
  const { files, problems } = expandInputs(inputs, cwd, EXTENSIONS);
  const all: Issue[] = [...problems];
  const exports: WorkflowExport[] = [];
  const yaml: YamlDocument[] = [];
  const declared: TemplatesDeclaration[] = [];
  const inputFiles = files.filter((f) => !/\.(d|test|test-d)\.[mc]?ts$/.test(f));
  // One compile for every module, as generate does: issues then name the .ts line, not the compiled file's.
  const modules = inputFiles.filter((f) => MODULE.test(f)).map((f) => path.resolve(cwd, f));
  if (modules.length > 0) await compileTypeScript(modules);
  for (const file of inputFiles) {
    try {
      if (MODULE.test(file)) {
        const found = await moduleExports(file, cwd);
        exports.push(...found.workflows);
        declared.push(...found.declarations.map((d) => d.declaration));
      } else yaml.push(...readYamlFile(path.resolve(cwd, file), file));
    } catch (error) {
      all.push(...fileIssues(error, file));
    }
  }
  if (all.length > 0) throw new ArgoGenError(all);
  const warnings: Issue[] = [];
  const docs =
    exports.length > 0 ? await synthAll(exports, warnings, argoVersion, security, lintCacheFor(cwd)) : new Map();
  const fromModules = exports.map((e) => ({
    value: docs.get(e.value) as LoadedObject['value'],
    origin: `${e.file}${e.exportName === 'default' ? '' : ` (export ${e.exportName})`}`,
  }));
  const templates = [
    ...[...fromModules.map((o) => o.value), ...yaml.map((d) => d.value)].filter((v) =>
      /WorkflowTemplate$/.test(String((v as { kind?: unknown } | null)?.kind)),
    ),
    // Declared by a module `argo-gen types` wrote, given among the inputs: present, by their signatures.
    ...declared.map(declaredDocument),
  ];
  const fromYaml: LoadedObject[] = [];
  for (const doc of yaml) {
    try {
      const found = issuesOf(doc, templates, argoVersion, security?.(doc.file));
      all.push(...found.filter((i) => i.severity === 'error'));
      warnings.push(...found.filter((i) => i.severity !== 'error'));
    } catch (error) {
      all.push(...fileIssues(error, doc.file).map((i) => ({ ...i, source: doc.locate('') })));
    }
    fromYaml.push({ value: doc.value as LoadedObject['value'], origin: `${doc.file}#${doc.index + 1}` });
  }
  if (all.length > 0) throw new ArgoGenError(all);
  for (const w of warnings) onWarning?.(w);
  return [...fromModules, ...fromYaml];
}

/** The schema's and the lints' issues for one YAML document, placed at its lines. */
function issuesOf(
  doc: YamlDocument,
  templates: readonly unknown[],
  argoVersion?: ArgoVersion,
  security?: SecurityOptions,
): Issue[] {
  const verdict = validateSchema(doc.value, { argoVersion });
  const lint =
    verdict.status === 'valid'
      ? [
          ...lintDocument(doc.value, { templates, yamlProblem, argoVersion }),
          ...(security ? lintSecurity(doc.value, { ...security, parsePatch: readPodSpecPatch }) : []),
        ]
      : [];
  const errors = [...verdict.issues, ...lint];
  if (verdict.status === 'skipped')
    errors.push(issue('input/not-argo', '', `not an Argo object: ${verdict.reason}`, { source: doc.locate('') }));
  return errors.map((i) => ({ ...i, source: i.source ?? doc.locate(i.path) }));
}

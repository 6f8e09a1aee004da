import path from 'node:path';
import { toYaml } from '@argo-gen/dsl';
import { ArgoGenError, type ArgoVersion, type Issue, issue, type SecurityOptions } from '@argo-gen/model';
import type { Target } from '../config.js';
import { expandInputs } from '../inputs.js';
import { compileTypeScript } from '../load/import-typescript.js';
import { lintCacheFor } from '../load/lint-cache.js';
import { synthAll } from '../load/synth-run.js';
import { moduleExports, type RbacExport, type WorkflowExport } from '../load/workflow-exports.js';
import { duplicateObjects, identify } from '../unique-objects.js';
import { formatHeader, isHeaderSafe, isIdentifier } from './header.js';

/** A target as one run sees it. */
export interface RunTarget extends Target {
  /**
   * The run covers a configured target whole (its inputs and its output directory), so it owns that target's
   * generated files and may delete the ones no input produces any more. An explicit subset of inputs, or `-o`
   * elsewhere, owns nothing and deletes nothing.
   */
  readonly owned: boolean;
}

/** A YAML file that generation would write, with the module it comes from. */
export interface PlannedFile {
  /** Output path relative to the working directory (absolute outside it), with forward slashes. */
  readonly path: string;
  /** The absolute output directory the file belongs to; the file's path below it is `relative`. */
  readonly outDir: string;
  readonly relative: string;
  readonly content: string;
  readonly source: string;
}

export interface Plan {
  readonly files: readonly PlannedFile[];
  readonly targets: readonly RunTarget[];
  /** Warnings from the lint; they do not stop generation. */
  readonly warnings: readonly Issue[];
}

/**
 * Loads every module of every target, synthesises every workflow value (schema + semantic lint, with the run's other
 * WorkflowTemplates as `templateRef` targets, and the security lint) and renders YAML. Nothing is written here; any
 * error stops the plan.
 */
export async function plan(
  targets: readonly RunTarget[],
  root: string,
  argoVersion?: ArgoVersion,
  security?: (file: string) => SecurityOptions,
): Promise<Plan> {
  const modules: { target: RunTarget; base: string; exports: WorkflowExport[]; rbac: RbacExport[] }[] = [];
  const problems: Issue[] = [];
  const perTarget = targets.map((target) => {
    const { files, problems: inputProblems } = expandInputs(target.inputs, root, ['.ts', '.mts', '.js', '.mjs']);
    problems.push(...inputProblems);
    return { target, files: files.filter((f) => !/\.(d|test|test-d)\.[mc]?ts$/.test(f)) };
  });
  // One compile for every module of the run (see import-typescript.ts); a compile error names the .ts line.
  await compileTypeScript(perTarget.flatMap((t) => t.files.map((f) => path.resolve(root, f))));
  // Imported concurrently (their file reads overlap), kept in input order.
  const loaded = await Promise.all(
    perTarget.flatMap(({ target, files }) =>
      files.map(async (file) => {
        try {
          const { workflows: exports, rbac } = await moduleExports(file, root);
          return { module: { target, base: baseDirFor(file, target.inputs, root), exports, rbac } };
        } catch (error) {
          if (!(error instanceof ArgoGenError)) throw error;
          return { issues: error.issues };
        }
      }),
    ),
  );
  for (const l of loaded) {
    if (l.module) modules.push(l.module);
    else problems.push(...l.issues);
  }
  if (problems.length > 0) throw new ArgoGenError(problems);
  const all = modules.flatMap((m) => m.exports);
  const warnings: Issue[] = [];
  const docs = await synthAll(all, warnings, argoVersion, security, lintCacheFor(root));
  const files: PlannedFile[] = [];
  const naming: Issue[] = [];
  for (const m of modules) {
    // RBAC derived from the steps (dsl's rbac()) is one `v1 List` document, not an Argo kind: nothing to lint.
    const outputs = [
      ...m.exports.map((e) => ({ e, doc: docs.get(e.value) })),
      ...m.rbac.map((e) => ({ e, doc: e.value.document as unknown })),
    ];
    for (const { e, doc } of outputs) {
      const placed = place(root, m.target.out, m.base, e, outputs.length > 1);
      if ('issue' in placed) {
        naming.push(placed.issue);
        continue;
      }
      const source = toPosix(path.relative(root, path.resolve(root, e.file)));
      files.push({
        ...placed,
        content: `${formatHeader({ source, exportName: e.exportName })}${toYaml(doc)}`,
        source: e.file,
      });
    }
  }
  const clash = firstClash(files);
  if (clash) naming.push(issue('generate/output-clash', '', clash));
  naming.push(
    ...duplicateObjects(
      modules.flatMap((m) => m.exports.map((e) => identify(docs.get(e.value), describeExport(e), e.file))),
    ),
  );
  if (naming.length > 0) throw new ArgoGenError(naming);
  return { files, targets, warnings };
}

/** `templates/a.ts` for a default export, `templates/a.ts (export nightly)` for a named one. */
export function describeExport(e: { readonly file: string; readonly exportName: string }): string {
  return `${e.file}${e.exportName === 'default' ? '' : ` (export ${e.exportName})`}`;
}

function baseDirFor(file: string, inputs: readonly string[], root: string): string {
  const abs = path.resolve(root, file);
  const dirs = inputs.map((i) => path.resolve(root, i)).filter((d) => abs.startsWith(`${d}${path.sep}`));
  return dirs.sort((a, b) => b.length - a.length)[0] ?? path.dirname(abs);
}

/**
 * Where an export's YAML goes: the module's path below its input directory, plus the export's name when the module
 * has several. Names come from user code, so the result is checked to stay inside the output directory: an export
 * name must be an identifier (no dots, slashes or `..`), and the joined path must not leave `out`.
 */
function place(
  root: string,
  out: string,
  base: string,
  e: { readonly file: string; readonly exportName: string },
  several: boolean,
): Omit<PlannedFile, 'content' | 'source'> | { issue: Issue } {
  const at = { source: { file: e.file, line: 0, column: 0 } };
  if (!isIdentifier(e.exportName))
    return {
      issue: issue(
        'generate/unsafe-name',
        '',
        `export name ${JSON.stringify(e.exportName.slice(0, 80))} cannot name a file (use an identifier)`,
        at,
      ),
    };
  const source = path.relative(root, path.resolve(root, e.file));
  if (!isHeaderSafe(source))
    return { issue: issue('generate/unsafe-name', '', 'the module path has control characters; rename the file', at) };
  const outDir = path.resolve(root, out);
  const rel = path.relative(base, path.resolve(root, e.file)).replace(/\.[mc]?[jt]s$/, '');
  const relative = `${path.normalize(several ? `${rel}.${e.exportName}` : rel)}.yaml`;
  const abs = path.resolve(outDir, relative);
  if (
    rel === '' ||
    path.isAbsolute(rel) ||
    !abs.startsWith(`${outDir}${path.sep}`) ||
    relative.startsWith(`..${path.sep}`)
  )
    return { issue: issue('generate/unsafe-name', '', `would be written outside the output directory ${out}`, at) };
  return { path: displayPath(root, abs), outDir, relative: toPosix(relative) };
}

/** Inside the root: relative with forward slashes, as generate prints its outputs; elsewhere: absolute. */
export function displayPath(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : toPosix(rel);
}

function firstClash(files: readonly PlannedFile[]): string | undefined {
  const seen = new Map<string, string>();
  for (const f of files) {
    const key = path.join(f.outDir, f.relative);
    const other = seen.get(key);
    if (other) return `${other} and ${f.source} would both write ${f.path}`;
    seen.set(key, f.source);
  }
  return undefined;
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

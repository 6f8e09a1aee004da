import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue, isArgoGenError } from '@argo-gen/model';
import { importDocuments } from '../import/module.js';
import { EXIT, type Io } from '../io.js';
import { readDocuments } from '../yaml/read-documents.js';

export interface ImportOptions {
  /** Directory for the .ts files; without it, modules are printed to stdout. */
  readonly out?: string;
}

/**
 * `argo-gen import`: Argo YAML → DSL TypeScript, one module per YAML file. Unreadable YAML fails that file with its
 * line and column; the escape hatches used are counted and reported at the end.
 */
export function importCommand(files: readonly string[], options: ImportOptions, io: Io): number {
  const totals = { rawTemplate: 0, rawCall: 0, raw: 0 };
  let failed = 0;
  let written = 0;
  for (const file of files) {
    let values: unknown[];
    try {
      values = readDocuments(readFileSync(path.resolve(io.cwd, file)), file).map((d) => d.value);
    } catch (error) {
      failed++;
      if (isArgoGenError(error)) for (const i of error.issues) io.stderr(`${formatIssue(i)}\n`);
      else io.stderr(`${file}: cannot read: ${error instanceof Error ? error.message : String(error)}\n`);
      continue;
    }
    const result = importDocuments(values, file);
    for (const s of result.skipped) io.stderr(`${file}: skipped a ${s} document (not a workflow kind)\n`);
    for (const w of result.warnings) io.stderr(`${file}: ${w}\n`);
    if (result.documents === 0) {
      failed++;
      io.stderr(`${file}: no Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow to import\n`);
      continue;
    }
    totals.rawTemplate += result.counts.rawTemplate;
    totals.rawCall += result.counts.rawCall;
    totals.raw += result.counts.raw;
    if (options.out) {
      const target = path.resolve(io.cwd, options.out, `${path.basename(file).replace(/\.ya?ml$/i, '')}.ts`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, result.text);
      io.stdout(`wrote ${path.relative(io.cwd, target)}\n`);
    } else {
      io.stdout(result.text);
    }
    written++;
  }
  const summary = `${written} file(s) imported, ${failed} failed; raw escape hatches: ${totals.rawTemplate} rawTemplate, ${totals.rawCall} raw task/step, ${totals.raw} raw()`;
  (options.out ? io.stdout : io.stderr)(`${summary}\n`);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

import path from 'node:path';
import { importDocuments } from '@argo-gen/import';
import { formatIssue, type Issue, issue } from '@argo-gen/model';
import { expandInputs } from '../inputs.js';
import { EXIT, type Io } from '../io.js';
import { fileIssues } from '../load/file-issues.js';
import { readYamlFile } from '../load/yaml-file.js';
import { type ImportedFile, placeOutputs, writeOutputs } from './import-outputs.js';

export interface ImportOptions {
  /** Directory for the .ts files; without it, modules are printed to stdout. */
  readonly out?: string;
  /** Overwrite existing files that `argo-gen import` did not write from the same input. */
  readonly force?: boolean;
  /** Exit 0 even when a field could not be carried (the losses are listed all the same). */
  readonly allowLoss?: boolean;
}

const YAML_EXTENSIONS = ['.yaml', '.yml'];

/**
 * `argo-gen import`: Argo YAML → DSL TypeScript, one module per YAML file (files, directories and quoted globs, as
 * for `validate`). A file that cannot be read or imported fails alone, with its line and column or one coded line;
 * with `-o`, nothing is overwritten silently (import-outputs.ts). The escape hatches used and the losses (fields
 * neither the DSL nor an escape hatch carries) are counted at the end; a loss fails the command unless `allowLoss`.
 */
export function importCommand(inputs: readonly string[], options: ImportOptions, io: Io): number {
  const totals = { rawTemplate: 0, rawCall: 0, raw: 0, losses: 0 };
  const print = (i: Issue) => io.stderr(`${formatIssue(i)}\n`);
  const { files, problems } = expandInputs(inputs, io.cwd, YAML_EXTENSIONS);
  problems.forEach(print);
  let failed = problems.length;
  const imported: ImportedFile[] = [];
  for (const file of files) {
    const result = importFile(file, io);
    if (!result) {
      failed++;
      continue;
    }
    totals.rawTemplate += result.counts.rawTemplate;
    totals.rawCall += result.counts.rawCall;
    totals.raw += result.counts.raw;
    totals.losses += result.losses.length;
    imported.push({ file, text: result.text });
    if (!options.out) io.stdout(result.text);
  }
  let written = imported.length;
  if (options.out) {
    const { placed, refused } = placeOutputs(imported, options.out, io.cwd, options.force === true);
    const unwritten = writeOutputs(placed, options.out, io.cwd);
    [...refused, ...unwritten].forEach(print);
    const notWritten = new Set(unwritten.map((i) => i.source?.file));
    for (const p of placed.filter((x) => !notWritten.has(x.file)))
      io.stdout(`wrote ${path.relative(io.cwd, p.target).split(path.sep).join('/')}\n`);
    written = placed.length - notWritten.size;
    failed += imported.length - written;
  }
  const lossNote =
    totals.losses > 0
      ? options.allowLoss
        ? ' (allowed by --allow-loss)'
        : ' (not carried: see above; --allow-loss accepts them)'
      : '';
  const summary = `${written} file(s) imported, ${failed} failed; raw escape hatches: ${totals.rawTemplate} rawTemplate, ${totals.rawCall} raw task/step, ${totals.raw} raw(); ${totals.losses} loss(es)${lossNote}`;
  (options.out ? io.stdout : io.stderr)(`${summary}\n`);
  return failed > 0 || (totals.losses > 0 && !options.allowLoss) ? EXIT.failed : EXIT.ok;
}

/** One file read and imported, its messages printed; undefined when it failed (said why). */
function importFile(file: string, io: Io): ReturnType<typeof importDocuments> | undefined {
  const fail = (issues: readonly Issue[]) => {
    for (const i of issues) io.stderr(`${formatIssue(i)}\n`);
    return undefined;
  };
  let result: ReturnType<typeof importDocuments>;
  try {
    const values = readYamlFile(path.resolve(io.cwd, file), file).map((d) => d.value);
    result = importDocuments(values, file);
  } catch (error) {
    // A document nested too deeply for the importer's recursion, a reader failure: this file's problem only.
    return fail(fileIssues(error, file));
  }
  for (const s of result.skipped) io.stderr(`${file}: skipped a ${s} document (not a workflow kind)\n`);
  for (const w of result.warnings) io.stderr(`${file}: ${w}\n`);
  for (const l of result.losses) io.stderr(`${file}: not carried: ${l}\n`);
  if (result.documents === 0)
    return fail([
      issue(
        'import/no-workflow',
        '',
        'no Workflow, WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow to import',
        {
          source: { file, line: 0, column: 0 },
        },
      ),
    ]);
  return result;
}

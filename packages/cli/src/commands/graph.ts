import path from 'node:path';
import { synth } from '@argo-gen/dsl';
import { ArgoGenError, type ArgoVersion, formatIssue, isArgoKind, issue, quote } from '@argo-gen/model';
import { graphOf } from '../graph/dag-graph.js';
import { toDot, toMermaid } from '../graph/render-graph.js';
import { taskPhases } from '../graph/simulated-phases.js';
import { EXIT, type Io } from '../io.js';
import { fileIssues } from '../load/file-issues.js';
import { workflowExports } from '../load/workflow-exports.js';
import { readYamlFile } from '../load/yaml-file.js';
import { relativeTo } from '../relative-source.js';
import { loadRun } from '../simulate/load-run.js';
import type { OutcomeFlags } from '../simulate/outcome-flags.js';

export interface GraphOptions extends OutcomeFlags {
  readonly format: 'mermaid' | 'dot';
  readonly template?: string;
  readonly export?: string;
  /** Colour each task by its phase in a simulated run (with the outcome flags and -p). */
  readonly simulate?: boolean;
  readonly parameter?: readonly string[];
  readonly argoVersion?: ArgoVersion;
}

/** `argo-gen graph <file>`: draws a DAG (or steps) template of a TypeScript module or a YAML file. */
export async function graphCommand(
  file: string,
  options: GraphOptions,
  io: Io,
  templates: readonly string[] = [],
): Promise<number> {
  if (options.simulate) return simulatedGraph([file, ...templates], options, io);
  if (templates.length > 0) {
    io.stderr(
      `${formatIssue(issue('usage/graph-files', '', 'graph draws one file; more files are for --simulate'))}\n`,
    );
    return EXIT.usage;
  }
  try {
    const doc = await documentOf(file, options.export, io.cwd);
    const g = graphOf(doc, options.template);
    io.stdout(options.format === 'dot' ? toDot(g) : toMermaid(g));
    return EXIT.ok;
  } catch (error) {
    for (const i of fileIssues(error, file)) {
      // The graph's own issues are about the file as a whole.
      const placed = i.source ? i : { ...i, source: { file, line: 0, column: 0 } };
      io.stderr(`${formatIssue(relativeTo(io.cwd, placed))}\n`);
    }
    return EXIT.failed;
  }
}

/**
 * `graph --simulate`: the run starts at the entrypoint (`--template` picks the template drawn, not where the run
 * starts), and each task of the drawn template takes its phase in the run. Exits 0 whatever the run's phase: the
 * picture is the output.
 */
async function simulatedGraph(files: readonly string[], options: GraphOptions, io: Io): Promise<number> {
  // Loaded here, not at the top: a plain `graph` never loads the simulation (its bundle is ~220 KB).
  const { reportRunError, runLoaded } = await import('./simulate.js');
  try {
    const run = await loadRun(files, { ...options, template: undefined }, io);
    const sim = runLoaded(run);
    const g = graphOf(run.workflow, options.template);
    const phases = taskPhases(sim, g.title);
    io.stdout(options.format === 'dot' ? toDot(g, phases) : toMermaid(g, phases));
    return EXIT.ok;
  } catch (error) {
    return reportRunError(error, files[0] ?? '', io);
  }
}

async function documentOf(file: string, exportName: string | undefined, cwd: string): Promise<unknown> {
  if (/\.ya?ml$/.test(file)) {
    const docs = readYamlFile(path.resolve(cwd, file), file);
    const argo = docs.find((d) => isArgoKind((d.value as { kind?: unknown } | null)?.kind));
    if (!argo) throw new ArgoGenError([issue('graph/no-argo-document', '', 'contains no Argo Workflows document')]);
    return argo.value;
  }
  const exports = await workflowExports(file, cwd);
  const chosen = exportName ? exports.find((e) => e.exportName === exportName) : exports[0];
  if (!chosen) {
    const names = exports.map((e) => e.exportName).join(', ');
    throw new ArgoGenError([
      issue('graph/no-export', '', `has no workflow export ${quote(exportName ?? '')} (exports: ${names})`),
    ]);
  }
  return synth(chosen.value);
}

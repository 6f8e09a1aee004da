import { readFileSync } from 'node:fs';
import path from 'node:path';
import { synth } from '@argo-gen/dsl';
import { formatIssue, isArgoGenError, isArgoKind } from '@argo-gen/model';
import { graphOf } from '../graph/dag-graph.js';
import { toDot, toMermaid } from '../graph/render-graph.js';
import { EXIT, type Io } from '../io.js';
import { workflowExports } from '../load/workflow-exports.js';
import { relativeTo } from '../relative-source.js';
import { readDocuments } from '../yaml/read-documents.js';

export interface GraphOptions {
  readonly format: 'mermaid' | 'dot';
  readonly template?: string;
  readonly export?: string;
}

/** `argo-gen graph <file>`: draws a DAG (or steps) template of a TypeScript module or a YAML file. */
export async function graphCommand(file: string, options: GraphOptions, io: Io): Promise<number> {
  try {
    const doc = await documentOf(file, options.export, io.cwd);
    const g = graphOf(doc, options.template);
    io.stdout(options.format === 'dot' ? toDot(g) : toMermaid(g));
    return EXIT.ok;
  } catch (error) {
    if (isArgoGenError(error)) {
      for (const i of error.issues) io.stderr(`${formatIssue(relativeTo(io.cwd, i))}\n`);
    } else if (error instanceof Error) {
      io.stderr(`${file}: ${error.message}\n`);
    } else throw error;
    return EXIT.failed;
  }
}

async function documentOf(file: string, exportName: string | undefined, cwd: string): Promise<unknown> {
  if (/\.ya?ml$/.test(file)) {
    const docs = readDocuments(readFileSync(path.resolve(cwd, file)), file);
    const argo = docs.find((d) => isArgoKind((d.value as { kind?: unknown } | null)?.kind));
    if (!argo) throw new Error('contains no Argo Workflows document');
    return argo.value;
  }
  const exports = await workflowExports(file, cwd);
  const chosen = exportName ? exports.find((e) => e.exportName === exportName) : exports[0];
  if (!chosen)
    throw new Error(`has no workflow export '${exportName}' (exports: ${exports.map((e) => e.exportName).join(', ')})`);
  return synth(chosen.value);
}

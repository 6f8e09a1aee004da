import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toYaml } from '@argo-gen/dsl';
import { importDocuments, type RawCounts } from '@argo-gen/import';
import { type ArgoVersion, formatIssue, isArgoGenError } from '@argo-gen/model';
import ts from 'typescript';
import { compileTypeScript } from '../packages/cli/src/load/import-typescript.js';
import { type FirstOutcome, lintPhase, schemaPhase, templateDocs } from '../packages/cli/src/load/synth-run.js';
import { type WorkflowExport, workflowExports } from '../packages/cli/src/load/workflow-exports.js';
import { embeddedReaders } from '../packages/cli/src/yaml/embedded-readers.js';
import { readDocuments } from '../packages/cli/src/yaml/read-documents.js';
import { listYamlFiles } from './corpus.js';
import { firstDifference, normalize } from './import-normalize.js';
import { REPO_ROOT } from './paths.js';

/**
 * The import round trip as a user meets it: YAML → `argo-gen import` → TypeScript → `tsc --noEmit` (one program for
 * the whole corpus) → the pipeline of `argo-gen generate` (compile, load, schema, Argo's semantic lint with the run's
 * WorkflowTemplates as `templateRef` targets) → YAML → read back as Argo reads it → equal to the input after
 * ./import-normalize.ts. A file is equal only when every stage passed. The modules run against the built
 * `@argo-gen/dsl` (as a user's do; `pnpm build` first, as for the CLI tests); tsc checks them against its sources.
 */
export interface FileOutcome {
  readonly ok: boolean;
  /** The first stage that failed and why (`tsc: …`, `load: …`, `generate: …`, or the first difference). */
  readonly reason?: string;
  /** The escape hatches the import used, and what it could not carry (losses). */
  readonly counts?: RawCounts;
  readonly losses?: readonly string[];
}

export interface CorpusResult {
  readonly outcomes: ReadonlyMap<string, FileOutcome>;
  /** Escape hatches over every imported file (equal or not). */
  readonly totals: RawCounts & { readonly losses: number };
  readonly equal: number;
}

const KINDS = new Set(['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow']);

export async function roundTripCorpus(
  corpusDir: string,
  scratchName: string,
  argoVersion?: ArgoVersion,
): Promise<CorpusResult> {
  const scratch = path.join(REPO_ROOT, '.cache/import-roundtrip', scratchName);
  rmSync(scratch, { recursive: true, force: true });
  const outcomes = new Map<string, FileOutcome>();
  const pending: { rel: string; target: string; originals: unknown[]; counts: RawCounts; losses: string[] }[] = [];
  const totals = { rawTemplate: 0, rawCall: 0, raw: 0, losses: 0 };
  for (const file of listYamlFiles(corpusDir)) {
    const rel = path.relative(corpusDir, file);
    let values: unknown[];
    try {
      values = readDocuments(readFileSync(file, 'utf8'), rel).map((d) => d.value);
    } catch (error) {
      if (!isArgoGenError(error)) throw error;
      outcomes.set(rel, { ok: false, reason: `unparseable: ${error.issues[0]?.message}` });
      continue;
    }
    const originals = values.filter((v) => KINDS.has(String((v as { kind?: unknown }).kind)));
    if (originals.length === 0) {
      const kinds = values.map((v) => String((v as { kind?: unknown }).kind)).join(', ');
      outcomes.set(rel, { ok: false, reason: `no workflow document (${kinds})` });
      continue;
    }
    const imported = importDocuments(values, rel);
    for (const k of ['rawTemplate', 'rawCall', 'raw'] as const) totals[k] += imported.counts[k];
    totals.losses += imported.losses.length;
    const target = path.join(scratch, rel.replace(/\.ya?ml$/, '.ts'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, imported.text);
    pending.push({ rel, target, originals, counts: imported.counts, losses: [...imported.losses] });
  }
  const typeErrors = typeCheck(pending.map((p) => p.target));
  const fail = (p: (typeof pending)[number], reason: string) =>
    outcomes.set(p.rel, { ok: false, reason, counts: p.counts, losses: p.losses });
  // generate's pipeline (load/synth-run.ts): one compile, every module loaded, the schema phase for all, then the lint
  // of each with every WorkflowTemplate of the corpus as a templateRef target.
  await compileTypeScript(pending.map((p) => p.target));
  const loaded: { p: (typeof pending)[number]; exports: WorkflowExport[]; first: FirstOutcome[] }[] = [];
  for (const p of pending) {
    const typeError = typeErrors.get(p.target);
    if (typeError) {
      fail(p, `tsc: ${typeError}`);
      continue;
    }
    let exports: WorkflowExport[];
    try {
      exports = await workflowExports(p.target, REPO_ROOT);
    } catch (error) {
      fail(p, `load: ${isArgoGenError(error) ? error.issues[0]?.message : String(error)}`);
      continue;
    }
    loaded.push({ p, exports, first: exports.map((e) => schemaPhase(e.value, argoVersion)) });
  }
  const templates = templateDocs(loaded.flatMap((l) => l.first));
  for (const { p, exports, first } of loaded) {
    const docs: unknown[] = [];
    for (const f of first) {
      const o = lintPhase(f, { templates, embedded: embeddedReaders, argoVersion });
      if ('issues' in o) {
        const i = o.issues.find((x) => x.severity !== 'warning') ?? o.issues[0];
        docs.length = 0;
        fail(p, `generate: ${i ? formatIssue({ ...i, source: undefined }) : 'failed'}`);
        break;
      }
      // What generate writes, read back as Argo reads it.
      docs.push(readDocuments(toYaml(o.doc), p.rel)[0]?.value);
    }
    if (outcomes.has(p.rel)) continue;
    const difference = compareAll(p.originals, docs, exports);
    outcomes.set(p.rel, { ok: !difference, reason: difference, counts: p.counts, losses: p.losses });
  }
  const equal = [...outcomes.values()].filter((o) => o.ok).length;
  return { outcomes, totals, equal };
}

/** Each original document against the generated document of the same kind and name. */
function compareAll(originals: readonly unknown[], docs: readonly unknown[], exports: readonly unknown[]) {
  if (docs.length !== originals.length) return `${originals.length} document(s) in, ${exports.length} exported`;
  for (const original of originals) {
    const o = original as { kind: string; metadata: { name?: string; generateName?: string } };
    const id = (d: { metadata?: { name?: string; generateName?: string } }) =>
      d.metadata?.name ?? d.metadata?.generateName ?? '';
    const doc = docs.find((d) => (d as { kind: string }).kind === o.kind && id(d as never) === id(o));
    if (!doc) return `no generated ${o.kind} '${id(o)}'`;
    const difference = firstDifference(normalize(original), normalize(doc));
    if (difference) return difference;
  }
  return undefined;
}

/** `tsc --noEmit` over every emitted module at once: the first error of each file, by file. */
function typeCheck(files: readonly string[]): Map<string, string> {
  const src = (pkg: string) => path.join(REPO_ROOT, `packages/${pkg}/src/index.ts`);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    // The workspace's sources, so the check never reads a stale build.
    paths: { '@argo-gen/dsl': [src('dsl')], '@argo-gen/model': [src('model')] },
  });
  const errors = new Map<string, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (!d.file || errors.has(path.resolve(d.file.fileName)) || !files.includes(path.resolve(d.file.fileName)))
      continue;
    const file = d.file.fileName;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    errors.set(path.resolve(file), `line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  return errors;
}

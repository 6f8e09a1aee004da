import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue, isArgoGenError, lintDocument, validateSchema } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../packages/cli/src/yaml/read-documents.js';
import { listYamlFiles } from './corpus.js';
import { EXAMPLES_DIR } from './paths.js';

/**
 * Upstream examples our lint rejects although `argo lint --offline` passes them, each with the reason and the errors
 * the Kubernetes API server would give (it refuses both at creation, in every Argo version). Both lack a name because
 * of a YAML slip: Argo's validator never checks that a name exists, but the API server refuses an object with neither
 * `name` nor `generateName`; in fun-with-gifs the slip also makes `generateName: fun-with-gifs-` a label, whose value
 * may not end with '-'.
 */
const MISSING_NAME =
  '/metadata: metadata.name or metadata.generateName is required (the Kubernetes API server refuses an object without either) [lint/missing-name]';
const KNOWN_INVALID: Readonly<Record<string, { readonly reason: string; readonly errors: readonly string[] }>> = {
  'fun-with-gifs.yaml': {
    reason: 'generateName is indented under metadata.labels, so the Workflow has no name and a label ends with -',
    errors: [
      MISSING_NAME,
      "/metadata/labels/generateName: metadata.labels: Invalid value: \"fun-with-gifs-\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (the API server refuses it) [k8s/invalid-label]",
    ],
  },
  'k8s-jobs.yaml': {
    reason: 'name: is swallowed by the block scalar of an annotation, so the Workflow has no name',
    errors: [MISSING_NAME],
  },
};

describe("semantic lint on Argo's upstream examples", () => {
  const docs: { file: string; value: unknown }[] = [];
  for (const file of listYamlFiles(EXAMPLES_DIR)) {
    try {
      for (const doc of readDocuments(readFileSync(file, 'utf8'), file)) docs.push({ file, value: doc.value });
    } catch (error) {
      if (!isArgoGenError(error)) throw error; // the unparseable ones are listed by upstream-corpus.test.ts
    }
  }
  // As `argo lint --offline` does, every WorkflowTemplate and ClusterWorkflowTemplate given is a templateRef target.
  const templates = docs
    .map((d) => d.value as { kind?: string })
    .filter((v) => v?.kind === 'WorkflowTemplate' || v?.kind === 'ClusterWorkflowTemplate');
  const valid = docs.filter((d) => validateSchema(d.value).status === 'valid');
  const errorsByFile = new Map<string, string[]>();
  for (const d of valid)
    for (const i of lintDocument(d.value, { templates }))
      if (i.severity === 'error') {
        const file = path.relative(EXAMPLES_DIR, d.file);
        errorsByFile.set(file, [...(errorsByFile.get(file) ?? []), formatIssue(i)]);
      }

  it('lints every schema-valid Argo document', () => {
    expect(valid.length).toBe(224);
  });

  it('finds no errors in any example but the ones listed with their reason', () => {
    const unexpected = [...errorsByFile].filter(([file]) => !(file in KNOWN_INVALID));
    expect(unexpected).toEqual([]);
    expect([...errorsByFile.keys()].sort()).toEqual(Object.keys(KNOWN_INVALID).sort());
    for (const [file, known] of Object.entries(KNOWN_INVALID)) expect(errorsByFile.get(file)).toEqual(known.errors);
  });
});

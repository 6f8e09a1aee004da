import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue, isArgoGenError, validateSchema } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../packages/cli/src/yaml/read-documents.js';
import { listYamlFiles } from './corpus.js';
import { EXAMPLES_DIR } from './paths.js';

/**
 * The one upstream file Argo's strict decoding refuses too: `metadata.annotations` twice (`argo lint --strict` skips
 * it silently; `--strict=false` keeps the second). Every other file reads (test/yaml-oracle proves the values equal
 * Argo's). A change in this list fails the test.
 */
const UNPARSEABLE: Readonly<Record<string, string>> = {
  'k8s-patch-json-workflow.yaml': "YAML duplicate key 'annotations'",
};

/** Non-Argo documents some examples carry; argo lint skips them and so do we. */
const SKIPPED_KINDS = ['ConfigMap', 'PersistentVolumeClaim', 'ResourceQuota'];

describe("Argo's upstream examples", () => {
  const files = listYamlFiles(EXAMPLES_DIR);
  const unparseable: Record<string, string> = {};
  const verdicts: { file: string; status: string; kind?: string; problems: string[] }[] = [];
  for (const file of files) {
    try {
      for (const doc of readDocuments(readFileSync(file), file)) {
        const v = validateSchema(doc.value);
        verdicts.push({ file, status: v.status, kind: v.kind, problems: v.issues.map(formatIssue) });
      }
    } catch (error) {
      if (!isArgoGenError(error)) throw error;
      unparseable[path.relative(EXAMPLES_DIR, file)] = error.issues[0]?.message ?? '';
    }
  }

  it('has the 217 files the reference data promises', () => {
    expect(files).toHaveLength(217);
  });

  it('lists exactly the files Argo cannot read either, with the reason', () => {
    expect(Object.keys(unparseable).sort()).toEqual(Object.keys(UNPARSEABLE).sort());
    for (const [file, reason] of Object.entries(UNPARSEABLE)) expect(unparseable[file], file).toContain(reason);
  });

  it('finds every parseable Argo document valid', () => {
    const invalid = verdicts.filter((v) => v.status === 'invalid');
    expect(invalid).toEqual([]);
    expect(verdicts.filter((v) => v.status === 'valid').length).toBe(224);
  });

  it('skips the non-Argo documents instead of failing them', () => {
    const skipped = verdicts.filter((v) => v.status === 'skipped').map((v) => v.kind);
    expect(skipped.sort()).toEqual([...SKIPPED_KINDS].sort());
  });
});

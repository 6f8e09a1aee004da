import { readFileSync } from 'node:fs';
import { validateSchema } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { compileAjv, kindRef } from '../packages/codegen/src/emit-validators.js';
import type { JsonSchema } from '../packages/codegen/src/json-schema.js';
import { normalizeSchema } from '../packages/codegen/src/normalize.js';
import { ARGO_DIR, EXAMPLES_DIR } from './paths.js';
import { readableArgoDocuments } from './upstream-documents.js';

/**
 * The committed validators are ajv standalone code; this compiles the same normalised schema at run time and checks
 * that both give the same verdict on every upstream document and on a few broken ones.
 */
describe('precompiled validators agree with a runtime compile of the schema', () => {
  const schema = normalizeSchema(JSON.parse(readFileSync(`${ARGO_DIR}schema.json`, 'utf8')) as JsonSchema);
  const ajv = compileAjv(schema, false);
  const runtimeVerdict = (doc: { kind: string }) => {
    const validate = ajv.getSchema(kindRef(schema, doc.kind));
    if (!validate) throw new Error(`no validator for ${doc.kind}`);
    return validate(doc);
  };

  it('on every parseable upstream example', () => {
    const docs = readableArgoDocuments(EXAMPLES_DIR);
    for (const d of docs) {
      expect(validateSchema(d.value).status === 'valid', d.label).toBe(runtimeVerdict(d.value as { kind: string }));
    }
    expect(docs.length).toBeGreaterThan(200);
  });

  it('on broken documents', () => {
    const broken = [
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Workflow',
        metadata: {},
        spec: { templates: [{ name: 'a', contianer: {} }] },
      },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'WorkflowTemplate', metadata: {}, spec: { parallelism: 'many' } },
      { apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', metadata: {} },
    ];
    for (const doc of broken) {
      expect(validateSchema(doc).status).toBe('invalid');
      expect(runtimeVerdict(doc)).toBe(false);
    }
  });
});

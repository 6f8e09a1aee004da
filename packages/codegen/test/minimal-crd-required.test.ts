import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../test/paths.js';
import type { JsonSchema } from '../src/json-schema.js';
import {
  MINIMAL_CRD_RELAXED,
  MINIMAL_CRD_RUN_TIME,
  relaxForDefaultInstall,
  runTimeRequired,
} from '../src/minimal-crd-required.js';
import { normalizeSchema } from '../src/normalize.js';

/**
 * Each requirement relaxed for Argo 3.7 (minimal CRDs) must be one that v3.7.18's Go code reads as optional: the
 * quoted line is in the named source at that tag, and the relaxed schema no longer requires the field there.
 */
const schemaOf = (release: string) =>
  normalizeSchema(JSON.parse(readFileSync(`${SHARED}argo/${release}/schema.json`, 'utf8')) as JsonSchema);
const v37 = schemaOf('v3.7.18');
const relaxed = relaxForDefaultInstall('3.7', v37);

/** The schema that holds an entry's requirement: the definition, or its property's inlined value. */
function holder(schema: JsonSchema, definition: string, property?: string): JsonSchema {
  const def = schema.definitions?.[definition] as JsonSchema;
  if (property === undefined) return def;
  const value = def.properties?.[property] as JsonSchema;
  return value.$ref === undefined ? value : (schema.definitions?.[value.$ref.split('/').pop() as string] as JsonSchema);
}

describe('requirements Argo 3.7 does not enforce', () => {
  it.each(MINIMAL_CRD_RELAXED.map((r) => [`${r.definition}${r.property ? `.${r.property}` : ''}.${r.field}`, r]))(
    '%s: the Go source reads it as optional, and 3.7 no longer requires it',
    (_, r) => {
      const go = readFileSync(`${SHARED}argo/src/v3.7.18/${r.source}`, 'utf8');
      expect(go).toContain(r.evidence);
      expect(holder(v37, r.definition, r.property).required).toContain(r.field);
      expect(holder(relaxed, r.definition, r.property).required ?? []).not.toContain(r.field);
    },
  );

  it.each(MINIMAL_CRD_RUN_TIME.map((r) => [`${r.definition}.${r.field}`, r]))(
    '%s: stays required, the Go source fails the run without it',
    (_, r) => {
      const go = readFileSync(`${SHARED}argo/src/v3.7.18/${r.source}`, 'utf8');
      expect(go).toContain(r.evidence);
      expect(relaxed.definitions?.[r.definition]?.required).toContain(r.field);
      expect(runTimeRequired('3.7')?.[r.definition]).toContain(r.field);
    },
  );

  it("relaxes the memoize cache's key only, not the ConfigMapKeySelector an env var or a parameter reads", () => {
    const selector = 'io.k8s.api.core.v1.ConfigMapKeySelector';
    expect(relaxed.definitions?.[selector]?.required).toEqual(['key']);
    const go = readFileSync(`${SHARED}argo/src/v3.7.18/pkg/apis/workflow/v1alpha1/workflow_types.go`, 'utf8');
    expect(go).toContain('ConfigMap *apiv1.ConfigMapKeySelector `json:"configMap"');
  });

  it('leaves the versions installed with full CRDs as they are', () => {
    const v41 = schemaOf('v4.1.2');
    expect(relaxForDefaultInstall('4.1', v41)).toBe(v41);
    expect(relaxForDefaultInstall('4.0', v41)).toBe(v41);
    expect(runTimeRequired('4.1')).toBeUndefined();
  });

  it('refuses an entry whose field the schema does not require', () => {
    const schema: JsonSchema = {
      definitions: { 'io.argoproj.workflow.v1alpha1.Memoize': { type: 'object', required: ['key'] } },
    };
    expect(() => relaxForDefaultInstall('3.7', schema)).toThrow(/no definition|does not require/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crdSchema } from '../../../test/crds.js';
import { ARGO_DIR } from '../../../test/paths.js';
import { ARGO_DEFINITION_NAMESPACE, type JsonSchema, refTarget } from '../src/json-schema.js';
import { normalizeSchema, RELAXED_REQUIRED } from '../src/normalize.js';

/**
 * schema.json's `required` lists against the full CRDs (the API server's schema) of the same version: a field that the
 * schema requires and the CRDs do not is exactly what RELAXED_REQUIRED drops.
 */
const argo = JSON.parse(readFileSync(`${ARGO_DIR}schema.json`, 'utf8')) as JsonSchema;
const definitions = argo.definitions ?? {};

/** `definition.field` for each field the schema requires somewhere the CRD does not. */
function requiredOnlyBySchema(crdRoot: Record<string, unknown>, root: string): Set<string> {
  const out = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (name: string, crd: Record<string, unknown>) => {
    if (seen.has(crd)) return;
    seen.add(crd);
    const def = definitions[name] ?? {};
    const crdRequired = (crd.required as string[] | undefined) ?? [];
    for (const field of def.required ?? []) if (!crdRequired.includes(field)) out.add(`${name}.${field}`);
    for (const [p, s] of Object.entries(def.properties ?? {})) {
      const c = (crd.properties as Record<string, Record<string, unknown>> | undefined)?.[p];
      if (c) visit(s, c);
    }
  };
  const visit = (s: JsonSchema, c: Record<string, unknown>) => {
    if (s.$ref) walk(refTarget(s.$ref), c);
    else if (s.items && c.items) visit(s.items, c.items as Record<string, unknown>);
    else if (typeof s.additionalProperties === 'object' && typeof c.additionalProperties === 'object')
      visit(s.additionalProperties, c.additionalProperties as Record<string, unknown>);
  };
  walk(ARGO_DEFINITION_NAMESPACE + root, crdRoot);
  return out;
}

describe('RELAXED_REQUIRED', () => {
  it("is exactly what schema.json requires and Argo's full CRDs do not", () => {
    const found = requiredOnlyBySchema(crdSchema('v4.1.2', 'workflows').root, 'Workflow');
    const relaxed = Object.entries(RELAXED_REQUIRED).flatMap(([d, fields]) => fields.map((f) => `${d}.${f}`));
    expect([...found].sort()).toEqual(relaxed.sort());
  });

  it('leaves the rest of each list', () => {
    const defs = normalizeSchema(argo).definitions ?? {};
    expect(defs['io.argoproj.workflow.v1alpha1.ScriptTemplate']?.required).toBeUndefined();
    expect(defs['io.k8s.api.core.v1.Container']?.required).toBeUndefined();
    expect(defs['io.argoproj.workflow.v1alpha1.UserContainer']?.required).toEqual(['name']);
  });
});

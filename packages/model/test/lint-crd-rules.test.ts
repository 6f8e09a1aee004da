import { describe, expect, it } from 'vitest';
import { crdConstraints, crdPlaces, crdSchema } from '../../../test/crds.js';
import { endsWith } from '../src/lint/crd/check.js';
import { CRD_RULES, type CrdRule } from '../src/lint/crd/rules.js';

/**
 * Our list of the full CRDs' rules (src/lint/crd/rules.ts) against the CRDs themselves, for each Argo line that
 * installs them: every limit and CEL rule there has an entry here that names its place, and no entry names a place
 * where the CRDs have no such rule.
 */
const NOT_OURS = new Set(['required']); // the JSON schema (ajv) holds `required`; codegen's test compares it

// A CEL rule over the templates list (`self.all(t, …)`) is checked, and reported, per template.
const placeOf = (path: readonly string[], rule?: string) => (rule?.startsWith('self.all(') ? [...path, '[]'] : path);
const sameValue = (r: CrdRule, value: unknown) => JSON.stringify(r.value) === JSON.stringify(value);
const show = (path: readonly string[]) => path.join('.');

describe.each(['v4.1.2', 'v4.0.10'])("the full CRDs' rules of Argo %s", (version) => {
  const schemas = [
    crdSchema(version, 'workflows'),
    // The workflowSpec of a CronWorkflow is a Workflow's spec: read once, above.
    crdSchema(version, 'cronworkflows', ['workflowSpec']),
    crdSchema(version, 'workfloweventbindings'),
  ];
  const constraints = schemas.flatMap(crdConstraints).filter((c) => !NOT_OURS.has(c.keyword));

  it('are all in our list, each where the CRDs put it', () => {
    expect(constraints.length).toBeGreaterThan(250); // 286 in v4.1.2 (a parse that lost blocks would show here)
    const missing = constraints
      .filter((c) => {
        const place = placeOf(c.path, c.rule);
        return !CRD_RULES.some(
          (r) => r.keyword === c.keyword && sameValue(r, c.value) && r.at.some((at) => endsWith(place, at.split('.'))),
        );
      })
      .map((c) => `${c.kind} ${show(c.path)}: ${c.keyword} ${JSON.stringify(c.value)}`);
    expect(missing).toEqual([]);
  });

  it('claim no place where the CRDs have no such rule', () => {
    const at = new Map<string, Set<string>>();
    for (const c of constraints) {
      const key = `${c.kind} ${show(placeOf(c.path, c.rule))}`;
      at.set(key, (at.get(key) ?? new Set()).add(`${c.keyword} ${JSON.stringify(c.value)}`));
    }
    const wrong: string[] = [];
    for (const schema of schemas)
      for (const place of crdPlaces(schema)) {
        for (const r of CRD_RULES) {
          const claims = r.at.some((suffix) => endsWith(place, suffix.split('.')));
          const here = at.get(`${schema.kind} ${show(place)}`);
          if (claims && !here?.has(`${r.keyword} ${JSON.stringify(r.value)}`))
            wrong.push(`${schema.kind} ${show(place)}: ${r.keyword} ${JSON.stringify(r.value)}`);
        }
      }
    expect(wrong).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { crdSchema } from './crds.js';
import { N, readmeNumbers } from './readme-claims.js';

/**
 * The README's numbers that no other suite produces. The counts it states (documents, files, agreement, escape
 * hatches) are checked by the suites that compute them (test/conformance/conformance.test.ts,
 * test/import-roundtrip.test.ts, both through ./readme-claims.ts); here the CRD limits it quotes, against Argo's
 * full CRDs of both 4.x lines (README, "What validate checks").
 */
type Schema = { readonly properties?: Record<string, Schema>; readonly items?: Schema } & Record<string, unknown>;

function at(root: Schema, path: readonly string[]): Schema {
  let node = root;
  for (const key of path) {
    const next = key === '[]' ? node.items : node.properties?.[key];
    if (!next) throw new Error(`no ${path.join('.')} in the CRD (stopped at ${key})`);
    node = next;
  }
  return node;
}

describe("the README's CRD limits", () => {
  const stated = readmeNumbers(
    new RegExp(
      `CRDs \\(${N} templates, ${N} DAG tasks, ${N} input parameters and ${N} metrics per object, names of at most ` +
        `${N} characters`,
    ),
    ['templates', 'tasks', 'parameters', 'metrics', 'name'],
  );
  for (const version of ['v4.1.2', 'v4.0.10']) {
    it(`are those of Argo ${version}'s full Workflow CRD`, () => {
      const spec = at(crdSchema(version, 'workflows').root as Schema, ['spec']);
      const template = at(spec, ['templates', '[]']);
      expect({
        templates: at(spec, ['templates']).maxItems,
        tasks: at(template, ['dag', 'tasks']).maxItems,
        parameters: at(template, ['inputs', 'parameters']).maxItems,
        metrics: at(template, ['metrics', 'prometheus']).maxItems,
        name: at(template, ['name']).maxLength,
      }).toEqual(stated);
    });
  }
});

import { lintDocument, lintSecurity } from '@argo-gen/model';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR } from '../../../test/paths.js';
import { readableArgoDocuments } from '../../../test/upstream-documents.js';
import { embeddedYamlFor, holdsEmbeddedYaml } from '../src/load/embedded-yaml.js';
import { embeddedReaders } from '../src/yaml/embedded-readers.js';
import { runBuiltCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

// The YAML reader is loaded for the lint only when a document holds a manifest or podSpecPatch text
// (load/embedded-yaml.ts); these tests hold that it is loaded whenever the lint reads one.
describe('holdsEmbeddedYaml', () => {
  const wf = (spec: object) => ({ kind: 'Workflow', spec });

  it('sees a manifest or podSpecPatch text wherever the lint reads one', () => {
    expect(
      holdsEmbeddedYaml(wf({ templates: [{ name: 'r', resource: { action: 'create', manifest: 'a: 1' } }] })),
    ).toBe(true);
    expect(holdsEmbeddedYaml(wf({ podSpecPatch: 'hostPID: true' }))).toBe(true);
    expect(holdsEmbeddedYaml(wf({ templateDefaults: { podSpecPatch: 'hostPID: true' } }))).toBe(true);
    expect(holdsEmbeddedYaml(wf({ templates: [{ name: 'c', podSpecPatch: '{}' }] }))).toBe(true);
    expect(
      holdsEmbeddedYaml({ kind: 'CronWorkflow', spec: { workflowSpec: { templates: [{ podSpecPatch: 'x: 1' }] } } }),
    ).toBe(true);
  });

  it('sees none where there is none', () => {
    const resourceFrom = { name: 'r', resource: { action: 'create', manifestFrom: { artifact: { name: 'm' } } } };
    expect(holdsEmbeddedYaml(wf({ templates: [resourceFrom, { name: 'c', container: { image: 'a' } }] }))).toBe(false);
  });

  it('never lets the lint reach a text without the reader, on every upstream example', async () => {
    const docs = readableArgoDocuments(EXAMPLES_DIR);
    let loaded = 0;
    for (const { label, value } of docs) {
      const readers = await embeddedYamlFor([value]);
      if (readers === embeddedReaders) loaded++;
      // Without the readers (a document holding no such text), reading one would throw.
      expect(() => lintDocument(value, { yamlProblem: readers.yamlProblem }), label).not.toThrow();
      expect(() => lintSecurity(value, { parsePatch: readers.parsePatch }), label).not.toThrow();
    }
    // The examples hold both kinds (resource templates, podSpecPatch), so the reader was loaded for some.
    expect(loaded).toBeGreaterThan(5);
    expect(loaded).toBeLessThan(docs.length);
  });
});

describe('generate reads the YAML inside a module’s documents', () => {
  it('refuses a resource manifest Argo cannot read, and applies a podSpecPatch written in YAML', async () => {
    const dir = project({
      'templates/r.ts': `import { rawTemplate, workflowTemplate } from '@argo-gen/dsl';
const apply = rawTemplate({ name: 'apply', resource: { action: 'create', manifest: 'a: [1' } });
export default workflowTemplate('r', { entrypoint: apply });
`,
      'templates/p.ts': `import { container, workflowTemplate } from '@argo-gen/dsl';
const main = container('main', { image: 'alpine:3.20' }, { podSpecPatch: 'hostPID: yes' });
export default workflowTemplate('p', { entrypoint: main });
`,
    });
    // The built CLI: the reader is a chunk of its own that generate loads on demand.
    const r = runBuiltCli(['generate', 'templates', '--out', 'out'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /templates\/r\.ts:\d+:\d+: \/spec\/templates\/0\/resource\/manifest: .*\[lint\/invalid-manifest\]/,
    );
    expect(r.stderr).toMatch(
      /templates\/p\.ts:\d+:\d+: \/spec\/templates\/0\/podSpecPatch: .*\[security\/host-namespaces\]/,
    );
  });
});

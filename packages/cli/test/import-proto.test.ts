import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normalize } from '../../../test/import-normalize.js';
import { readDocuments } from '../src/yaml/read-documents.js';
import { runCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

// `__proto__` is a legal name in Argo (a parameter, an output, a map key such as a node selector's). Written into a JavaScript object
// by assignment it would set the prototype instead: it must survive YAML → import → TypeScript → generate → YAML.

afterAll(removeProjects);

const PROTO = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: proto
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: __proto__
        value: hello
  templates:
    - name: main
      dag:
        tasks:
          - name: a
            template: emit
            arguments:
              parameters:
                - name: __proto__
                  value: "{{workflow.parameters.__proto__}}"
          - name: b
            template: emit
            depends: a
            arguments:
              parameters:
                - name: __proto__
                  value: "{{tasks.a.outputs.parameters.__proto__}}"
    - name: emit
      inputs:
        parameters:
          - name: __proto__
      outputs:
        parameters:
          - name: __proto__
            valueFrom:
              path: /tmp/out
      nodeSelector:
        __proto__: "yes"
      container:
        image: alpine:3.20
        args: ["{{inputs.parameters.__proto__}}"]
`;

describe('a field or parameter named __proto__', () => {
  it('survives import and generate, and is read back as its own key', async () => {
    const dir = project({ 'proto.yaml': PROTO });
    const imported = await runCli(['import', 'proto.yaml', '-o', 'templates'], dir);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    const ts = readFileSync(path.join(dir, 'templates/proto.ts'), 'utf8');
    // Computed keys make properties; a bare or quoted `__proto__:` in an object literal would set the prototype.
    expect(ts).toContain("nodeSelector: { ['__proto__']: 'yes' }");
    expect(ts).not.toMatch(/[{,]\s*'?__proto__'?:/);
    expect(ts).toContain("args: [emitInputs['__proto__']]");
    expect(ts).not.toContain('.__proto__');
    const generated = await runCli(['generate', '--security', 'off'], dir);
    expect(generated).toMatchObject({ code: 0, stderr: '' });
    const yaml = readFileSync(path.join(dir, 'generated/proto.yaml'), 'utf8');
    const [doc] = readDocuments(yaml, 'generated/proto.yaml');
    const value = doc?.value as { spec: { templates: { nodeSelector?: object }[] } };
    const nodeSelector = value.spec.templates[1]?.nodeSelector ?? {};
    expect(Object.keys(nodeSelector)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(nodeSelector)).toBe(Object.prototype);
    expect(normalize(value)).toEqual(normalize(parse(PROTO)));
    expect((await runCli(['validate', '--security', 'off', 'generated/proto.yaml'], dir)).code).toBe(0);
  });
});

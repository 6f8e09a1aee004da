import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { synth } from '@argo-gen/dsl';
import { importDocuments } from '@argo-gen/import';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { normalize } from '../../../test/import-normalize.js';
import { run } from '../src/program.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

const DIAMOND = `
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: dag-diamond-
spec:
  entrypoint: diamond
  arguments:
    parameters:
      - name: greeting
        value: hello
  templates:
    - name: echo
      inputs:
        parameters:
          - name: message
      container:
        image: alpine:3.7
        command: [echo, "{{inputs.parameters.message}}"]
      outputs:
        parameters:
          - name: said
            valueFrom:
              path: /tmp/said
    - name: diamond
      dag:
        tasks:
          - name: A
            template: echo
            arguments:
              parameters: [{name: message, value: "{{workflow.parameters.greeting}} A"}]
          - name: B
            dependencies: [A]
            template: echo
            arguments:
              parameters: [{name: message, value: "{{tasks.A.outputs.parameters.said}}"}]
          - name: C
            depends: A
            template: echo
            arguments:
              parameters: [{name: message, value: "C in {{workflow.name}}"}]
          - name: D
            depends: "B && (C.Failed || C.Errored)"
            template: echo
            when: "{{tasks.B.outputs.parameters.said}} != skip"
            arguments:
              parameters: [{name: message, value: "{{=sprig.upper('d')}}"}]
`;

function importText(yaml: string): string {
  return importDocuments([parse(yaml)], 'diamond.yaml').text;
}

describe('argo-gen import', () => {
  it('writes a small DAG as DSL TypeScript: handles for data, after/depends only for what the data does not imply', () => {
    expect(importText(DIAMOND)).toBe(`// Imported from diamond.yaml by \`argo-gen import\`.
import {
  and,
  container,
  dag,
  globals,
  inputs,
  or,
  output,
  param,
  raw,
  task,
  workflow,
  workflowParams,
} from '@argo-gen/dsl';

const params = workflowParams({ greeting: param.string({ default: 'hello' }) });

const echoInputs = inputs({ message: param.string() });

const echo = container('echo', { image: 'alpine:3.7', command: ['echo', echoInputs.message] }, {
  inputs: echoInputs,
  outputs: { said: output.path('/tmp/said') },
});

const a = task('A', echo, { args: { message: \`\${params.greeting} A\` } });

const b = task('B', echo, { args: { message: a.outputs.parameters.said } });

const c = task('C', echo, { args: { message: \`C in \${globals.name}\` }, after: [a] });

const d = task('D', echo, {
  args: { message: raw("{{=sprig.upper('d')}}") },
  depends: and(b.done, or(c.failed, c.errored)),
  when: \`\${b.outputs.parameters.said} != skip\`,
});

const diamond = dag('diamond', [a, b, c, d]);

export default workflow({ generateName: 'dag-diamond-' }, { entrypoint: diamond, params });
`);
  });

  it('round-trips the DAG: the module synthesises the original document', async () => {
    const dir = mkdtempSync(path.join(REPO, '.cache/import-unit-'));
    try {
      const file = path.join(dir, 'diamond.ts');
      writeFileSync(file, importText(DIAMOND));
      const mod = (await import(file)) as { default: Parameters<typeof synth>[0] };
      expect(normalize(synth(mod.default))).toEqual(normalize(parse(DIAMOND)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('counts the escape hatches and reports YAML errors with line and column', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'argo-gen-import-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'diamond.yaml'), DIAMOND);
    writeFileSync(path.join(dir, 'broken.yaml'), 'kind: Workflow\nspec:\n  a: "open\n');
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), isTTY: false, cwd: dir };
    expect(await run(['import', 'diamond.yaml', 'broken.yaml', '-o', 'ts'], io)).toBe(1);
    expect(readFileSync(path.join(dir, 'ts/diamond.ts'), 'utf8')).toBe(importText(DIAMOND));
    expect(out.join('')).toBe(
      'wrote ts/diamond.ts\n1 file(s) imported, 1 failed; raw escape hatches: 0 rawTemplate, 0 raw task/step, 1 raw(); 0 loss(es)\n',
    );
    expect(err.join('')).toMatch(/^broken\.yaml:4:1: .*YAML syntax error: Missing closing "quote/);
  });

  it('uses rawTemplate, raw steps and raw() only where the DSL cannot express something, and says why', () => {
    const result = importDocuments(
      [
        parse(`
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: loop}
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - {name: again, template: main, when: "{{workflow.annotations.go}} == yes"}
    - name: pinned
      inputs: {parameters: [{name: x, value: fixed}]}
      container: {image: alpine}
`),
      ],
      'loop.yaml',
    );
    expect(result.counts).toEqual({ rawTemplate: 1, rawCall: 1, raw: 0 });
    expect(result.text).toContain("// rawTemplate: input parameter 'x' has name, value\nconst pinned = rawTemplate(");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated code's template literal
    expect(result.text).toContain("[{ name: 'again', template: 'main', when: `${globals.annotation('go')} == yes` }]");
    expect(result.text).toContain('templates: [pinned]');
  });

  it('carries a CronWorkflow whole: workflowMetadata, a legacy schedule, stopStrategy, an exit hook with arguments', () => {
    const result = importDocuments(
      [
        parse(`
apiVersion: argoproj.io/v1alpha1
kind: CronWorkflow
metadata: {name: nightly}
spec:
  schedule: "0 1 * * *"
  stopStrategy: {expression: "cronworkflow.failed >= 3"}
  workflowMetadata: {labels: {team: data}}
  workflowSpec:
    entrypoint: main
    hooks:
      exit: {template: report, arguments: {parameters: [{name: outcome, value: "{{workflow.status}}"}]}}
    templates:
      - {name: main, container: {image: alpine}}
      - name: report
        inputs: {parameters: [{name: outcome}]}
        container: {image: alpine, command: [echo, "{{inputs.parameters.outcome}}"]}
`),
      ],
      'nightly.yaml',
    );
    expect(result.losses).toEqual([]);
    expect(result.text).toContain("schedules: ['0 1 * * *']");
    expect(result.text).toContain("workflowMetadata: { labels: { team: 'data' } }");
    expect(result.text).toContain("stopExpression: 'cronworkflow.failed >= 3'");
    expect(result.text).toContain('hooks: { exit: { template: report, args: { outcome: globals.status } } }');
  });

  it('keeps a sibling parameter in an input artifact as raw() (no self-reference), and imports an empty step group', () => {
    const result = importDocuments(
      [
        parse(`
apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: s3}
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - []
        - - {name: get, template: get, arguments: {parameters: [{name: day, value: "2024"}]}}
    - name: get
      inputs:
        parameters: [{name: day}]
        artifacts: [{name: data, path: /data, s3: {key: "in/{{inputs.parameters.day}}"}}]
      container: {image: alpine}
`),
      ],
      's3.yaml',
    );
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the generated code's template literal
    expect(result.text).toContain("from: { s3: { key: `in/${raw('{{inputs.parameters.day}}')}` } }");
    expect(result.text).toContain("steps('main', [[], [getStep]])");
  });

  it('fails on a field it cannot carry, lists it, and accepts it with --allow-loss', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'argo-gen-import-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(
      path.join(dir, 'lossy.yaml'),
      'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {generateName: x-, finalizers: [keep]}\n' +
        'spec: {entrypoint: main, templates: [{name: main, container: {image: alpine}}]}\n',
    );
    const runImport = async (...extra: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), isTTY: false, cwd: dir };
      const code = await run(['import', 'lossy.yaml', ...extra], io);
      return { code, err: err.join('') };
    };
    const strict = await runImport();
    expect(strict.code).toBe(1);
    expect(strict.err).toBe(
      'lossy.yaml: not carried: metadata.finalizers: the DSL has no such field\n' +
        '1 file(s) imported, 0 failed; raw escape hatches: 0 rawTemplate, 0 raw task/step, 0 raw(); 1 loss(es)' +
        ' (not carried: see above; --allow-loss accepts them)\n',
    );
    const allowed = await runImport('--allow-loss');
    expect(allowed.code).toBe(0);
    expect(allowed.err).toContain('1 loss(es) (allowed by --allow-loss)');
  });
});

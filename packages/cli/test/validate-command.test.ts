import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from './run-cli.js';

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'argo-gen-validate-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const argoGen = runCli;

const WF = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-
spec:
  entrypoint: main
  templates:
    - name: main
      container:
        image: alpine:3.20
`;

describe('argo-gen validate', () => {
  it('exits 0 for valid documents and reports other kinds as skipped', async () => {
    const dir = tempDir({ 'ok.yaml': `${WF}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n` });
    const r = await argoGen(['validate', '--security', 'off', 'ok.yaml'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'ok.yaml:12:1: skipped: ConfigMap (v1) is not an Argo Workflows kind\n1 file(s), 2 document(s): 1 valid, 0 invalid, 1 skipped\n',
    );
  });

  it.each([
    [
      'misspelled field',
      WF.replace('container:', 'contianer:'),
      "ok.yaml:9:7: /spec/templates/0/contianer: template 'main': unknown field 'contianer' [schema/unknown-field]",
    ],
    [
      'wrong type',
      WF.replace('entrypoint: main', 'entrypoint: main\n  parallelism: lots'),
      'ok.yaml:7:3: /spec/parallelism: \'parallelism\' must be an integer (got string "lots") [schema/wrong-type]',
    ],
    [
      'missing required field',
      WF.replace(/spec:[\s\S]*/, 'spec: {}\n').replace(/metadata:\n {2}generateName: hello-\n/, ''),
      "ok.yaml:1:1: missing required field 'metadata' [schema/missing-field]",
    ],
    [
      'unknown Argo kind',
      WF.replace('kind: Workflow', 'kind: Workflw'),
      "ok.yaml:2:1: /kind: unknown Argo kind 'Workflw'; did you mean 'Workflow'? [document/unknown-kind]",
    ],
  ])('exits 1 for a %s, naming file, line and path', async (_name, text, line) => {
    const r = await argoGen(['validate', 'ok.yaml'], tempDir({ 'ok.yaml': text }));
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(line);
  });

  const CYCLE = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: cycle-
spec:
  entrypoint: main
  templates:
    - name: main
      dag:
        tasks:
          - name: a
            template: hello
            depends: b
          - name: b
            template: hello
            depends: a
    - name: hello
      container:
        image: alpine:3.20
`;

  it('runs the semantic lint after the schema: a DAG cycle fails with file, line and column', async () => {
    const r = await argoGen(['validate', '--security', 'off', 'cycle.yaml'], tempDir({ 'cycle.yaml': CYCLE }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "cycle.yaml:13:13: /spec/templates/0/dag/tasks/0/depends: template 'main', task 'a': dependency cycle detected: a -> b -> a [lint/dag-cycle]\n" +
        '1 file(s), 1 document(s): 0 valid, 1 invalid, 0 skipped\n',
    );
  });

  it('prints lint warnings without failing, and counts them', async () => {
    const text = WF.replace(
      'templates:',
      'templates:\n    - name: unused\n      container:\n        image: alpine:3.20',
    );
    const r = await argoGen(['validate', '--security', 'off', 'w.yaml'], tempDir({ 'w.yaml': text }));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "w.yaml:8:7: /spec/templates/0/name: template 'unused': warning: template 'unused' is never used: neither the entrypoint, onExit nor a hook reaches it [lint/unreachable-template]\n" +
        '1 file(s), 1 document(s): 1 valid, 0 invalid, 0 skipped, 1 warning(s)\n',
    );
    const json = JSON.parse(
      (await argoGen(['validate', '--security', 'off', '--format', 'json', 'w.yaml'], tempDir({ 'w.yaml': text })))
        .stdout,
    );
    expect(json.warnings).toBe(1);
  });

  it('resolves templateRef targets among all the files of the run, and reports missing ones', async () => {
    const lib = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata:
  name: lib
spec:
  templates:
    - name: hello
      container:
        image: alpine:3.20
`;
    const caller = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: caller-
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: greet
            templateRef:
              name: lib
              template: hello
`;
    const dir = tempDir({ 'lib.yaml': lib, 'caller.yaml': caller });
    expect((await argoGen(['validate', 'lib.yaml', 'caller.yaml'], dir)).code).toBe(0);
    const alone = await argoGen(['validate', 'caller.yaml'], dir);
    expect(alone.code).toBe(1);
    expect(alone.stdout.split('\n')[0]).toBe(
      "caller.yaml:11:13: /spec/templates/0/steps/0/0/templateRef: template 'main', step 'greet': couldn't find workflow template \"lib\" in namespace \"\" [lint/unresolved-template-ref]",
    );
  });

  it('gives clear errors for an empty file, a binary file, a directory without YAML and a missing path', async () => {
    const dir = tempDir({
      'empty.yaml': '# nothing\n',
      'bin.yml': Buffer.from([0x7f, 0x45, 0x00, 0x01]),
      'docs/readme.md': 'x',
    });
    const r = await argoGen(['validate', 'empty.yaml', 'bin.yml', 'docs', 'nope.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'docs: contains no .yaml/.yml/.ts/.mts files [input/empty]',
      'nope.yaml: no such file or directory [input/not-found]',
      'bin.yml:1:1: is not a YAML file (it has binary content) [input/not-yaml]',
      'empty.yaml:1:1: contains no YAML documents [input/empty]',
      '0 file(s), 0 document(s): 0 valid, 0 invalid, 0 skipped, 4 unreadable input(s)',
    ]);
  });

  it('reports a file that is text but not YAML at its first line', async () => {
    const r = await argoGen(['validate', 'notes.yaml'], tempDir({ 'notes.yaml': 'just some words\n' }));
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe(
      'notes.yaml:1:1: a Kubernetes document must be a mapping (got a string) [document/not-a-mapping]',
    );
  });

  it('expands directories and quoted globs', async () => {
    const dir = tempDir({ 'a/x.yaml': WF, 'a/b/y.yml': WF, 'a/b/z.txt': 'no' });
    expect((await argoGen(['validate', 'a'], dir)).stdout).toContain('2 file(s), 2 document(s): 2 valid');
    expect((await argoGen(['validate', 'a/**/*.yml'], dir)).stdout).toContain('1 file(s), 1 document(s): 1 valid');
    const none = await argoGen(['validate', 'a/*.json'], dir);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('a/*.json: matches no .yaml/.yml/.ts/.mts files [input/empty]');
  });

  it('reads globs as the shell does (braces, classes, ?); dot files are never inputs', async () => {
    const dir = tempDir({ 'w/dev.yaml': WF, 'w/prod.yaml': WF, 'w/qa1.yaml': WF, 'w/.hidden.yaml': WF });
    const files = async (glob: string) => /(\d+) file\(s\)/.exec((await argoGen(['validate', glob], dir)).stdout)?.[1];
    expect(await files('w/{dev,prod}.yaml')).toBe('2');
    expect(await files('w/qa[0-9].yaml')).toBe('1');
    expect(await files('w/???.yaml')).toBe('2'); // dev, qa1
    expect(await files('w/*.yaml')).toBe('3');
    // Like node_modules, dot files and directories are skipped by every walk (they hold tool state, not inputs).
    expect((await argoGen(['validate', 'w/.*.yaml'], dir)).stdout).toContain('matches no');
  });

  it('takes a name that exists as that file, even with glob characters in it', async () => {
    const dir = tempDir({ 'w/[v1].yaml': WF, 'w/v.yaml': WF, '{app}/x.yaml': WF, 'a/x.yaml': WF });
    const files = async (arg: string) => /(\d+) file\(s\)/.exec((await argoGen(['validate', arg], dir)).stdout)?.[1];
    expect(await files('w/[v1].yaml')).toBe('1'); // as a glob it would also match w/v.yaml
    expect(await files('{app}')).toBe('1');
    expect(await files('{app,a}/x.yaml')).toBe('1'); // no such name: a glob, and {app,a} expands to app and a
  });

  it('prints the same findings as JSON with --format json', async () => {
    const r = await argoGen(
      ['validate', '--format', 'json', 'ok.yaml'],
      tempDir({ 'ok.yaml': WF.replace('container:', 'contianer:') }),
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { documents: { status: string; issues: unknown[] }[] };
    expect(json.documents[0]?.status).toBe('invalid');
    expect(json.documents[0]?.issues).toEqual([
      {
        code: 'schema/unknown-field',
        severity: 'error',
        file: 'ok.yaml',
        line: 9,
        column: 7,
        path: '/spec/templates/0/contianer',
        subject: "template 'main'",
        message: "unknown field 'contianer'",
      },
    ]);
  });

  it('treats unknown flags, bad choices and missing arguments as usage errors (exit 2)', async () => {
    const dir = tempDir({});
    expect((await argoGen(['validate', '--nope', 'x'], dir)).code).toBe(2);
    expect((await argoGen(['validate', '--format', 'xml', 'x'], dir)).code).toBe(2);
    const missing = await argoGen(['validate'], dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'inputs'");
  });
});

describe('the built argo-gen binary', () => {
  const bin = fileURLToPath(new URL('../dist/main.cjs', import.meta.url));

  it('answers --help and --version with exit 0, and exit codes in help', () => {
    expect(execFileSync('node', [bin, '--version'], { encoding: 'utf8' }).trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = execFileSync('node', [bin, 'validate', '--help'], { encoding: 'utf8' });
    expect(help).toContain('Exit codes: 0 every document is valid');
  });

  it('exits 2 on an unknown command, with the reason on stderr', () => {
    const r = spawnSync('node', [bin, 'frobnicate'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});

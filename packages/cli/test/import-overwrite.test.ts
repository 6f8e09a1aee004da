import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

// `argo-gen import -o` never overwrites silently.

afterAll(removeProjects);

const wf = (name: string) => `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: ${name}}
spec: {entrypoint: main, templates: [{name: main, container: {image: alpine}}]}
`;
const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('import -o refuses to overwrite what it did not write', () => {
  it('two inputs that map to the same file are both refused, each naming the other; the rest is written', async () => {
    const dir = project({ 'a/wf.yaml': wf('a'), 'b/wf.yaml': wf('b'), 'c/other.yaml': wf('c') });
    const r = await runCli(['import', 'a/wf.yaml', 'b/wf.yaml', 'c/other.yaml', '-o', 'ts'], dir);
    expect(r).toMatchObject({
      code: 1,
      stdout:
        'wrote ts/other.ts\n1 file(s) imported, 2 failed; raw escape hatches: 0 rawTemplate, 0 raw task/step, 0 raw(); 0 loss(es)\n',
      stderr:
        'a/wf.yaml: would be written to ts/wf.ts, as would b/wf.yaml; nothing was written for either: import them into different directories or rename one [import/same-output]\n' +
        'b/wf.yaml: would be written to ts/wf.ts, as would a/wf.yaml; nothing was written for either: import them into different directories or rename one [import/same-output]\n',
    });
    expect(existsSync(path.join(dir, 'ts/wf.ts'))).toBe(false);
    // --force does not choose between them.
    expect((await runCli(['import', 'a/wf.yaml', 'b/wf.yaml', '-o', 'ts', '--force'], dir)).code).toBe(1);
    expect(existsSync(path.join(dir, 'ts/wf.ts'))).toBe(false);
  });

  it('a hand-written file is kept unless --force', async () => {
    const dir = project({ 'wf.yaml': wf('x'), 'ts/wf.ts': '// mine\n' });
    const r = await runCli(['import', 'wf.yaml', '-o', 'ts'], dir);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        'wf.yaml: would overwrite ts/wf.ts, which `argo-gen import` did not write; pass --force to overwrite it [import/would-overwrite]\n',
    });
    expect(read(dir, 'ts/wf.ts')).toBe('// mine\n');
    const forced = await runCli(['import', 'wf.yaml', '-o', 'ts', '--force'], dir);
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(read(dir, 'ts/wf.ts')).toMatch(/^\/\/ Imported from wf\.yaml by `argo-gen import`\.\n/);
  });

  it('a file imported from the same input is updated; one imported from another input is kept unless --force', async () => {
    const dir = project({ 'wf.yaml': wf('one'), 'other/wf.yaml': wf('two') });
    expect((await runCli(['import', 'wf.yaml', '-o', 'ts'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'wf.yaml'), wf('changed'));
    expect(await runCli(['import', './wf.yaml', '-o', 'ts'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect(read(dir, 'ts/wf.ts')).toContain("'changed'");
    const r = await runCli(['import', 'other/wf.yaml', '-o', 'ts'], dir);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        'other/wf.yaml: would overwrite ts/wf.ts, which `argo-gen import` wrote from another file, ./wf.yaml; pass --force to overwrite it [import/would-overwrite]\n',
    });
    expect(read(dir, 'ts/wf.ts')).toContain("'changed'");
  });
});

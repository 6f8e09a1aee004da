import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ARGO_VERSIONS } from '@argo-gen/model';
import { afterAll, describe, expect, it } from 'vitest';
import { ARGO_VERSION_CHOICES } from '../src/argo-version-option.js';
import { runBuiltCli, runCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

/** A template field that Argo 4.1 introduced, in YAML and in a DSL module. */
const PENDING_YAML = `apiVersion: argoproj.io/v1alpha1
kind: WorkflowTemplate
metadata: {name: t}
spec:
  entrypoint: main
  templates:
    - name: main
      pendingTimeout: 5m
      container: {image: alpine:3.20}
`;
const PENDING_TS = `import { container, workflowTemplate } from '@argo-gen/dsl';

export default workflowTemplate('t', {
  entrypoint: container('main', { image: 'alpine:3.20' }, { pendingTimeout: '5m' }),
});
`;
const TOO_NEW_40 = "'pendingTimeout' needs Argo 4.1; this project targets 4.0 [version/field-too-new]";
const config = (argoVersion: string) =>
  `export default { targets: [{ inputs: ['templates'], out: 'generated' }], argoVersion: '${argoVersion}' };\n`;

describe('--argo-version and argoVersion in argo-gen.config.ts', () => {
  it('offers exactly the model’s versions', () => {
    expect([...ARGO_VERSION_CHOICES]).toEqual([...ARGO_VERSIONS]);
  });

  it('validate checks YAML against the chosen version, 4.1 by default', async () => {
    const dir = project({ 'wt.yaml': PENDING_YAML });
    const old = await runCli(['validate', 'wt.yaml', '--argo-version', '4.0'], dir);
    expect(old.code).toBe(1);
    expect(old.stdout).toContain(`wt.yaml:8:7: /spec/templates/0/pendingTimeout: template 'main': ${TOO_NEW_40}`);
    expect((await runCli(['validate', 'wt.yaml', '--argo-version', '4.1'], dir)).code).toBe(0);
    expect((await runCli(['validate', 'wt.yaml'], dir)).code).toBe(0);
  });

  it('validate checks TypeScript modules against the chosen version, at their TypeScript line', async () => {
    const dir = project({ 'templates/t.ts': PENDING_TS });
    // As a whole process from the build: only there do positions map back to the .ts lines (see run-cli.ts).
    const old = runBuiltCli(['validate', 'templates/t.ts', '--argo-version', '4.0'], dir);
    expect(old.code).toBe(1);
    expect(old.stdout).toContain(
      `templates/t.ts:4:15: /spec/templates/0/pendingTimeout: template 'main': ${TOO_NEW_40}`,
    );
    expect((await runCli(['validate', 'templates/t.ts'], dir)).code).toBe(0);
  });

  it('validate reads argoVersion from the config, and the flag overrides it', async () => {
    const dir = project({ 'argo-gen.config.ts': config('4.0'), 'wt.yaml': PENDING_YAML });
    const fromConfig = await runCli(['validate', 'wt.yaml'], dir);
    expect(fromConfig.code).toBe(1);
    expect(fromConfig.stdout).toContain(TOO_NEW_40);
    expect((await runCli(['validate', 'wt.yaml', '--argo-version', '4.1'], dir)).code).toBe(0);
  });

  it('generate and check synthesise for the config’s version, or the flag’s', async () => {
    const dir = project({ 'argo-gen.config.ts': config('4.0'), 'templates/t.ts': PENDING_TS });
    const refused = await runCli(['generate'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(TOO_NEW_40);
    expect(refused.stderr).toContain('nothing was written');
    const written = await runCli(['generate', '--argo-version', '4.1', '--security', 'off'], dir);
    expect(written).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(dir, 'generated/t.yaml'), 'utf8')).toContain('pendingTimeout: 5m');
    const check = await runCli(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(TOO_NEW_40);
    expect(await runCli(['check', '--argo-version', '4.1'], dir)).toMatchObject({ code: 0 });
  });

  it('apply validates against the chosen version before it sends anything', async () => {
    const dir = project({ 'wt.yaml': PENDING_YAML });
    const args = ['--kubeconfig', '/nonexistent', 'apply', 'wt.yaml', '--dry-run=client'];
    const old = await runCli([...args, '--argo-version', '3.7'], dir);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain("'pendingTimeout' needs Argo 4.1; this project targets 3.7");
    expect(await runCli([...args, '--argo-version', '4.1'], dir)).toMatchObject({
      code: 0,
      stdout: 'workflowtemplate/t valid (client dry run: nothing sent)\n',
    });
  });

  it('submit validates a Workflow file against the chosen version before it connects', async () => {
    const wf = PENDING_YAML.replace('kind: WorkflowTemplate', 'kind: Workflow').replace('name: t', 'name: w');
    const dir = project({ 'wf.yaml': wf });
    const args = ['--kubeconfig', path.join(dir, 'no-kubeconfig'), 'submit', 'wf.yaml'];
    const old = await runCli([...args, '--argo-version', '4.0'], dir);
    expect(old.code).toBe(1);
    expect(old.stderr).toContain(TOO_NEW_40);
    // Valid for 4.1, so it gets as far as the (missing) kubeconfig.
    const current = await runCli(args, dir);
    expect(current.code).toBe(1);
    expect(current.stderr).not.toContain('version/field-too-new');
    expect(current.stderr).toContain('no-kubeconfig');
  });

  it.each([['validate', 'wt.yaml'], ['generate'], ['check'], ['apply', 'wt.yaml'], ['submit', 'wt.yaml']])(
    '%s refuses an unknown version with a usage error naming the allowed ones',
    async (...command) => {
      const dir = project({ 'wt.yaml': PENDING_YAML });
      const r = await runCli([...command, '--argo-version', '3.8'], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        "error: option '--argo-version <version>' argument '3.8' is invalid. Allowed choices are 3.7, 4.0, 4.1.",
      );
    },
  );

  it('an unknown argoVersion in the config is an error naming the allowed ones', async () => {
    const dir = project({ 'argo-gen.config.ts': config('4.2'), 'templates/t.ts': PENDING_TS });
    const r = await runCli(['generate'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'argo-gen.config.ts: argoVersion must be one of 3.7, 4.0, 4.1 (got "4.2") [config/invalid]',
    );
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli, runCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

/**
 * apply and submit run the security lint before anything is sent, with validate's settings: argo-gen.config.ts's
 * `security`, overridden by --security and --pod-security. Nothing here reaches a cluster: the kubeconfig does not
 * exist, so a command that got as far as connecting would say so.
 */
const risky = (kind: 'WorkflowTemplate' | 'Workflow') =>
  `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: risky\nspec:\n  entrypoint: main\n  templates:\n` +
  '    - name: main\n      container:\n        image: alpine:3.20\n        securityContext:\n          privileged: true\n';
const PRIVILEGED =
  "risky.yaml:11:9: /spec/templates/0/container/securityContext: template 'main': container 'main' is privileged; remove securityContext.privileged [security/privileged]";
const riskyModule = `import { container, workflowTemplate } from '@argo-gen/dsl';
export default workflowTemplate('risky-ts', {
  entrypoint: container('main', { image: 'alpine:3.20', securityContext: { privileged: true } }),
});
`;
const cli = (dir: string, ...args: string[]) => runCli(['--kubeconfig', '/nonexistent', ...args], dir);

describe('the security lint in apply and submit', () => {
  it('apply refuses a privileged container, from YAML and from a module, and sends nothing', async () => {
    const dir = project({ 'risky.yaml': risky('WorkflowTemplate'), 'risky.ts': riskyModule });
    for (const dryRun of [['--dry-run=client'], []]) {
      const r = await cli(dir, 'apply', 'risky.yaml', ...dryRun);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')).toContain(PRIVILEGED);
      expect(r.stderr).not.toContain('nonexistent');
      expect(r.code).toBe(1);
    }
    // The built CLI, as users run it (with source maps on): the issue names the .ts line.
    const m = runBuiltCli(['--kubeconfig', '/nonexistent', 'apply', 'risky.ts', '--dry-run=client'], dir);
    expect(m.stderr).toMatch(/^risky\.ts:3:\d+: .*container 'main' is privileged.*\[security\/privileged\]$/m);
    expect(m.code).toBe(1);
  });

  it('apply --security=off, or the config turning the rule off, lets it through; warnings are printed', async () => {
    const dir = project({ 'risky.yaml': risky('WorkflowTemplate') });
    const off = await cli(dir, 'apply', 'risky.yaml', '--dry-run=client', '--security=off');
    expect(off).toMatchObject({ code: 0, stdout: 'workflowtemplate/risky valid (client dry run: nothing sent)\n' });
    expect(off.stderr).toBe('');
    const configured = project({
      'risky.yaml': risky('WorkflowTemplate'),
      'argo-gen.config.ts': "export default { targets: [], security: { rules: { privileged: 'off' } } };\n",
    });
    const r = await cli(configured, 'apply', 'risky.yaml', '--dry-run=client');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('workflowtemplate/risky valid (client dry run: nothing sent)\n');
    // The unpinned image is still reported, as a warning that does not stop the command.
    expect(r.stderr).toContain('[security/image-digest]');
    expect(r.stderr).not.toContain('[security/privileged]');
  });

  it('apply --security=strict turns a warning into an error', async () => {
    const dir = project({
      'risky.yaml': risky('WorkflowTemplate'),
      'argo-gen.config.ts': "export default { targets: [], security: { rules: { privileged: 'off' } } };\n",
    });
    const r = await cli(dir, 'apply', 'risky.yaml', '--dry-run=client', '--security=strict');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[security/image-digest]');
    expect(r.stdout).toBe('');
  });

  it('submit refuses a privileged Workflow file before connecting', async () => {
    const dir = project({ 'risky.yaml': risky('Workflow') });
    const r = await cli(dir, 'submit', 'risky.yaml');
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toContain(PRIVILEGED);
    expect(r.stderr).not.toContain('nonexistent');
    expect(r.code).toBe(1);
    const off = await cli(dir, 'submit', 'risky.yaml', '--security', 'off');
    // With the lint off, the file passes and the command goes on to connect, which fails on the missing kubeconfig.
    expect(off.stderr).not.toContain('[security/');
    expect(off.stderr).toContain('nonexistent');
  });
});

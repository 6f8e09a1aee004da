import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { helloModule, project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

const extraExport = (line: string) => `${helloModule('hello')}${line}\n`;

describe('objects a cluster identifies by kind, namespace and name are unique in a run', () => {
  it('two modules exporting the same WorkflowTemplate: generate, check and apply refuse, naming both', async () => {
    const dir = project({ 'templates/a.ts': helloModule('same'), 'templates/b.ts': helloModule('same') });
    const line =
      "templates/b.ts: WorkflowTemplate 'same' is defined by both templates/a.ts and templates/b.ts; on a cluster one would overwrite the other [input/duplicate-name]\n";
    expect(await runCli(['generate'], dir)).toMatchObject({
      code: 1,
      stderr: `${line}1 problem(s); nothing was written\n`,
    });
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
    expect(await runCli(['check'], dir)).toMatchObject({ code: 1, stderr: `${line}1 problem(s); cannot check\n` });
    // --security=off: the hello module's lint warnings (unpinned image) would come first on stderr.
    const apply = await runCli(
      ['--kubeconfig', '/nonexistent', 'apply', 'templates', '--dry-run=client', '--security=off'],
      dir,
    );
    expect(apply).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        "WorkflowTemplate 'same' in namespace 'default' is defined by both templates/a.ts and templates/b.ts; on a cluster one would overwrite the other [input/duplicate-name]\n",
    });
    // Without a cluster to ask, a real apply refuses before connecting.
    const real = await runCli(['--kubeconfig', '/nonexistent', 'apply', 'templates'], dir);
    expect(real.stderr).toContain('[input/duplicate-name]');
    expect(real.stderr).not.toContain('kubeconfig');
  });

  it('two exports of one module with the same name are refused; other namespaces or kinds are not duplicates', async () => {
    const same = project({
      'templates/a.ts': extraExport(
        "export const again = workflowTemplate('hello', { entrypoint: dag('main', [a, b]) });",
      ),
    });
    expect((await runCli(['generate'], same)).stderr).toBe(
      "templates/a.ts: WorkflowTemplate 'hello' is defined by both templates/a.ts and templates/a.ts (export again); on a cluster one would overwrite the other [input/duplicate-name]\n1 problem(s); nothing was written\n",
    );
    const apart = project({
      'templates/a.ts': extraExport(
        "export const ci = workflowTemplate('hello', { namespace: 'ci', entrypoint: dag('main', [a, b]) });",
      ),
    });
    expect((await runCli(['generate'], apart)).code).toBe(0);
  });

  it('an export name can never place a file outside the output directory', async () => {
    for (const name of ['../../escaped', '/tmp/absolute', 'a/b', '..', 'x.y']) {
      const dir = project({
        'templates/a.ts': extraExport(
          `const other = workflowTemplate('other', { entrypoint: dag('main', [a, b]) });\nexport { other as ${JSON.stringify(name)} };`,
        ),
      });
      const r = await runCli(['generate'], dir);
      expect(r, name).toMatchObject({
        code: 1,
        stderr: `templates/a.ts: export name ${JSON.stringify(name)} cannot name a file (use an identifier) [generate/unsafe-name]\n1 problem(s); nothing was written\n`,
      });
      expect(readdirSync(dir).sort(), name).toEqual(['templates']);
    }
  });
});

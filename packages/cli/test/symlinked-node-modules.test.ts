import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/paths.js';
import { runBuiltCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

const elsewhere: string[] = [];
afterAll(() => {
  removeProjects();
  for (const dir of elsewhere.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const BAD = `import { container, dag, inputs, param, task, workflowTemplate } from '@argo-gen/dsl';

const i = inputs({ n: param.number() });
const t = container('t', { image: 'alpine:3.20', args: [i.n] }, { inputs: i });
const a = task('a', t, { args: { n: 'three' as unknown as number } });
export default workflowTemplate('w', { entrypoint: dag('main', [a]) });
`;

describe('a project whose node_modules is a symlink (pnpm workspaces, a shared install)', () => {
  it('names the real .ts file and line in errors, not a path computed from the link target', async () => {
    // The real node_modules lives outside the project, and holds @argo-gen/dsl (itself a link into the workspace).
    const outside = mkdtempSync(path.join(tmpdir(), 'argo-gen-nm-'));
    elsewhere.push(outside);
    const modules = path.join(outside, 'node_modules');
    mkdirSync(path.join(modules, '@argo-gen'), { recursive: true });
    symlinkSync(realpathSync(path.join(REPO_ROOT, 'node_modules/@argo-gen/dsl')), path.join(modules, '@argo-gen/dsl'));
    const dir = project({ 'templates/bad.ts': BAD });
    symlinkSync(modules, path.join(dir, 'node_modules'));

    // The built CLI, in its own process as users run it: locations come from Node's source-mapped stack traces.
    const r = runBuiltCli(['generate'], dir);
    expect(r.stderr).toBe(
      "templates/bad.ts:5:11: task 'a': argument 'n' of template 't' must be a number (got \"three\") [dsl/bad-argument]\n" +
        '1 problem(s); nothing was written\n',
    );
    expect(r.code).toBe(1);
  });
});

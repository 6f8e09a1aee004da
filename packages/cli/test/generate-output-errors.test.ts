import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli, runCli } from './run-cli.js';
import { helloModule, project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

const hello = () => project({ 'templates/hello.ts': helloModule('hello') });

describe('generate and check: file-system problems on the output side are one line with a code', () => {
  it('a dangling symbolic link where an output goes is refused, never followed', async () => {
    const dir = hello();
    mkdirSync(path.join(dir, 'generated'));
    symlinkSync('../../nowhere.yaml', path.join(dir, 'generated/hello.yaml'));
    const r = await runCli(['generate'], dir);
    expect(r).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'generated/hello.yaml: the output is a symbolic link; argo-gen writes only regular files in real directories (remove it) [generate/output-not-file]\n1 problem(s); nothing was written\n',
    });
    expect(existsSync(path.join(dir, 'nowhere.yaml'))).toBe(false);
    const check = await runCli(['check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('generated/hello.yaml: the output is a symbolic link');
  });

  it('a symbolic link to a directory on the way to an output is refused: it could lead outside', async () => {
    const dir = project({ 'templates/sub/x.ts': helloModule('x'), 'outside/keep.txt': 'x' });
    mkdirSync(path.join(dir, 'generated'));
    symlinkSync('../outside', path.join(dir, 'generated/sub'));
    const r = await runCli(['generate'], dir);
    expect(r.stderr).toBe(
      'generated/sub/x.yaml: sub in its path is a symbolic link; argo-gen writes only regular files in real directories (remove it) [generate/output-not-file]\n1 problem(s); nothing was written\n',
    );
    expect(readdirSync(path.join(dir, 'outside'))).toEqual(['keep.txt']);
  });

  it('a FIFO where an output goes is refused without being opened; one elsewhere in the directory is ignored', async () => {
    const dir = hello();
    mkdirSync(path.join(dir, 'generated'));
    spawnSync('mkfifo', [path.join(dir, 'generated/stray.yaml')]);
    symlinkSync('gone.yaml', path.join(dir, 'generated/dangling.yaml'));
    expect((await runCli(['generate'], dir)).stdout).toBe(
      'created generated/hello.yaml\n1 file(s) generated, 1 changed, 0 deleted\n',
    );
    const fifo = hello();
    mkdirSync(path.join(fifo, 'generated'));
    spawnSync('mkfifo', [path.join(fifo, 'generated/hello.yaml')]);
    expect((await runCli(['generate'], fifo)).stderr).toBe(
      'generated/hello.yaml: the output is a FIFO; argo-gen writes only regular files in real directories (remove it) [generate/output-not-file]\n1 problem(s); nothing was written\n',
    );
    const nested = project({ 'templates/sub/x.ts': helloModule('x') });
    spawnSync('mkfifo', [path.join(nested, 'generated')]);
    const r = await runCli(['generate'], nested);
    expect(r.stderr).toBe(
      'generated: the output directory is a FIFO, not a directory [generate/output-not-directory]\n1 problem(s); nothing was written\n',
    );
  });

  it('-o naming a file is refused', async () => {
    const dir = hello();
    const r = await runCli(['generate', '-o', 'templates/hello.ts'], dir);
    expect(r).toMatchObject({
      code: 1,
      stderr:
        'templates/hello.ts: the output directory is a file, not a directory [generate/output-not-directory]\n1 problem(s); nothing was written\n',
    });
    expect((await runCli(['check', '-o', 'templates/hello.ts'], dir)).stdout).toContain(
      'templates/hello.ts: the output directory is a file, not a directory [generate/output-not-directory]',
    );
    const below = await runCli(['generate', '-o', 'templates/hello.ts/out'], dir);
    expect(below.stderr).toBe(
      'templates/hello.ts/out: cannot use the output directory: a parent is not a directory (ENOTDIR) [generate/output-not-directory]\n1 problem(s); nothing was written\n',
    );
  });

  it('an output directory the process may not write to is refused, nothing staged', () => {
    // /sys refuses new entries to every user, root included (a chmod'ed directory would not stop root).
    const dir = hello();
    const r = runBuiltCli(['generate', '-o', '/sys/kernel'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^\/sys\/kernel\/\.argo-gen-staging: cannot write: (permission denied \(EACCES\)|operation not permitted \(EPERM\)) \[generate\/write-failed\]\n1 problem\(s\); nothing was written\n$/,
    );
    expect(readdirSync('/sys/kernel')).not.toContain('.argo-gen-staging');
  });
});

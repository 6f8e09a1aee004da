import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, truncateSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli, runCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

// Input is bounded and isolated: what cannot be an input is refused by name before it is read, and one bad file
// never hides the verdicts of the others nor ends a run with a stack trace.

afterAll(removeProjects);

const INVALID = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata: {name: x}
spec: {entrypoint: nope, onExit: main, templates: [{name: main, container: {image: alpine}}]}
`;
const VALID = INVALID.replace('entrypoint: nope, onExit: main', 'entrypoint: main');
const MISSING_ENTRYPOINT = "/spec/entrypoint: template name 'nope' undefined [lint/missing-entrypoint]";

/** A document nested deeper than the YAML reader and the checks can follow. */
const DEEP = `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nspec: {args: ${'['.repeat(20_000)}${']'.repeat(20_000)}}\n`;
/** Aliases that expand exponentially: the classic "billion laughs". */
const ALIAS_BOMB = `a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]
`;

/** Every line of a file's messages is one coded line naming it; none is an internal error. */
function expectCodedLines(output: string, file: string): void {
  const lines = output.split('\n').filter((l) => l.startsWith(file));
  expect(lines.length).toBeGreaterThan(0);
  for (const l of lines) expect(l).toMatch(/ \[[a-z]+\/[a-z-]+\]$/);
  expect(output).not.toMatch(/internal error|\n\s+at /);
}

describe('validate and import follow symbolic links', () => {
  it('a symlinked invalid file inside a directory, and through a glob, is validated', async () => {
    const dir = project({ 'real/bad.yaml': INVALID, 'wf/good.yaml': VALID });
    symlinkSync('../real/bad.yaml', path.join(dir, 'wf/linked.yaml'));
    for (const arg of ['wf', 'wf/*.yaml', 'wf/**/*.yaml']) {
      const r = await runCli(['validate', '--security', 'off', arg], dir);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(
        `wf/linked.yaml:4:8: ${MISSING_ENTRYPOINT}\n2 file(s), 2 document(s): 1 valid, 1 invalid, 0 skipped\n`,
      );
    }
  });

  it('a symlinked directory is searched, and a link cycle ends', async () => {
    const dir = project({ 'real/bad.yaml': INVALID });
    mkdirSync(path.join(dir, 'wf'));
    symlinkSync('../real', path.join(dir, 'wf/sub'));
    symlinkSync('..', path.join(dir, 'real/up'));
    const r = await runCli(['validate', '--security', 'off', 'wf'], dir);
    expect(r.stdout).toContain(`wf/sub/bad.yaml:4:8: ${MISSING_ENTRYPOINT}\n`);
    expect(r.stdout).toMatch(/\n1 file\(s\), 1 document\(s\): 0 valid, 1 invalid, 0 skipped\n$/);
  });

  it('import follows them too, in directories and globs', async () => {
    const dir = project({ 'real/wf.yaml': VALID });
    mkdirSync(path.join(dir, 'in'));
    symlinkSync('../real/wf.yaml', path.join(dir, 'in/linked.yaml'));
    for (const arg of ['in', 'in/*.yaml']) {
      const r = await runCli(['import', arg], dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^\/\/ Imported from in\/linked\.yaml by `argo-gen import`\./);
    }
  });

  it('a link to nothing is one coded line, in a directory or given itself; the other files are still checked', async () => {
    const dir = project({ 'wf/good.yaml': VALID });
    symlinkSync('missing.yaml', path.join(dir, 'wf/dangling.yaml'));
    symlinkSync('wf/missing.yaml', path.join(dir, 'given.yaml'));
    const r = await runCli(['validate', '--security', 'off', 'wf', 'given.yaml'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      'wf/dangling.yaml: is a symbolic link to nothing (no such file or directory) [input/dangling-link]\n' +
        'given.yaml: is a symbolic link to nothing (no such file or directory) [input/not-found]\n' +
        '1 file(s), 1 document(s): 1 valid, 0 invalid, 0 skipped, 2 unreadable input(s)\n',
    );
    const i = await runCli(['import', 'given.yaml', 'wf'], dir);
    expect(i.code).toBe(1);
    expect(i.stderr).toContain(
      'given.yaml: is a symbolic link to nothing (no such file or directory) [input/not-found]\n',
    );
    expect(i.stderr).toContain('1 file(s) imported, 2 failed');
  });
});

describe('files that are not regular files, or too large, are refused by name before they are read', () => {
  it('a FIFO in a directory or given itself, and a device: every command, without blocking', async () => {
    const dir = project({ 'wf/good.yaml': VALID });
    execFileSync('mkfifo', [path.join(dir, 'wf/pipe.yaml'), path.join(dir, 'pipe.ts')]);
    const fifo = 'wf/pipe.yaml: is a FIFO (named pipe), not a regular file [input/not-a-file]\n';
    const v = await runCli(['validate', '--security', 'off', 'wf', '/dev/zero'], dir);
    expect(v.stdout).toBe(
      `${fifo}/dev/zero: is a character device, not a regular file [input/not-a-file]\n` +
        '1 file(s), 1 document(s): 1 valid, 0 invalid, 0 skipped, 2 unreadable input(s)\n',
    );
    expect(v.code).toBe(1);
    expect((await runCli(['import', 'wf'], dir)).stderr).toContain(fifo);
    expect(await runCli(['graph', 'wf/pipe.yaml'], dir)).toMatchObject({ code: 1, stderr: fifo });
    expect(await runCli(['apply', '--dry-run=client', 'wf'], dir)).toMatchObject({ code: 1, stderr: fifo });
    expect(await runCli(['generate', '--security', 'off', 'pipe.ts'], dir)).toMatchObject({
      code: 1,
      stderr:
        'pipe.ts: is a FIFO (named pipe), not a regular file [input/not-a-file]\n1 problem(s); nothing was written\n',
    });
  });

  it('a file above the limit: 16 MiB by default, --max-file-size or $ARGO_GEN_MAX_FILE_SIZE', async () => {
    const dir = project({ 'small.yaml': VALID, 'big.yaml': '' });
    // Sparse: refused from its size alone, so the test neither writes nor reads 16 MiB.
    truncateSync(path.join(dir, 'big.yaml'), 16 * 1024 * 1024 + 1);
    const r = await runCli(['validate', '--security', 'off', 'big.yaml', 'small.yaml'], dir);
    expect(r.stdout).toBe(
      'big.yaml: is 16777217 bytes, larger than the 16 MiB limit (--max-file-size or $ARGO_GEN_MAX_FILE_SIZE) [input/too-large]\n' +
        '1 file(s), 1 document(s): 1 valid, 0 invalid, 0 skipped, 1 unreadable input(s)\n',
    );
    const tooLarge = (limit: string) =>
      `small.yaml: is ${VALID.length} bytes, larger than the ${limit} limit (--max-file-size or $ARGO_GEN_MAX_FILE_SIZE) [input/too-large]\n`;
    const flag = await runCli(['--max-file-size', '100', 'validate', '--security', 'off', 'small.yaml'], dir);
    expect(flag).toMatchObject({ code: 1 });
    expect(flag.stdout).toContain(tooLarge('100 bytes'));
    const env = await runCli(['import', 'small.yaml'], dir, { ARGO_GEN_MAX_FILE_SIZE: '0.1KiB' });
    expect(env.stderr).toContain(tooLarge('102 bytes'));
    expect(await runCli(['--max-file-size', 'big', 'validate', 'small.yaml'], dir)).toMatchObject({
      code: 2,
      stderr: "--max-file-size 'big': expected a size like 4096, 512KiB or 16MiB [usage/bad-limit]\n",
    });
  });
});

describe('one bad file never hides the verdicts of the others', () => {
  it('validate: a document too deep to read and an alias bomb are their own files’ problems', async () => {
    const dir = project({ 'deep.yaml': DEEP, 'bomb.yaml': ALIAS_BOMB, 'bad.yaml': INVALID, 'good.yaml': VALID });
    const r = await runCli(['validate', '--security', 'off', '.'], dir);
    expect(r.code).toBe(1);
    expectCodedLines(r.stdout, 'deep.yaml');
    expectCodedLines(r.stdout, 'bomb.yaml');
    expect(r.stdout).toContain(`bad.yaml:4:8: ${MISSING_ENTRYPOINT}\n`);
    expect(r.stdout).toMatch(
      /\n2 file\(s\), 2 document\(s\): 1 valid, 1 invalid, 0 skipped, 2 unreadable input\(s\)\n$/,
    );
  });

  it('import: the other files are still imported', async () => {
    const dir = project({ 'deep.yaml': DEEP, 'bomb.yaml': ALIAS_BOMB, 'good.yaml': VALID });
    const r = await runCli(['import', 'deep.yaml', 'bomb.yaml', 'good.yaml', '-o', 'ts'], dir);
    expect(r.code).toBe(1);
    expectCodedLines(r.stderr, 'deep.yaml');
    expectCodedLines(r.stderr, 'bomb.yaml');
    expect(r.stdout).toBe(
      'wrote ts/good.ts\n1 file(s) imported, 2 failed; raw escape hatches: 0 rawTemplate, 0 raw task/step, 0 raw(); 0 loss(es)\n',
    );
  });

  it('a module that does not compile is its own verdict; the other modules are still validated', async () => {
    const dir = project({
      'broken.ts': 'export const = ;\n',
      'bad.ts': `import { container, workflowTemplate } from '@argo-gen/dsl';\nexport default workflowTemplate('bad', { entrypoint: container('Bad_Name', { image: 'alpine' }) });\n`,
    });
    const r = await runCli(['validate', '--security', 'off', 'broken.ts', 'bad.ts'], dir);
    expect(r.code).toBe(1);
    // (In-process, esbuild names the file relative to the test runner's directory.)
    expect(r.stdout).toMatch(/broken\.ts:1:\d+: cannot compile: .* \[input\/compile-error\]\n/);
    expect(r.stdout).toMatch(/: template name 'Bad_Name' is invalid: .* \[lint\/invalid-name\]\n/);
    expect(r.stdout).toMatch(
      /\n1 file\(s\), 1 document\(s\): 0 valid, 1 invalid, 0 skipped, 1 unreadable input\(s\)\n$/,
    );
  });
});

describe('file system problems are one coded line', () => {
  it('an unreadable directory (run unprivileged, as root reads everything)', () => {
    const dir = project({ 'wf/good.yaml': VALID, 'locked/x.yaml': VALID });
    chmodSync(dir, 0o755); // scratch directories are private to their owner
    chmodSync(path.join(dir, 'locked'), 0o000);
    const nobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    try {
      const r = runBuiltCli(['validate', '--security', 'off', 'wf', 'locked', 'locked/x.yaml'], dir, {}, nobody);
      expect(r).toMatchObject({
        code: 1,
        stdout:
          'locked: cannot read directory: permission denied [input/unreadable]\n' +
          'locked/x.yaml: permission denied [input/unreadable]\n' +
          '1 file(s), 1 document(s): 1 valid, 0 invalid, 0 skipped, 2 unreadable input(s)\n',
        stderr: '',
      });
    } finally {
      chmodSync(path.join(dir, 'locked'), 0o755);
    }
  });

  it('import into a read-only directory (run unprivileged)', () => {
    const dir = project({ 'wf.yaml': VALID, 'ro/keep': '' });
    chmodSync(dir, 0o755); // scratch directories are private to their owner
    chmodSync(path.join(dir, 'ro'), 0o555);
    const nobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    try {
      const r = runBuiltCli(['import', 'wf.yaml', '-o', 'ro'], dir, {}, nobody);
      expect(r).toMatchObject({
        code: 1,
        stdout:
          '0 file(s) imported, 1 failed; raw escape hatches: 0 rawTemplate, 0 raw task/step, 0 raw(); 0 loss(es)\n',
        stderr: 'wf.yaml: cannot write ro/wf.ts: permission denied [import/cannot-write]\n',
      });
    } finally {
      chmodSync(path.join(dir, 'ro'), 0o755);
    }
  });

  it('import -o naming a file, or an output that is a directory or a FIFO', async () => {
    const dir = project({ 'wf.yaml': VALID, 'taken.txt': 'x', 'ts/wf.ts/keep': '' });
    const onFile = await runCli(['import', 'wf.yaml', '-o', 'taken.txt'], dir);
    expect(onFile.code).toBe(1);
    expect(onFile.stderr).toBe(
      'taken.txt: -o must name a directory, but this is a regular file [import/out-not-a-directory]\n',
    );
    const onDir = await runCli(['import', 'wf.yaml', '-o', 'ts'], dir);
    expect(onDir.stderr).toBe(
      'wf.yaml: would overwrite ts/wf.ts, which is a directory, not a regular file [import/not-a-file]\n',
    );
    mkdirSync(path.join(dir, 'piped'));
    execFileSync('mkfifo', [path.join(dir, 'piped/wf.ts')]);
    // Even --force never writes into a FIFO (it would block) or through a link.
    expect(await runCli(['import', 'wf.yaml', '-o', 'piped', '--force'], dir)).toMatchObject({
      code: 1,
      stderr:
        'wf.yaml: would overwrite piped/wf.ts, which is a FIFO (named pipe), not a regular file [import/not-a-file]\n',
    });
  });
});

describe('messages quote a bounded prefix of user values', () => {
  it('a long template name, a long flag value', async () => {
    const dir = project({ 'wf.yaml': VALID });
    const long = 'n'.repeat(10_000);
    const r = await runCli(['graph', 'wf.yaml', '--template', long], dir);
    expect(r.stderr).toBe(
      `wf.yaml: no template '${'n'.repeat(80)}…' (10000 characters) (templates: main) [graph/no-template]\n`,
    );
    const t = await runCli(['--module-timeout', `1${'x'.repeat(500)}`, 'validate', 'wf.yaml'], dir);
    expect(t.stderr).toBe(
      `--module-timeout '1${'x'.repeat(79)}…' (501 characters): expected a duration like 500ms, 30s or 2m [usage/bad-limit]\n`,
    );
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

// Every path out of a command either did its work or exits non-zero. These run the built CLI as a process: only a
// real process shows what Node does when its event loop empties with a promise still pending (it exits with 0).
// Nothing here depends on timing: a top-level await on a promise that nothing can settle is deterministic, and the
// module that keeps the loop alive forever can only end through the configured bound.

afterAll(removeProjects);

const exportLine = (name: string, kind: 'workflowTemplate' | 'workflow') =>
  `export default ${kind}('${name}', { entrypoint: container('main', { image: 'alpine:3.20' }) });\n`;
const IMPORTS = "import { container, workflow, workflowTemplate } from '@argo-gen/dsl';\n";

/** Top-level await on a promise nothing can settle, and nothing else keeps the process alive. */
const NEVER = (kind: 'workflowTemplate' | 'workflow' = 'workflowTemplate') =>
  `${IMPORTS}await new Promise(() => {});\n${exportLine('never', kind)}`;
/** The same, but a timer keeps the event loop alive for ever: only the module time bound can end the wait. */
const SPINNING = `${IMPORTS}setInterval(() => {}, 60_000);\nawait new Promise(() => {});\n${exportLine('spin', 'workflowTemplate')}`;
const GOOD = `${IMPORTS}${exportLine('good', 'workflowTemplate')}`;

const UNSETTLED = (file: string) =>
  `${file}: never finished loading: its top-level code awaits a promise that nothing is left to settle; nothing was done [input/module-unsettled]\n`;
const TIMED_OUT = (file: string, bound: string) =>
  `${file}: did not finish loading within ${bound} (its top-level code is still running); raise the bound with --module-timeout or $ARGO_GEN_MODULE_TIMEOUT if it is merely slow [input/module-timeout]\n`;

describe('a module whose top-level await never settles fails the command, naming the module', () => {
  it('generate: exit 1, nothing written', () => {
    const dir = project({ 'templates/good.ts': GOOD, 'templates/never.ts': NEVER() });
    const r = runBuiltCli(['generate'], dir);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: UNSETTLED('templates/never.ts') });
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
  });

  it('check: exit 1', () => {
    const dir = project({ 'templates/never.ts': NEVER() });
    expect(runBuiltCli(['check'], dir)).toMatchObject({ code: 1, stdout: '', stderr: UNSETTLED('templates/never.ts') });
  });

  it('generate: a config module that never settles', () => {
    const dir = project({ 'argo-gen.config.ts': 'await new Promise(() => {});\nexport default { targets: [] };\n' });
    expect(runBuiltCli(['generate'], dir)).toMatchObject({ code: 1, stderr: UNSETTLED('argo-gen.config.ts') });
  });

  it('validate: exit 1 and no verdict printed for work not done', () => {
    const dir = project({ 'templates/never.ts': NEVER(), 'ok.yaml': 'kind: ConfigMap\n' });
    const r = runBuiltCli(['validate', 'templates', 'ok.yaml'], dir);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: UNSETTLED('templates/never.ts') });
  });

  it('graph: exit 1', () => {
    const dir = project({ 'never.ts': NEVER() });
    expect(runBuiltCli(['graph', 'never.ts'], dir)).toMatchObject({
      code: 1,
      stdout: '',
      stderr: UNSETTLED('never.ts'),
    });
  });

  it('apply --dry-run=client: exit 1, no object reported valid', () => {
    const dir = project({ 'never.ts': NEVER() });
    const r = runBuiltCli(['apply', '--dry-run=client', 'never.ts'], dir);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: UNSETTLED('never.ts') });
  });

  it('submit <file>: exit 1 before any cluster is contacted', () => {
    const dir = project({ 'never.ts': NEVER('workflow') });
    const r = runBuiltCli(['--kubeconfig', 'missing-kubeconfig', 'submit', 'never.ts'], dir);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: UNSETTLED('never.ts') });
  });
});

describe('a module that takes longer than --module-timeout is reported by name', () => {
  it('generate, with the bound from the flag; the process ends although the module keeps a timer', () => {
    // Only the spinning module: with a bound this tight, whether any real module loads in time would be luck.
    const dir = project({ 'templates/spin.ts': SPINNING });
    const r = runBuiltCli(['--module-timeout', '1ms', 'generate'], dir);
    expect(r).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `${TIMED_OUT('templates/spin.ts', '1ms')}1 problem(s); nothing was written\n`,
    });
    expect(existsSync(path.join(dir, 'generated'))).toBe(false);
  });

  it('check and validate, with the bound from $ARGO_GEN_MODULE_TIMEOUT', () => {
    const dir = project({ 'templates/spin.ts': SPINNING });
    const env = { ARGO_GEN_MODULE_TIMEOUT: '5ms' };
    expect(runBuiltCli(['check'], dir, env)).toMatchObject({
      code: 1,
      stderr: `${TIMED_OUT('templates/spin.ts', '5ms')}1 problem(s); cannot check\n`,
    });
    const v = runBuiltCli(['validate', 'templates'], dir, env);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(TIMED_OUT('templates/spin.ts', '5ms'));
  });

  it('graph, apply --dry-run=client and submit <file>', () => {
    const dir = project({ 'spin.ts': SPINNING });
    for (const args of [
      ['graph', 'spin.ts'],
      ['apply', '--dry-run=client', 'spin.ts'],
      ['submit', 'spin.ts'],
    ]) {
      const r = runBuiltCli(['--module-timeout', '2ms', '--kubeconfig', 'missing', ...args], dir);
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(r.stderr).toContain(TIMED_OUT('spin.ts', '2ms'));
    }
  });

  it('a flag takes precedence over the environment, and a malformed bound is a usage error', () => {
    const dir = project({ 'templates/spin.ts': SPINNING });
    const r = runBuiltCli(['--module-timeout', '3ms', 'check'], dir, { ARGO_GEN_MODULE_TIMEOUT: 'soon' });
    expect(r.stderr).toContain(TIMED_OUT('templates/spin.ts', '3ms'));
    expect(runBuiltCli(['check'], dir, { ARGO_GEN_MODULE_TIMEOUT: 'soon' })).toMatchObject({
      code: 2,
      stderr: "$ARGO_GEN_MODULE_TIMEOUT 'soon': expected a duration like 500ms, 30s or 2m [usage/bad-limit]\n",
    });
  });

  it('generate, with the limits from argo-gen.config.ts; a flag overrides them', () => {
    const config = (limits: string) =>
      `export default { targets: [{ inputs: ['templates'], out: 'generated' }], limits: ${limits} };\n`;
    const dir = project({ 'argo-gen.config.ts': config("{ moduleTimeout: '4ms' }"), 'templates/spin.ts': SPINNING });
    expect(runBuiltCli(['generate'], dir)).toMatchObject({
      code: 1,
      stderr: `${TIMED_OUT('templates/spin.ts', '4ms')}1 problem(s); nothing was written\n`,
    });
    const bad = project({ 'argo-gen.config.ts': config("{ maxFileSize: 'huge' }"), 'templates/good.ts': GOOD });
    expect(runBuiltCli(['generate'], bad)).toMatchObject({
      code: 1,
      stderr:
        "argo-gen.config.ts: limits.maxFileSize 'huge': expected a size like 4096, 512KiB or 16MiB [config/invalid]\n1 problem(s); nothing was written\n",
    });
    const small = project({ 'argo-gen.config.ts': config("{ maxFileSize: '10' }"), 'templates/good.ts': GOOD });
    expect(runBuiltCli(['generate'], small)).toMatchObject({
      code: 1,
      stderr: `templates/good.ts: is ${GOOD.length} bytes, larger than the 10 bytes limit (--max-file-size or $ARGO_GEN_MAX_FILE_SIZE) [input/too-large]\n1 problem(s); nothing was written\n`,
    });
    // The flag wins over the config (shown with the size limit: a tiny time bound from a flag would also bound the
    // config module's own load, and whether that fits would be luck).
    expect(runBuiltCli(['--max-file-size', '1MiB', 'generate', '--security', 'off'], small)).toMatchObject({
      code: 0,
      stderr: '',
    });
  });

  it('a module that loads but leaves a timer running does not keep a finished command from exiting', () => {
    const dir = project({ 'templates/good.ts': `setInterval(() => {}, 60_000);\n${GOOD}` });
    const r = runBuiltCli(['generate', '--security', 'off'], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('created generated/good.yaml');
  });
});

describe('the cluster commands exit non-zero when they cannot reach a cluster', () => {
  it.each([
    [['get', 'wf', 'x']],
    [['list', 'wf']],
    [['delete', 'wf', 'x']],
    [['resume', 'x']],
    [['submit', 'some-template']],
  ])('%j without a kubeconfig: exit 1, one coded line', (args) => {
    const dir = project({});
    const r = runBuiltCli(['--kubeconfig', 'missing-kubeconfig', ...args], dir);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^cannot read kubeconfig 'missing-kubeconfig': no such file \[kube\/no-config\]\n$/);
  });
});

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-cli.js';
import { helloModule, project, removeProjects } from './scratch-project.js';

// The bin's lint cache (src/load/lint-cache.ts) as a run uses it. Each project has a node_modules of its own (empty:
// packages still resolve from the repository's), so its caches are its own.

afterAll(removeProjects);

/** A template with a credential in its arguments: the security lint refuses it (unless it is off). */
const LEAKY = `import { container, workflowTemplate } from '@argo-gen/dsl';
export default workflowTemplate('leaky', { entrypoint: container('main', { image: 'alpine:3.20', args: ['echo', 'DB_PASSWORD=hunter2hunter2'] }) });
`;

const lintEntries = (dir: string) => {
  const cache = path.join(dir, 'node_modules', '.cache', 'argo-gen', 'lint');
  return readdirSync(cache)
    .filter((n) => n.endsWith('.json'))
    .map((n) => path.join(cache, n));
};

describe('argo-gen generate with the lint cache', () => {
  it('reports the same problems on a second run as on the first, and lints anew for other settings', () => {
    const dir = project({ 'node_modules/.keep': '', 'templates/leaky.ts': LEAKY });
    const first = runBuiltCli(['generate'], dir);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain("'DB_PASSWORD' is given a literal value in the text");
    expect(runBuiltCli(['generate'], dir)).toEqual(first);
    expect(runBuiltCli(['generate'], dir, { ARGO_GEN_LINT_CACHE: 'off' })).toEqual(first);
    // The security settings are part of what a document's findings depend on.
    expect(runBuiltCli(['generate', '--security', 'off'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect(runBuiltCli(['generate'], dir)).toEqual(first);
  });

  it('reads the findings from the cache: an entry changed on disk is what the next run reports', () => {
    const dir = project({ 'node_modules/.keep': '', 'templates/hello.ts': helloModule('hello') });
    expect(runBuiltCli(['generate', '--security', 'off'], dir)).toMatchObject({ code: 0, stderr: '' });
    const [entry, ...others] = lintEntries(dir);
    expect(others).toEqual([]);
    const finding = { code: 'lint/from-the-cache', severity: 'warning', path: '', message: 'read from the cache' };
    const stored = JSON.parse(readFileSync(entry as string, 'utf8'));
    writeFileSync(entry as string, JSON.stringify({ ...stored, issues: [finding] }));
    const cached = runBuiltCli(['generate', '--security', 'off'], dir);
    expect(cached).toMatchObject({
      code: 0,
      stderr: expect.stringContaining('read from the cache [lint/from-the-cache]'),
    });
    const fresh = runBuiltCli(['generate', '--security', 'off'], dir, { ARGO_GEN_LINT_CACHE: 'off' });
    expect(fresh).toMatchObject({ code: 0, stderr: '' });
  });
});

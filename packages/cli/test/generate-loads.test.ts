import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-cli.js';
import { helloModule, project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

/**
 * A preload for the built CLI that records what the process loads: every module URL the ESM loader loads (through a
 * loader hook, which runs on its own thread and appends to a log), and at exit every CommonJS module (the packages'
 * bodies, scripts/bundle.mjs) and Node's built-in modules.
 */
const PROBE = `import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
const log = process.env.ARGO_GEN_TEST_LOAD_LOG;
const hook = \`import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(\${JSON.stringify(log)}, 'url ' + url + '\\\\n');
  return next(url, context);
}\`;
register('data:text/javascript,' + encodeURIComponent(hook));
process.on('exit', () => {
  for (const m of process.moduleLoadList) if (m.startsWith('NativeModule ')) appendFileSync(log, 'builtin ' + m.slice(13) + '\\n');
  for (const file of Object.keys(createRequire(import.meta.url)('node:module')._cache)) appendFileSync(log, 'url ' + file + '\\n');
});
`;

function generateLoads(): { urls: string[]; builtins: string[] } {
  const dir = project({ 'templates/hello.ts': helloModule('hello'), 'probe.mjs': PROBE });
  // The first run compiles the module (esbuild, which runs its binary through node:child_process); the second finds
  // it in the compile cache, as every run over unchanged modules does, and is the one recorded.
  expect(runBuiltCli(['generate'], dir).code).toBe(0);
  const log = path.join(dir, 'loads.log');
  const r = runBuiltCli(['generate'], dir, {
    NODE_OPTIONS: `--import ${path.join(dir, 'probe.mjs')}`,
    ARGO_GEN_TEST_LOAD_LOG: log,
  });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('1 file(s) generated, 0 changed');
  const lines = readFileSync(log, 'utf8').trim().split('\n');
  const of = (kind: string) => lines.filter((l) => l.startsWith(`${kind} `)).map((l) => l.slice(kind.length + 1));
  return { urls: of('url'), builtins: of('builtin') };
}

describe('what `argo-gen generate` loads over unchanged modules', () => {
  let loads: { urls: string[]; builtins: string[] };
  beforeAll(() => {
    loads = generateLoads();
  });

  it('loads the model and the DSL, and neither the cluster client, the importer nor the simulation', () => {
    const bundles = new Set(
      loads.urls.flatMap((u) => /\/packages\/([a-z-]+)\/dist\//.exec(u)?.slice(1) ?? []).filter((p) => p !== 'cli'),
    );
    expect([...bundles].sort()).toEqual(['dsl', 'model']);
  });

  it("does not load node:child_process (commander's executable subcommands reach it only when they run)", () => {
    expect(loads.builtins).toContain('fs');
    expect(loads.builtins.filter((b) => b.includes('child_process'))).toEqual([]);
  });
});

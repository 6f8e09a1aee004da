import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string, entry = 'index') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${entry}.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; the build is checked separately by `tsc -b` and the CLI tests.
    alias: [
      { find: /^@argo-gen\/model$/, replacement: src('model') },
      { find: /^@argo-gen\/cli$/, replacement: src('cli') },
      { find: /^@argo-gen\/kube$/, replacement: src('kube') },
      { find: /^@argo-gen\/dsl$/, replacement: src('dsl') },
      { find: /^@argo-gen\/dsl\/internal$/, replacement: src('dsl', 'internal') },
      { find: /^@argo-gen\/steps$/, replacement: src('steps') },
      { find: /^@argo-gen\/import$/, replacement: src('import') },
      { find: /^@argo-gen\/simulate$/, replacement: src('simulate') },
    ],
  },
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: ['test/cluster/**', 'test/conformance/**', 'test/e2e/**', '**/node_modules/**'],
    testTimeout: 60_000,
    pool: 'forks',
    // Most of a test file's time was importing the packages' sources afresh (vitest isolates each file by default):
    // 145 files paid it 145 times. No test mocks modules, stubs globals or changes process state, so the files of a
    // worker share one module graph. Tests still never share data: scratch directories are per file (mkdtemp).
    isolate: false,
    // vitest's default is one worker fewer than the CPUs: one worker on a 2-CPU machine, with the other core idle
    // whenever that worker waits on a child process (the built CLI, tsc, npm, the Go oracles). Two use both.
    maxWorkers: 2,
    // One clear line, not dozens of ENOENT traces, when ../shared is missing (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // one fixed seed for every fast-check property (test/fast-check-seed.ts)
    setupFiles: ['test/fast-check-seed.ts'],
  },
});

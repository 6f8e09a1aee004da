import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import base from '../../vitest.config.js';

// `pnpm test:conformance`: the differential test against Argo's validator. Kept out of the default run because it
// builds the Go oracle (minutes when cold); CI runs it as its own step.
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  resolve: base.resolve,
  test: {
    include: ['test/conformance/**/*.test.ts'],
    testTimeout: 15 * 60_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
  },
});

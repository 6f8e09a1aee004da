import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The end-to-end suite: needs the test cluster, so it runs only through `pnpm test:cluster`
// (test/cluster/with-cluster.sh starts the cluster, sets KUBECONFIG and the ARGO_GEN_K8S_* variables, and stops it).
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ['test/e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['test/global-setup.ts'],
    // One cluster, one Argo controller: files run one after another, each in its own namespace.
    fileParallelism: false,
  },
});

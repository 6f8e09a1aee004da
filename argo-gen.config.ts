import type { Config } from '@argo-gen/cli';

/** The Burger Stack templates go to generated/; each example's YAML sits beside it. */
export default {
  targets: [
    { inputs: ['templates'], out: 'generated' },
    { inputs: ['examples'], out: 'examples' },
  ],
  security: {
    // examples/upstream/ are faithful DSL ports of Argo's own examples (test/upstream-ports.test.ts compares them with
    // Argo's YAML): their security findings are upstream's, written down in test/security/upstream-expected.ts.
    // test/e2e/fixtures/ are minimal inputs for the cluster suite (public images by tag, the default ServiceAccount);
    // the lint's own cases are in test/security/.
    exclude: ['examples/upstream', 'test/e2e/fixtures'],
  },
} satisfies Config;

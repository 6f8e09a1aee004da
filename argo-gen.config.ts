import type { Config } from '@argo-gen/cli';

/** The Burger Stack templates go to generated/; each example's YAML sits beside it. */
export default {
  targets: [
    { inputs: ['templates'], out: 'generated' },
    { inputs: ['examples'], out: 'examples' },
  ],
} satisfies Config;

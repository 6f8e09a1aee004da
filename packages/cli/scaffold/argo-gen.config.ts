import type { Config } from '@argo-gen/cli';

/** `argo-gen generate` writes one YAML file per exported template of templates/ into generated/. */
export default {
  targets: [{ inputs: ['templates'], out: 'generated' }],
  // Every security finding is an error: the first template passes; keep it that way or record an exception.
  security: { mode: 'strict' },
} satisfies Config;

import { Option } from 'commander';

/**
 * The values of `--argo-version`, kept here rather than imported from @argo-gen/model so that building the command line
 * (and `--help`) never loads the model; a test holds them equal to the model's ARGO_VERSIONS.
 */
export const ARGO_VERSION_CHOICES = ['3.7', '4.0', '4.1'] as const;

export type ArgoVersionFlag = (typeof ARGO_VERSION_CHOICES)[number];

/** `--argo-version`: commander refuses any other value with a usage error (exit 2) that names the allowed ones. */
export function argoVersionOption(): Option {
  return new Option(
    '--argo-version <version>',
    'the Argo version to check against (default: argoVersion in argo-gen.config.ts, else 4.1)',
  ).choices(ARGO_VERSION_CHOICES);
}

import { ARGO_RELEASES, ARGO_VERSIONS, type ArgoVersion, BASE_ARGO_VERSION } from '../gen/versions.gen.js';
import { ArgoGenError, issue } from '../issue.js';

export { ARGO_RELEASES, ARGO_VERSIONS, type ArgoVersion, BASE_ARGO_VERSION };

/** The Argo version a run targets unless the project says otherwise: the one the model describes. */
export const DEFAULT_ARGO_VERSION: ArgoVersion = BASE_ARGO_VERSION;

export function isArgoVersion(value: unknown): value is ArgoVersion {
  return typeof value === 'string' && (ARGO_VERSIONS as readonly string[]).includes(value);
}

/**
 * The `argoVersion` option of a library call: the default when left out, else one of ARGO_VERSIONS. A JavaScript
 * caller that passes anything else gets one line naming the allowed values, not a wrong verdict.
 */
export function targetVersion(value: unknown): ArgoVersion {
  if (value === undefined) return DEFAULT_ARGO_VERSION;
  if (isArgoVersion(value)) return value;
  throw new ArgoGenError([
    issue(
      'options/unknown-argo-version',
      '',
      `argoVersion ${JSON.stringify(value)} is not supported; use one of ${ARGO_VERSIONS.join(', ')}`,
    ),
  ]);
}

/**
 * The Argo releases the conformance stage compares with, one per minor version argo-gen targets (issue 18 §4).
 * Each has its own Go oracle (test/oracle/build.sh <release>); a release whose default installation has the full CRDs
 * also has its own API server oracle: the test cluster's API server carries one release's CRDs, and one more API
 * server (test/cluster/lib.sh, ARGO_GEN_K8S_EXTRA_CRDS, started by test/conformance/with-apiserver.sh) each other's.
 */
export interface ArgoRelease {
  /** What `argoVersion` / `--argo-version` calls it. */
  readonly argoVersion: '3.7' | '4.0' | '4.1';
  /** The tag in ../shared/argo/src the oracle is built from. */
  readonly release: string;
  /**
   * Whether `manifests/cluster-install` of that release installs the full CRDs (OpenAPI schema and CEL rules), which
   * the API server then enforces: 4.0 and 4.1. 3.7 installs minimal CRDs, so its decoder and validator decide.
   */
  readonly fullCrds: boolean;
}

export const RELEASES: readonly ArgoRelease[] = [
  { argoVersion: '4.1', release: 'v4.1.2', fullCrds: true },
  { argoVersion: '4.0', release: 'v4.0.10', fullCrds: true },
  { argoVersion: '3.7', release: 'v3.7.18', fullCrds: false },
];

/**
 * The targets whose verdicts the conformance stage compares with Argo's: all three. 4.1 and 4.0 with their Go oracle
 * and an API server with their own full CRDs; 3.7 with its Go oracle (its minimal CRDs add only Kubernetes' own
 * rules, which the allow-list argues).
 */
export const OUR_TARGETS: ReadonlySet<ArgoRelease['argoVersion']> = new Set(['4.1', '4.0', '3.7']);

/**
 * The Argo releases the conformance stage compares with, one per minor version argo-gen targets (issue 18 §4).
 * Each has its own Go oracle (test/oracle/build.sh <release>); the API server oracle is the test cluster's, whose
 * full CRDs are those of one release (test/cluster/versions.sh, exported as ARGO_GEN_K8S_ARGO_VERSION).
 */
export interface ArgoRelease {
  /** What `argoVersion` / `--argo-version` calls it. */
  readonly argoVersion: '3.7' | '4.0' | '4.1';
  /** The tag in ../shared/argo/src the oracle is built from. */
  readonly release: string;
}

export const RELEASES: readonly ArgoRelease[] = [
  { argoVersion: '4.1', release: 'v4.1.2' },
  { argoVersion: '4.0', release: 'v4.0.10' },
  { argoVersion: '3.7', release: 'v3.7.18' },
];

/**
 * The targets whose verdicts the conformance stage compares with Argo's: 4.1 (Go oracle and the API server with its
 * full CRDs) and 3.7 (Go oracle; 3.7 installs minimal CRDs, so the API server adds only Kubernetes' own rules, which
 * the allow-list argues). 4.0 is printed, not compared: its full CRDs need an API server of their own (the test
 * cluster carries 4.1's), and the Go oracle alone does not see their CEL rules.
 */
export const OUR_TARGETS: ReadonlySet<ArgoRelease['argoVersion']> = new Set(['4.1', '3.7']);

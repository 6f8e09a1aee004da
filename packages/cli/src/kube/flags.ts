import type { Kube } from '@argo-gen/kube';
import { loadKube } from '../lazy-modules.js';

/** The global options of the cluster commands. */
export interface KubeFlags {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace?: string;
  readonly verbose?: boolean;
  /** `--request-timeout`, already parsed: milliseconds, 0 for none. Default: the kube package's (30 s). */
  readonly requestTimeout?: number;
}

/** Loads client-node (~0.6 s) only here, when a cluster command actually runs. */
export async function connectWith(flags: KubeFlags): Promise<Kube> {
  const { connect } = await loadKube();
  return connect({
    ...(flags.kubeconfig ? { kubeconfig: flags.kubeconfig } : {}),
    ...(flags.context ? { context: flags.context } : {}),
    ...(flags.requestTimeout !== undefined ? { requestTimeoutMs: flags.requestTimeout } : {}),
  });
}

/** `-n`, else the kubeconfig context's namespace, else `default`. */
export function namespaceOf(kube: Kube, flags: KubeFlags): string {
  return flags.namespace ?? kube.namespace;
}

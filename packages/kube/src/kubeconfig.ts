import { ArgoGenError, issue } from '@argo-gen/model';
import { KubeConfig } from '@kubernetes/client-node';

export interface KubeConfigOptions {
  /** An explicit kubeconfig file (`--kubeconfig`); otherwise the standard rules apply. */
  readonly kubeconfig?: string;
  /** A context of the kubeconfig (`--context`); otherwise its current-context. */
  readonly context?: string;
  /** Use the pod's service account (`KUBERNETES_SERVICE_HOST` and the mounted token), ignoring kubeconfig files. */
  readonly inCluster?: boolean;
}

export interface LoadedConfig {
  readonly kc: KubeConfig;
  readonly context: string;
  readonly server: string;
  /** The context's namespace (in a pod: the pod's namespace), else `default`. */
  readonly namespace: string;
}

const fail = (code: string, message: string) => new ArgoGenError([issue(code, '', message)]);

/**
 * Loads a kubeconfig the way kubectl does: `--kubeconfig`, else `$KUBECONFIG` (several files merged), else
 * `~/.kube/config`, else the in-cluster service account. client-node reads the files itself.
 *
 * When nothing is found, client-node silently points at http://localhost:8080; that is reported as
 * "no kubeconfig found" instead of an obscure connection error later.
 */
export function loadKubeConfig(options: KubeConfigOptions = {}): LoadedConfig {
  const kc = new KubeConfig();
  try {
    if (options.inCluster) kc.loadFromCluster();
    else if (options.kubeconfig) kc.loadFromFile(options.kubeconfig);
    else kc.loadFromDefault();
  } catch (error) {
    const e = error as { code?: unknown; message?: unknown };
    const where = options.kubeconfig ? `'${options.kubeconfig}'` : 'from $KUBECONFIG';
    if (e.code === 'ENOENT') throw fail('kube/no-config', `cannot read kubeconfig ${where}: no such file`);
    throw fail('kube/bad-config', `cannot load kubeconfig ${where}: ${String(e.message ?? error).split('\n')[0]}`);
  }
  if (!options.inCluster && !options.kubeconfig && isFallbackConfig(kc)) {
    throw fail(
      'kube/no-config',
      'no kubeconfig found: set $KUBECONFIG, create ~/.kube/config, pass --kubeconfig, or run inside a pod',
    );
  }
  if (options.context) {
    if (!kc.getContextObject(options.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw fail(
        'kube/no-context',
        `context '${options.context}' is not in the kubeconfig${known.length ? ` (it has: ${known.join(', ')})` : ''}`,
      );
    }
    kc.setCurrentContext(options.context);
  }
  const context = kc.getCurrentContext();
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw fail(
      'kube/bad-config',
      context
        ? `context '${context}' names no cluster in the kubeconfig`
        : 'the kubeconfig has no current-context; pass --context',
    );
  }
  const namespace = kc.getContextObject(context)?.namespace || 'default';
  return { kc, context, server: cluster.server, namespace };
}

/** loadFromDefault()'s fallback when no configuration exists at all. */
export function isFallbackConfig(kc: KubeConfig): boolean {
  return kc.getCurrentCluster()?.server === 'http://localhost:8080' && kc.getCurrentContext() === 'loaded-context';
}

import { CustomObjectsApi, type KubeConfig, PatchStrategy, setHeaderOptions, Watch } from '@kubernetes/client-node';
import { type Attempt, type K8sStatus, translate } from './errors.js';
import { ARGO_GROUP, ARGO_VERSION, type ObjectRef, RESOURCES, type ResourceKind } from './kinds.js';
import { type KubeConfigOptions, loadKubeConfig } from './kubeconfig.js';
import type { ArgoObject } from './object.js';
import { DEFAULT_RETRY, type RetryPolicy, retryableCreate, withRetry } from './retry.js';

export const FIELD_MANAGER = 'argo-gen';

export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: ArgoObject & K8sStatus;
}

export interface WatchQuery {
  readonly fieldSelector?: string;
  readonly resourceVersion?: string;
}

/**
 * The requests argo-gen makes, with errors already translated into `ArgoGenError` issues (`kube/…`) that name the
 * object and namespace, and transient failures retried. An interface so that tests can stand in for a cluster.
 */
export interface Kube {
  readonly context: string;
  readonly server: string;
  /** The namespace used when neither the command line nor the object names one. */
  readonly namespace: string;
  get(ref: ObjectRef): Promise<ArgoObject>;
  /** Like get, but undefined when the object does not exist. */
  find(ref: ObjectRef): Promise<ArgoObject | undefined>;
  list(kind: ResourceKind, namespace?: string): Promise<ArgoObject[]>;
  create(kind: ResourceKind, namespace: string, body: ArgoObject, options?: { dryRun?: boolean }): Promise<ArgoObject>;
  /** Server-side apply (creates or updates), field manager `argo-gen`. */
  apply(ref: ObjectRef, body: ArgoObject, options?: { dryRun?: boolean; force?: boolean }): Promise<ArgoObject>;
  /**
   * Replaces the whole object (PUT). The body's `metadata.resourceVersion` makes it conditional: a concurrent change
   * is answered with `kube/conflict`.
   */
  replace(ref: ObjectRef, body: ArgoObject): Promise<ArgoObject>;
  delete(ref: ObjectRef): Promise<void>;
  /** Streams events until `stop()` or until the stream ends (`onDone`, with the failure if any). */
  watch(
    kind: ResourceKind,
    namespace: string,
    query: WatchQuery,
    onEvent: (event: WatchEvent) => void,
    onDone: (error: Error | undefined) => void,
  ): Promise<{ stop(): void }>;
}

export interface ConnectOptions extends KubeConfigOptions {
  readonly retry?: RetryPolicy;
}

interface RawList {
  readonly metadata?: { readonly continue?: string };
  readonly items: ArgoObject[];
}

/** Loads the kubeconfig and returns a client for Argo's custom resources. No request is made yet. */
export function connect(options: ConnectOptions = {}): Kube {
  const { kc, context, server, namespace } = loadKubeConfig(options);
  return new CustomObjectsKube(kc, context, server, namespace, options.retry ?? DEFAULT_RETRY);
}

class CustomObjectsKube implements Kube {
  private readonly api: CustomObjectsApi;
  private readonly kc: KubeConfig;
  readonly context: string;
  readonly server: string;
  readonly namespace: string;
  private readonly retry: RetryPolicy;

  constructor(kc: KubeConfig, context: string, server: string, namespace: string, retry: RetryPolicy) {
    this.kc = kc;
    this.context = context;
    this.server = server;
    this.namespace = namespace;
    this.retry = retry;
    this.api = kc.makeApiClient(CustomObjectsApi);
  }

  private async call<T>(
    at: Omit<Attempt, 'server' | 'context'>,
    fn: () => Promise<unknown>,
    create = false,
  ): Promise<T> {
    try {
      return (await withRetry(fn, this.retry, create ? retryableCreate : undefined)) as T;
    } catch (error) {
      throw translate(error, { ...at, server: this.server, context: this.context });
    }
  }

  private base(kind: ResourceKind) {
    return { group: ARGO_GROUP, version: ARGO_VERSION, plural: RESOURCES[kind].plural };
  }

  get(ref: ObjectRef): Promise<ArgoObject> {
    const p = { ...this.base(ref.kind), name: ref.name };
    return this.call({ verb: 'get', ...ref }, () =>
      RESOURCES[ref.kind].namespaced
        ? this.api.getNamespacedCustomObject({ ...p, namespace: ref.namespace ?? this.namespace })
        : this.api.getClusterCustomObject(p),
    );
  }

  async find(ref: ObjectRef): Promise<ArgoObject | undefined> {
    try {
      return await this.get(ref);
    } catch (error) {
      // Only "this object does not exist": a missing CRD or namespace is still an error.
      const issue = (error as { issues?: readonly { code: string; message: string }[] }).issues?.[0];
      if (issue?.code === 'kube/not-found' && issue.message.startsWith('not found:')) return undefined;
      throw error;
    }
  }

  async list(kind: ResourceKind, namespace?: string): Promise<ArgoObject[]> {
    const items: ArgoObject[] = [];
    let _continue: string | undefined;
    do {
      const p = { ...this.base(kind), limit: 500, _continue };
      const page: RawList = await this.call({ verb: 'list', kind, namespace }, () =>
        RESOURCES[kind].namespaced
          ? this.api.listNamespacedCustomObject({ ...p, namespace: namespace ?? this.namespace })
          : this.api.listClusterCustomObject(p),
      );
      items.push(...page.items);
      // The response is raw JSON: the token is at metadata.continue (the request parameter is `_continue`).
      _continue = page.metadata?.continue || undefined;
    } while (_continue);
    return items;
  }

  create(kind: ResourceKind, namespace: string, body: ArgoObject, options: { dryRun?: boolean } = {}) {
    const p = {
      ...this.base(kind),
      body,
      fieldManager: FIELD_MANAGER,
      fieldValidation: 'Strict',
      dryRun: options.dryRun ? 'All' : undefined,
    };
    const name = body.metadata?.name;
    return this.call<ArgoObject>(
      { verb: 'create', kind, name, namespace },
      () =>
        RESOURCES[kind].namespaced
          ? this.api.createNamespacedCustomObject({ ...p, namespace })
          : this.api.createClusterCustomObject(p),
      true,
    );
  }

  apply(ref: ObjectRef, body: ArgoObject, options: { dryRun?: boolean; force?: boolean } = {}) {
    const p = {
      ...this.base(ref.kind),
      name: ref.name,
      body,
      fieldManager: FIELD_MANAGER,
      fieldValidation: 'Strict',
      force: options.force ?? false,
      dryRun: options.dryRun ? 'All' : undefined,
    };
    // The generated client sends json-patch; server-side apply needs its own content type.
    const ssa = setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply);
    return this.call<ArgoObject>({ verb: 'patch', ...ref }, () =>
      RESOURCES[ref.kind].namespaced
        ? this.api.patchNamespacedCustomObject({ ...p, namespace: ref.namespace ?? this.namespace }, ssa)
        : this.api.patchClusterCustomObject(p, ssa),
    );
  }

  replace(ref: ObjectRef, body: ArgoObject): Promise<ArgoObject> {
    const p = { ...this.base(ref.kind), name: ref.name, body, fieldManager: FIELD_MANAGER };
    return this.call<ArgoObject>({ verb: 'update', ...ref }, () =>
      RESOURCES[ref.kind].namespaced
        ? this.api.replaceNamespacedCustomObject({ ...p, namespace: ref.namespace ?? this.namespace })
        : this.api.replaceClusterCustomObject(p),
    );
  }

  async delete(ref: ObjectRef): Promise<void> {
    const p = { ...this.base(ref.kind), name: ref.name, propagationPolicy: 'Background' };
    await this.call({ verb: 'delete', ...ref }, () =>
      RESOURCES[ref.kind].namespaced
        ? this.api.deleteNamespacedCustomObject({ ...p, namespace: ref.namespace ?? this.namespace })
        : this.api.deleteClusterCustomObject(p),
    );
  }

  async watch(
    kind: ResourceKind,
    namespace: string,
    query: WatchQuery,
    onEvent: (event: WatchEvent) => void,
    onDone: (error: Error | undefined) => void,
  ): Promise<{ stop(): void }> {
    const r = RESOURCES[kind];
    const path = `/apis/${ARGO_GROUP}/${ARGO_VERSION}${r.namespaced ? `/namespaces/${namespace}` : ''}/${r.plural}`;
    let stopped = false;
    const at = { verb: 'watch' as const, kind, namespace, server: this.server, context: this.context };
    const controller = await new Watch(this.kc).watch(
      path,
      { ...query, allowWatchBookmarks: true },
      (type, object) => {
        if (!stopped) onEvent({ type: type as WatchEvent['type'], object: object as WatchEvent['object'] });
      },
      (err: unknown) => {
        if (stopped) return;
        stopped = true;
        // A clean end of stream (the server's timeout) is `null`; the caller re-watches.
        onDone(err ? translate(err, at) : undefined);
      },
    );
    return {
      stop() {
        stopped = true;
        controller.abort();
      },
    };
  }
}

import {
  type ConfigurationOptions,
  CustomObjectsApi,
  type KubeConfig,
  PatchStrategy,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { type Attempt, type K8sStatus, translate } from './errors.js';
import { ARGO_GROUP, ARGO_VERSION, type ObjectRef, RESOURCES, type ResourceKind } from './kinds.js';
import { type KubeConfigOptions, loadKubeConfig } from './kubeconfig.js';
import type { ArgoObject } from './object.js';
import { DEFAULT_REQUEST_TIMEOUT_MS, type StartTimer, startTimer, withDeadline } from './request-timeout.js';
import { DEFAULT_RETRY, type RetryPolicy, retryableCreate, withRetry } from './retry.js';
import { withSignal } from './signal-middleware.js';
import { openWatchStream } from './watch-stream.js';

export const FIELD_MANAGER = 'argo-gen';

export interface WatchEvent {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  readonly object: ArgoObject & K8sStatus;
}

export interface WatchQuery {
  readonly fieldSelector?: string;
  readonly resourceVersion?: string;
}

/** For requests a caller may give up on (a watch's deadline): aborting closes the connection at once. */
export interface RequestOptions {
  readonly signal?: AbortSignal;
}

/** A list and the resourceVersion it was read at: where a watch continues from. */
export interface VersionedList {
  readonly items: ArgoObject[];
  readonly resourceVersion: string;
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
  get(ref: ObjectRef, options?: RequestOptions): Promise<ArgoObject>;
  /** Like get, but undefined when the object does not exist. */
  find(ref: ObjectRef): Promise<ArgoObject | undefined>;
  list(kind: ResourceKind, namespace?: string): Promise<ArgoObject[]>;
  /** The objects a field selector picks (`metadata.name=x`), with the list's resourceVersion. */
  listWithVersion(
    kind: ResourceKind,
    namespace: string,
    fieldSelector: string,
    options?: RequestOptions,
  ): Promise<VersionedList>;
  create(kind: ResourceKind, namespace: string, body: ArgoObject, options?: { dryRun?: boolean }): Promise<ArgoObject>;
  /** Server-side apply (creates or updates), field manager `argo-gen`. */
  apply(ref: ObjectRef, body: ArgoObject, options?: { dryRun?: boolean; force?: boolean }): Promise<ArgoObject>;
  /**
   * Replaces the whole object (PUT). The body's `metadata.resourceVersion` makes it conditional: a concurrent change
   * is answered with `kube/conflict`.
   */
  replace(ref: ObjectRef, body: ArgoObject): Promise<ArgoObject>;
  delete(ref: ObjectRef): Promise<void>;
  /**
   * Opens a watch and returns at once; events stream until `stop()` or until the stream ends (`onDone`, with the
   * failure if any; a 410 Gone is a failure with status 410). `stop()` closes the connection, also before the
   * response headers arrived.
   */
  watch(
    kind: ResourceKind,
    namespace: string,
    query: WatchQuery,
    onEvent: (event: WatchEvent) => void,
    onDone: (error: Error | undefined) => void,
  ): { stop(): void };
}

export interface ConnectOptions extends KubeConfigOptions {
  readonly retry?: RetryPolicy;
  /**
   * The deadline of each request (each try), from connecting to the end of the body, in ms: `--request-timeout`.
   * 0 means none. For a watch, the deadline covers the wait for the response headers. Default 30 s.
   */
  readonly requestTimeoutMs?: number;
  /**
   * The `timeoutSeconds` a watch asks the server for (default 300). A stream the server holds open longer (plus the
   * request timeout, or 30 s) is ended by argo-gen and re-watched, like one the server closed.
   */
  readonly watchTimeoutSeconds?: number;
  /** Starts the request timeouts' timers; injected by tests to time out at a chosen moment instead of by the clock. */
  readonly timer?: StartTimer;
}

interface RawList {
  readonly metadata?: { readonly continue?: string; readonly resourceVersion?: string };
  readonly items: ArgoObject[];
}

/** Loads the kubeconfig and returns a client for Argo's custom resources. No request is made yet. */
export function connect(options: ConnectOptions = {}): Kube {
  const { kc, context, server, namespace } = loadKubeConfig(options);
  return new CustomObjectsKube(kc, context, server, namespace, {
    retry: options.retry ?? DEFAULT_RETRY,
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
    watchTimeoutSeconds: options.watchTimeoutSeconds ?? 300,
    timer: options.timer ?? startTimer,
  });
}

interface Limits {
  readonly retry: RetryPolicy;
  readonly requestTimeoutMs: number;
  readonly watchTimeoutSeconds: number;
  readonly timer: StartTimer;
}

class CustomObjectsKube implements Kube {
  private readonly api: CustomObjectsApi;
  private readonly kc: KubeConfig;
  readonly context: string;
  readonly server: string;
  readonly namespace: string;
  private readonly limits: Limits;

  constructor(kc: KubeConfig, context: string, server: string, namespace: string, limits: Limits) {
    this.kc = kc;
    this.context = context;
    this.server = server;
    this.namespace = namespace;
    this.limits = limits;
    this.api = kc.makeApiClient(CustomObjectsApi);
  }

  /**
   * One request through client-node: each try bounded by the request timeout (the signal reaches node-fetch, so a
   * stalled connection is closed), transient failures retried, errors translated.
   */
  private async call<T>(
    at: Omit<Attempt, 'server' | 'context'>,
    fn: (options: ConfigurationOptions) => Promise<unknown>,
    { create = false, signal }: { create?: boolean; signal?: AbortSignal | undefined } = {},
  ): Promise<T> {
    const { requestTimeoutMs, timer } = this.limits;
    const once = () => withDeadline(requestTimeoutMs, signal, (s) => fn(withSignal(s)), timer);
    try {
      return (await withRetry(once, this.limits.retry, create ? retryableCreate : undefined, signal)) as T;
    } catch (error) {
      // The caller gave up (its own deadline): that is its error to report, not a failed request.
      if (signal?.aborted && error === signal.reason) throw error;
      throw translate(error, { ...at, server: this.server, context: this.context });
    }
  }

  private base(kind: ResourceKind) {
    return { group: ARGO_GROUP, version: ARGO_VERSION, plural: RESOURCES[kind].plural };
  }

  get(ref: ObjectRef, options: RequestOptions = {}): Promise<ArgoObject> {
    const p = { ...this.base(ref.kind), name: ref.name };
    return this.call(
      { verb: 'get', ...ref },
      (o) =>
        RESOURCES[ref.kind].namespaced
          ? this.api.getNamespacedCustomObject({ ...p, namespace: ref.namespace ?? this.namespace }, o)
          : this.api.getClusterCustomObject(p, o),
      { signal: options.signal },
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
    return (await this.pages(kind, namespace ?? this.namespace)).items;
  }

  listWithVersion(kind: ResourceKind, namespace: string, fieldSelector: string, options: RequestOptions = {}) {
    return this.pages(kind, namespace, fieldSelector, options.signal);
  }

  /** Every page of a list; the first page's resourceVersion is the snapshot the later pages continue. */
  private async pages(
    kind: ResourceKind,
    namespace: string,
    fieldSelector?: string,
    signal?: AbortSignal,
  ): Promise<VersionedList> {
    const items: ArgoObject[] = [];
    let resourceVersion: string | undefined;
    let _continue: string | undefined;
    do {
      const p = { ...this.base(kind), limit: 500, _continue, fieldSelector };
      const page: RawList = await this.call(
        { verb: 'list', kind, namespace },
        (o) =>
          RESOURCES[kind].namespaced
            ? this.api.listNamespacedCustomObject({ ...p, namespace }, o)
            : this.api.listClusterCustomObject(p, o),
        { signal },
      );
      items.push(...page.items);
      resourceVersion ??= page.metadata?.resourceVersion ?? '';
      // The response is raw JSON: the token is at metadata.continue (the request parameter is `_continue`).
      _continue = page.metadata?.continue || undefined;
    } while (_continue);
    return { items, resourceVersion: resourceVersion ?? '' };
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
      (o) =>
        RESOURCES[kind].namespaced
          ? this.api.createNamespacedCustomObject({ ...p, namespace }, o)
          : this.api.createClusterCustomObject(p, o),
      { create: true },
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
    const ssa = (o: ConfigurationOptions) => setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply, o);
    return this.call<ArgoObject>({ verb: 'patch', ...ref }, (o) =>
      RESOURCES[ref.kind].namespaced
        ? this.api.patchNamespacedCustomObject({ ...p, namespace: ref.namespace ?? this.namespace }, ssa(o))
        : this.api.patchClusterCustomObject(p, ssa(o)),
    );
  }

  replace(ref: ObjectRef, body: ArgoObject): Promise<ArgoObject> {
    const p = { ...this.base(ref.kind), name: ref.name, body, fieldManager: FIELD_MANAGER };
    return this.call<ArgoObject>({ verb: 'update', ...ref }, (o) =>
      RESOURCES[ref.kind].namespaced
        ? this.api.replaceNamespacedCustomObject({ ...p, namespace: ref.namespace ?? this.namespace }, o)
        : this.api.replaceClusterCustomObject(p, o),
    );
  }

  async delete(ref: ObjectRef): Promise<void> {
    const p = { ...this.base(ref.kind), name: ref.name, propagationPolicy: 'Background' };
    await this.call({ verb: 'delete', ...ref }, (o) =>
      RESOURCES[ref.kind].namespaced
        ? this.api.deleteNamespacedCustomObject({ ...p, namespace: ref.namespace ?? this.namespace }, o)
        : this.api.deleteClusterCustomObject(p, o),
    );
  }

  watch(
    kind: ResourceKind,
    namespace: string,
    query: WatchQuery,
    onEvent: (event: WatchEvent) => void,
    onDone: (error: Error | undefined) => void,
  ): { stop(): void } {
    const r = RESOURCES[kind];
    const url = new URL(
      `${this.server.replace(/\/$/, '')}/apis/${ARGO_GROUP}/${ARGO_VERSION}${r.namespaced ? `/namespaces/${namespace}` : ''}/${r.plural}`,
    );
    const { watchTimeoutSeconds, requestTimeoutMs, timer } = this.limits;
    const params = {
      ...query,
      watch: 'true',
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(watchTimeoutSeconds),
    };
    for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
    const at = { verb: 'watch' as const, kind, namespace, server: this.server, context: this.context };
    return openWatchStream(
      this.kc,
      url,
      { requestTimeoutMs, streamLimitMs: watchTimeoutSeconds * 1000 + (requestTimeoutMs || 30_000), timer },
      (event) => onEvent(event as WatchEvent),
      // A clean end of stream (the server's timeoutSeconds) is `undefined`; the caller re-watches.
      (error) => onDone(error === undefined ? undefined : translate(error, at)),
    );
  }
}

import { ArgoGenError, type Issue, issue } from '@argo-gen/model';
import { RESOURCES, type ResourceKind } from './kinds.js';
import { RequestTimeoutError } from './request-timeout.js';

const FAILURE = Symbol('argo-gen.kube.failure');

/** What was being done when a request failed: enough to name the object and say what to do next. */
export interface Attempt {
  /** The RBAC verb: get, list, watch, create, patch, update, delete. */
  readonly verb: 'get' | 'list' | 'watch' | 'create' | 'patch' | 'update' | 'delete';
  readonly kind: ResourceKind;
  /** Absent for list/watch of a whole kind, or for a create with generateName. */
  readonly name?: string;
  readonly namespace?: string;
  /** The API server URL and kubeconfig context, for unreachable/unauthorized hints. */
  readonly server?: string;
  readonly context?: string;
}

/** The parts of a Kubernetes `Status` body argo-gen reads. */
export interface K8sStatus {
  readonly code?: number;
  readonly reason?: string;
  readonly message?: string;
  readonly details?: { readonly name?: string; readonly kind?: string; readonly group?: string };
}

/** The failure shapes client-node produces, normalised: an HTTP status, or a network error code. */
export interface Failure {
  readonly status?: number;
  readonly body?: K8sStatus;
  /** node-fetch / Node system error code: ECONNREFUSED, ECONNRESET, ETIMEDOUT, CERT_HAS_EXPIRED… */
  readonly errno?: string;
  /** argo-gen gave up waiting: no complete answer within the request timeout (`--request-timeout`). */
  readonly timeoutMs?: number;
  readonly message: string;
}

/**
 * ApiException (`code`, `body` = the response text, a JSON Status), a Watch failure (plain Error with `statusCode`),
 * a Status object from a watch ERROR event, or a FetchError (`code`/`errno`, possibly nested in `cause`).
 * Duck-typed so that this module does not load client-node.
 */
export function toFailure(error: unknown): Failure {
  const known = (error as { [FAILURE]?: Failure } | null)?.[FAILURE];
  if (known) return known;
  if (error instanceof RequestTimeoutError) return { timeoutMs: error.timeoutMs, message: error.message };
  const e = (error ?? {}) as {
    code?: unknown;
    statusCode?: unknown;
    body?: unknown;
    message?: unknown;
    errno?: unknown;
    cause?: unknown;
    kind?: unknown;
  };
  const message = typeof e.message === 'string' ? e.message : String(error);
  if (e.kind === 'Status' && typeof e.code === 'number') return { status: e.code, body: e as K8sStatus, message };
  const status = typeof e.code === 'number' ? e.code : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status !== undefined) return { status, body: parseBody(e.body), message };
  const errno = networkCode(error);
  return errno ? { errno, message } : { message };
}

function parseBody(body: unknown): K8sStatus | undefined {
  if (typeof body === 'string') {
    try {
      const v = JSON.parse(body) as unknown;
      return v && typeof v === 'object' ? (v as K8sStatus) : { message: body };
    } catch {
      return body ? { message: body } : undefined;
    }
  }
  return body && typeof body === 'object' ? (body as K8sStatus) : undefined;
}

function networkCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; errno?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; i++) {
    if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) return e.code;
    if (typeof e.errno === 'string' && /^[A-Z_]+$/.test(e.errno)) return e.errno;
    e = e.cause as typeof e;
  }
  return undefined;
}

const CONNECTION = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Worth retrying: the request may succeed if sent again (connection trouble, throttling, a server hiccup). */
export function isTransient(f: Failure): boolean {
  if (f.errno) return CONNECTION.has(f.errno);
  if (isTypedPatchError(f)) return false;
  if (f.status === 429 || (f.status !== undefined && f.status >= 500 && f.status !== 501)) return true;
  // etcd timeouts surface as 500 (handled above) or as a Status with reason Timeout / ServerTimeout.
  return f.body?.reason === 'ServerTimeout' || f.body?.reason === 'Timeout';
}

/**
 * Server-side apply answers a body that does not fit the CRD's schema (a number where a string belongs) with 500
 * "failed to create typed patch object", not 422. It is the object that is wrong, not the server.
 */
function isTypedPatchError(f: Failure): boolean {
  return f.status === 500 && /failed to create typed patch object/.test(f.body?.message ?? '');
}

/** A failure turned into the one-line issue the CLI prints. */
export function translate(error: unknown, at: Attempt): ArgoGenError {
  if (error instanceof ArgoGenError) return error;
  const failure = toFailure(error);
  const translated = new ArgoGenError([issueFor(failure, at)]);
  // Kept (not enumerable) so that retry decisions can still be made on the translated error.
  Object.defineProperty(translated, FAILURE, { value: failure });
  return translated;
}

export function issueFor(f: Failure, at: Attempt): Issue {
  const r = RESOURCES[at.kind];
  const subject = subjectOf(at);
  const server = at.server ? ` ${at.server}` : '';
  const ctx = at.context ? ` (context '${at.context}')` : '';
  const said = (f.body?.message ?? '').trim();
  const where = r.namespaced && at.namespace ? ` in namespace '${at.namespace}'` : '';
  const make = (code: string, message: string) => issue(code, '', message, { subject });
  if (f.timeoutMs !== undefined)
    return make(
      'kube/timeout',
      `no answer from the API server${server} within ${seconds(f.timeoutMs)} (--request-timeout); check that the cluster is healthy, or allow more time${ctx}`,
    );
  if (f.errno) {
    const tls = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(f.errno);
    return make(
      'kube/unreachable',
      tls
        ? `TLS error talking to the API server${server}: ${f.errno}; check certificate-authority in the kubeconfig${ctx}`
        : `cannot reach the API server${server}: ${f.errno}; check that the cluster is running and the kubeconfig's server is right${ctx}`,
    );
  }
  if (isTypedPatchError(f)) return make('kube/invalid', `rejected by the API server: ${said}`);
  switch (f.status) {
    case undefined:
      return make('kube/error', `${firstLine(f.message)}${ctx}`);
    case 401:
      return make(
        'kube/unauthorized',
        `unauthorized: the API server${server} rejected the credentials; refresh the token or check the kubeconfig user${ctx}`,
      );
    case 403:
      return make(
        'kube/forbidden',
        `forbidden: ${said || `cannot ${at.verb} ${r.plural}`}; ask a cluster admin for '${at.verb}' on ${r.plural}.argoproj.io${where} (docs/kube.md lists the RBAC each command needs)`,
      );
    case 404:
      return make('kube/not-found', notFound(said, f.body, at));
    case 409:
      if (at.verb === 'update')
        return make('kube/conflict', `conflict: ${said || 'the object was changed meanwhile'}; try again`);
      return f.body?.reason === 'AlreadyExists'
        ? make('kube/conflict', `already exists: ${said}; use apply to update it, or another name`)
        : make(
            'kube/conflict',
            `conflict: ${said}; another field manager owns these fields: re-run with --force-conflicts to take them over`,
          );
    case 400:
    case 422:
      return make('kube/invalid', `rejected by the API server: ${said || f.message}`);
    case 504:
      return make('kube/timeout', `the API server timed out: ${said || 'no answer'}; try again later`);
    default:
      if (f.status === 429 || f.status >= 500)
        return make(
          'kube/unreachable',
          `the API server${server} answered ${f.status}${f.body?.reason ? ` ${f.body.reason}` : ''}${said ? `: ${said}` : ''}; try again later`,
        );
      return make('kube/error', `the API server answered ${f.status}: ${said || firstLine(f.message)}`);
  }
}

function notFound(said: string, body: K8sStatus | undefined, at: Attempt): string {
  const r = RESOURCES[at.kind];
  // No name in the details and no "<plural> ... not found" text: the URL itself is unknown, i.e. no Argo CRDs.
  if (/could not find the requested resource/.test(said) || (!body?.details?.name && !said))
    return `the API server does not know ${r.plural}.argoproj.io: is Argo Workflows installed (its CRDs)?`;
  if (body?.details?.kind === 'namespaces')
    return `namespace '${body.details.name}' does not exist; create it or choose another with -n`;
  const list = `argo-gen list ${r.singular}${r.namespaced && at.namespace ? ` -n ${at.namespace}` : ''}`;
  return `not found: ${said || `${r.plural} "${at.name}" not found`}; check the name and namespace (\`${list}\`)`;
}

function subjectOf(at: Attempt): string {
  const r = RESOURCES[at.kind];
  const what = at.name ? `${r.singular}/${at.name}` : r.plural;
  return r.namespaced && at.namespace ? `${what} in namespace '${at.namespace}'` : what;
}

/** `30s`, `1.5s`, `20ms`: the request timeout as the user gave it. */
function seconds(ms: number): string {
  return ms < 1000 ? `${ms}ms` : `${ms / 1000}s`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

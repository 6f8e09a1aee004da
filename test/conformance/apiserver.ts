import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';

/**
 * The second oracle: a Kubernetes API server with one Argo release's full CRDs (test/cluster/up.sh installs those of
 * the version the cluster runs, and each extra API server those of its release), asked with a server-side dry-run create, as `kubectl create --dry-run=server` does
 * (`fieldValidation=Strict`, kubectl's default). It enforces what the Go validator does not: the CRDs' OpenAPI schema
 * (types, enums, patterns, required fields) and their CEL rules, and the object metadata rules (name or generateName,
 * DNS-1123 names).
 */
export interface ApiServer {
  readonly server: string;
  readonly ca: Buffer;
  readonly token: string;
  /** Namespace that namespaced objects are dry-run into (created on first use). */
  readonly namespace: string;
}

export interface ApiVerdict {
  readonly verdict: 'valid' | 'invalid';
  /** The API server's Status message when it refuses the object. */
  readonly error: string;
}

const PLURALS: Readonly<Record<string, { readonly plural: string; readonly namespaced: boolean }>> = {
  Workflow: { plural: 'workflows', namespaced: true },
  WorkflowTemplate: { plural: 'workflowtemplates', namespaced: true },
  ClusterWorkflowTemplate: { plural: 'clusterworkflowtemplates', namespaced: false },
  CronWorkflow: { plural: 'cronworkflows', namespaced: true },
};

/**
 * The API servers of the test cluster that test/cluster/with-cluster.sh started (its env.sh), by the Argo release whose
 * full CRDs each carries (`ARGO_GEN_K8S_CRD_SERVERS="v4.1.2=https://… v4.0.10=https://…"`); empty outside one.
 */
export function apiServersFromEnv(env: NodeJS.ProcessEnv = process.env): Map<string, ApiServer> {
  const { ARGO_GEN_K8S_CRD_SERVERS: servers, ARGO_GEN_K8S_CA: ca, ARGO_GEN_K8S_ADMIN_TOKEN_FILE: token } = env;
  const out = new Map<string, ApiServer>();
  if (!servers || !ca || !token) return out;
  const common = { ca: readFileSync(ca), token: readFileSync(token, 'utf8').trim(), namespace: 'argo-gen-conformance' };
  for (const entry of servers.split(/\s+/).filter((e) => e !== '')) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new Error(`ARGO_GEN_K8S_CRD_SERVERS: expected <release>=<url>, got '${entry}'`);
    out.set(entry.slice(0, at), { ...common, server: entry.slice(at + 1) });
  }
  return out;
}

interface Response {
  readonly status: number;
  readonly body: string;
}

function send(api: ApiServer, agent: Agent, method: string, path: string, body: unknown): Promise<Response> {
  const url = new URL(path, api.server);
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        agent,
        ca: api.ca,
        headers: {
          authorization: `Bearer ${api.token}`,
          'content-type': method === 'PATCH' ? 'application/apply-patch+yaml' : 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const statusMessage = (body: string): string => {
  try {
    const s = JSON.parse(body) as { message?: unknown };
    return typeof s.message === 'string' ? s.message : body;
  } catch {
    return body;
  }
};

/**
 * Dry-runs the creation of each object (JSON as go-yaml reads the document; `undefined` entries are not sent and
 * get `undefined`). Namespaced objects go to `api.namespace` whatever their own namespace (which may not exist);
 * cluster-scoped ones lose theirs, as kubectl would drop it. A 4xx answer is a refusal; anything else is an error.
 */
export async function dryRunCreate(
  api: ApiServer,
  objects: readonly (unknown | undefined)[],
  concurrency = 4,
): Promise<(ApiVerdict | undefined)[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, ca: api.ca });
  try {
    const ns = await send(
      api,
      agent,
      'PATCH',
      `/api/v1/namespaces/${api.namespace}?fieldManager=argo-gen-conformance`,
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: api.namespace },
      },
    );
    if (ns.status >= 300) throw new Error(`cannot create namespace ${api.namespace}: ${ns.status} ${ns.body}`);
    const out: (ApiVerdict | undefined)[] = new Array(objects.length).fill(undefined);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < objects.length; i = next++) out[i] = await dryRunOne(api, agent, objects[i]);
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return out;
  } finally {
    agent.destroy();
  }
}

async function dryRunOne(api: ApiServer, agent: Agent, object: unknown): Promise<ApiVerdict | undefined> {
  if (object === null || typeof object !== 'object' || Array.isArray(object)) return undefined;
  const obj = structuredClone(object) as { kind?: unknown; metadata?: unknown };
  const kind = typeof obj.kind === 'string' ? PLURALS[obj.kind] : undefined;
  if (!kind) return undefined;
  const metadata =
    obj.metadata !== null && typeof obj.metadata === 'object' ? (obj.metadata as Record<string, unknown>) : {};
  obj.metadata = metadata;
  if (kind.namespaced) metadata.namespace = api.namespace;
  else delete metadata.namespace;
  const at = kind.namespaced ? `/namespaces/${api.namespace}` : '';
  const res = await send(
    api,
    agent,
    'POST',
    `/apis/argoproj.io/v1alpha1${at}/${kind.plural}?dryRun=All&fieldValidation=Strict`,
    obj,
  );
  if (res.status >= 200 && res.status < 300) return { verdict: 'valid', error: '' };
  if (res.status >= 400 && res.status < 500) return { verdict: 'invalid', error: statusMessage(res.body) };
  throw new Error(`API server answered ${res.status} to a dry-run create of a ${String(obj.kind)}: ${res.body}`);
}

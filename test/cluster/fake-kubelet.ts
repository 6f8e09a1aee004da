/**
 * Fake kubelet + Argo executor for the test cluster. Runs nothing: for every Argo workflow pod it
 *   1. binds the pod to Node fake-node-0 (there is no scheduler),
 *   2. reports the pod Running (after an optional delay, see "duration"),
 *   3. creates the completed WorkflowTaskResult that Argo's executor would create (without it the
 *      controller waits for outputs forever, see ../shared/docs/real-cluster.md §9.3),
 *   4. reports the pod Succeeded or Failed with terminated statuses for every container.
 * A daemon template's pod (`daemon: true`) that is to succeed stays Running and ready, with a pod IP, until it is
 * deleted: the controller's kill (a signal through `pods/exec`) cannot reach a fake pod, and the controller marks the
 * node itself (exec_control.go killDaemonedChildren). One that is to fail is never ready, so it never becomes daemoned.
 * The controller then walks the DAG/steps exactly as with real pods.
 *
 * Tests choose failures and outputs; see docs/cluster.md "Fake kubelet" for the full contract:
 *   - pod annotation  argo-gen.test/fail: "true"         (template metadata.annotations or
 *                                                          Workflow spec.podMetadata; Argo copies both onto the pod)
 *   - Workflow annotation  argo-gen.test/fail-tasks: "perf-gate,other"  (task/step or template names)
 *   - ConfigMap argo-gen-fake-kubelet in the workflow's namespace, key fail-tasks (same format), for
 *     Workflows the test does not write itself (e.g. submitted by the CLI from a WorkflowTemplate)
 *   - argo-gen.test/exit-code (pod annotation): exit code of a failing pod, default 1
 *   - outputs: pod annotation argo-gen.test/outputs '{"param":"v","result":"r"}', or
 *     Workflow annotation / ConfigMap key `outputs` '{"<task>":{"param":"v"}}'
 *   - argo-gen.test/duration-ms (pod or Workflow annotation, ConfigMap key duration-ms): time a
 *     pod stays Running; default $FAKE_KUBELET_DURATION_MS or 0
 *   - Workflow annotation argo-gen.test/outcomes '{"<node, display or template name>": outcome | [outcome per attempt]}':
 *     the outcome of each node as @argo-gen/simulate takes it (the differential suite, test/e2e/simulate-*.ts)
 *
 * Plain node builtins only (no client library), so start-up stays ~instant.
 * Env: ARGO_GEN_K8S_SERVER (https://127.0.0.1:port), ARGO_GEN_K8S_CA (CA file),
 *      ARGO_GEN_K8S_TOKEN_FILE (bearer token with cluster-admin rights).
 */
import { readFileSync } from 'node:fs';
import https from 'node:https';

const NODE_NAME = 'fake-node-0';
const WF_LABEL = 'workflows.argoproj.io/workflow';
const CONFIGMAP = 'argo-gen-fake-kubelet';
const A = {
  fail: 'argo-gen.test/fail',
  failTasks: 'argo-gen.test/fail-tasks',
  exitCode: 'argo-gen.test/exit-code',
  outputs: 'argo-gen.test/outputs',
  duration: 'argo-gen.test/duration-ms',
  outcomes: 'argo-gen.test/outcomes',
};

function requireEnv(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`fake-kubelet: ${name} is not set`);
  return v;
}
const server = new URL(requireEnv('ARGO_GEN_K8S_SERVER'));
const token = readFileSync(requireEnv('ARGO_GEN_K8S_TOKEN_FILE'), 'utf8').trim();
const agent = new https.Agent({ ca: readFileSync(requireEnv('ARGO_GEN_K8S_CA')), keepAlive: true });
const defaultDurationMs = Number(process.env.FAKE_KUBELET_DURATION_MS ?? 0);

const log = (msg: string): void => console.log(`${new Date().toISOString()} ${msg}`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Kubernetes timestamps have second precision. */
const k8sTime = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

// ---- minimal shapes of the objects we read -------------------------------------------------------
type StringMap = Record<string, string>;
interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  labels?: StringMap;
  annotations?: StringMap;
  deletionTimestamp?: string;
  ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string }[];
}
interface Container {
  name: string;
  image?: string;
  env?: { name: string; value?: string }[];
}
interface Pod {
  metadata: Meta;
  spec: { nodeName?: string; containers: Container[]; initContainers?: Container[] };
  status?: { phase?: string };
}
interface List<T> {
  metadata: { resourceVersion: string };
  items: T[];
}
interface Template {
  name?: string;
  daemon?: boolean;
  outputs?: {
    parameters?: { name: string; value?: string; valueFrom?: { default?: string } }[];
    artifacts?: { name: string; path?: string; optional?: boolean }[];
  };
}

class ApiError extends Error {
  readonly status: number;
  constructor(status: number, body: string) {
    super(`HTTP ${status}: ${body.slice(0, 300)}`);
    this.status = status;
  }
}

// ---- HTTP --------------------------------------------------------------------------------------
function request(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<string> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = https.request(
      new URL(path, server),
      {
        method,
        agent,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(data === undefined ? {} : { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(data) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status >= 400) reject(new ApiError(status, text));
          else resolve(text);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}
const api = async <T>(method: string, path: string, body?: unknown, contentType?: string): Promise<T> =>
  JSON.parse(await request(method, path, body, contentType)) as T;
/** GET that maps 404 to undefined. */
async function getOptional<T>(path: string): Promise<T | undefined> {
  try {
    return await api<T>('GET', path);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return undefined;
    throw e;
  }
}
/** Server-side apply: creates or updates, idempotent. */
const applyObject = (path: string, obj: unknown) =>
  request('PATCH', `${path}?fieldManager=argo-gen-fake-kubelet&force=true`, obj, 'application/apply-patch+yaml');
const patchStatus = (pod: Pod, status: unknown) =>
  request(
    'PATCH',
    `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/status`,
    { status },
    'application/merge-patch+json',
  );

// ---- what the test asked for ----------------------------------------------------------------------
function parseJson(text: string | undefined, where: string): Record<string, unknown> {
  if (!text) return {};
  try {
    const v: unknown = JSON.parse(text);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // fall through
  }
  log(`warning: ignoring ${where}: not a JSON object`);
  return {};
}
const nameList = (s: string | undefined) =>
  new Set(
    (s ?? '')
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );

/** Task or step name of a pod's node: "wf.outer.perf-gate(0)" -> "perf-gate", "wf[0].build" -> "build". */
function taskName(pod: Pod): string {
  const node = pod.metadata.annotations?.['workflows.argoproj.io/node-name'] ?? '';
  return (node.split('.').pop() ?? '').replace(/(\([^)]*\))+$/, '');
}

/** The template Argo passes to its executor in ARGO_TEMPLATE (or in a ConfigMap when it is large). */
async function templateOf(pod: Pod): Promise<Template> {
  for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) {
    const v = c.env?.find((e) => e.name === 'ARGO_TEMPLATE')?.value;
    if (v === 'offloaded') {
      const cm = await getOptional<{ data?: StringMap }>(
        `/api/v1/namespaces/${pod.metadata.namespace}/configmaps/${pod.metadata.name}`,
      );
      return JSON.parse(cm?.data?.ARGO_TEMPLATE ?? '{}') as Template;
    }
    if (v) return JSON.parse(v) as Template;
  }
  return {};
}

/** A node's outcome in @argo-gen/simulate's form (its `LeafOutcome`), as the differential suite writes it. */
interface Outcome {
  phase: 'Succeeded' | 'Failed' | 'Error';
  exitCode?: number;
  /** How long the pod stays Running. */
  durationSeconds?: number;
  parameters?: Record<string, string>;
  result?: string;
}

/**
 * The node's display name: its node name after the parent's ("wf.outer.gate(1)" -> "gate(1)", "wf[0].build" ->
 * "build"); the trailing "(…)" groups of loop items and retry attempts are read as wholes, so a "." in an item stays.
 */
function displayNameOf(nodeName: string): string {
  let end = nodeName.length;
  while (nodeName[end - 1] === ')') {
    let depth = 0;
    let i = end - 1;
    for (; i >= 0; i--) {
      if (nodeName[i] === ')') depth++;
      else if (nodeName[i] === '(' && --depth === 0) break;
    }
    if (i <= 0) break;
    end = i;
  }
  const start = Math.max(nodeName.lastIndexOf('.', end - 1), nodeName.lastIndexOf(']', end - 1)) + 1;
  return nodeName.slice(start);
}

/**
 * The outcome chosen for a pod by the Workflow's `argo-gen.test/outcomes`, matched as @argo-gen/simulate matches its
 * `outcomes`: by node name, then display name, then template name, the most specific first. A retry attempt's node
 * ("gate(1)") is also matched by its retried node's names ("gate"); a list gives one outcome per attempt, its last
 * for every later one.
 */
function outcomeFor(pod: Pod, templateName: string | undefined, table: Record<string, unknown>): Outcome | undefined {
  const nodeName = pod.metadata.annotations?.['workflows.argoproj.io/node-name'] ?? '';
  const retry = /\((\d+)\)$/.exec(nodeName);
  const attempt = retry ? Number(retry[1]) : 0;
  const retried = retry ? nodeName.slice(0, retry.index) : undefined;
  const candidates = [nodeName, retried, displayNameOf(nodeName), retried && displayNameOf(retried), templateName];
  const key = candidates.find((k): k is string => !!k && Object.hasOwn(table, k));
  if (key === undefined) return undefined;
  const rule = table[key];
  const chosen = Array.isArray(rule) ? rule[Math.min(attempt, rule.length - 1)] : rule;
  if (typeof chosen === 'string') return { phase: chosen as Outcome['phase'] };
  if (chosen && typeof chosen === 'object') {
    const o = chosen as Partial<Outcome> & { exitCode?: number };
    return { ...o, phase: o.phase ?? (o.exitCode ? 'Failed' : 'Succeeded') };
  }
  return undefined;
}

interface Plan {
  fail: boolean;
  exitCode: number;
  /** The wait container fails too: Argo reports the node as Error (operator.go inferFailedReason). */
  error: boolean;
  /** Whether the executor would capture stdout as `result`. */
  includeResult: boolean;
  durationMs: number;
  outputs: Record<string, unknown>;
  task: string;
  template: Template;
  owner: { apiVersion: string; kind: string; name: string; uid: string } | undefined;
}

async function planFor(pod: Pod): Promise<Plan> {
  const ns = pod.metadata.namespace ?? 'default';
  const wfName = pod.metadata.labels?.[WF_LABEL] ?? '';
  const [wf, cm, template] = await Promise.all([
    getOptional<{ metadata: Meta }>(`/apis/argoproj.io/v1alpha1/namespaces/${ns}/workflows/${wfName}`),
    getOptional<{ data?: StringMap }>(`/api/v1/namespaces/${ns}/configmaps/${CONFIGMAP}`),
    templateOf(pod),
  ]);
  const podAnn = pod.metadata.annotations ?? {};
  const wfAnn = wf?.metadata.annotations ?? {};
  const cmData = cm?.data ?? {};
  const task = taskName(pod);
  const names = [task, template.name].filter((n): n is string => !!n);
  const listed = (s: string | undefined) => {
    const set = nameList(s);
    return names.some((n) => set.has(n));
  };
  const chosen = outcomeFor(pod, template.name, parseJson(wfAnn[A.outcomes], `Workflow ${wfName} ${A.outcomes}`));
  const error = chosen?.phase === 'Error';
  const fail =
    chosen?.phase === 'Failed' ||
    error ||
    podAnn[A.fail] === 'true' ||
    listed(wfAnn[A.failTasks]) ||
    listed(cmData['fail-tasks']);
  const perTask = (text: string | undefined, where: string) => {
    const v = parseJson(text, where)[task];
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  };
  const outputs = {
    ...perTask(cmData.outputs, `ConfigMap ${CONFIGMAP} outputs`),
    ...perTask(wfAnn[A.outputs], `Workflow ${wfName} ${A.outputs}`),
    ...parseJson(podAnn[A.outputs], `pod ${pod.metadata.name} ${A.outputs}`),
    ...chosen?.parameters,
    ...(chosen?.result === undefined ? {} : { result: chosen.result }),
  };
  const duration =
    chosen?.durationSeconds !== undefined
      ? String(chosen.durationSeconds * 1000)
      : (podAnn[A.duration] ?? wfAnn[A.duration] ?? cmData['duration-ms']);
  const exitCode =
    chosen?.exitCode !== undefined && !error
      ? chosen.exitCode
      : fail && !error
        ? Number(podAnn[A.exitCode] ?? 1) || 1
        : 0;
  const owner =
    pod.metadata.ownerReferences?.find((o) => o.kind === 'Workflow') ??
    (wf?.metadata.uid
      ? { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: wfName, uid: wf.metadata.uid }
      : undefined);
  const includeResult = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].some((c) =>
    c.env?.some((e) => e.name === 'ARGO_INCLUDE_SCRIPT_OUTPUT' && e.value === 'true'),
  );
  return {
    fail,
    exitCode,
    error,
    includeResult,
    durationMs: duration === undefined ? defaultDurationMs : Number(duration) || 0,
    outputs,
    task,
    template,
    owner,
  };
}

// ---- the pod's life ----------------------------------------------------------------------------
function containerStatuses(cs: Container[], state: (c: Container) => unknown, running: boolean) {
  return cs.map((c) => ({
    name: c.name,
    image: c.image ?? '',
    imageID: '',
    containerID: `fake://${c.name}`,
    ready: running,
    started: running,
    restartCount: 0,
    state: state(c),
  }));
}
const terminated = (exitCode: number, startedAt: string, finishedAt: string) => ({
  terminated: { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', startedAt, finishedAt },
});

/** A daemon's pod IP (what `{{tasks.<name>.ip}}` reads): an address of TEST-NET-1 (RFC 5737), from the pod's uid. */
function podIpOf(pod: Pod): string {
  let h = 0;
  for (const ch of pod.metadata.uid ?? pod.metadata.name) h = (h * 31 + ch.charCodeAt(0)) % 254;
  return `192.0.2.${h + 1}`;
}

/** The WorkflowTaskResult the executor's wait container would write (workflow/executor/taskresult.go). */
function taskResult(pod: Pod, plan: Plan) {
  const given = plan.outputs;
  const str = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  const parameters = (plan.template.outputs?.parameters ?? []).map((p) => ({
    name: p.name,
    value: str(given[p.name] ?? p.valueFrom?.default ?? p.value ?? ''),
  }));
  // Required (non-optional) output artifacts must be present or the node never Succeeds; a raw
  // artifact is the one location that needs no artifact repository.
  const artifacts = (plan.template.outputs?.artifacts ?? [])
    .filter((a) => !a.optional)
    .map((a) => ({ name: a.name, ...(a.path ? { path: a.path } : {}), raw: { data: '' } }));
  const outputs: Record<string, unknown> = {
    exitCode: String(plan.exitCode),
    // The executor reports stdout as `result` only when the controller asks for it (ARGO_INCLUDE_SCRIPT_OUTPUT, set
    // when the workflow reads a result): a "" it was not asked for would break, for example, the aggregation of a
    // loop's outputs, which parses each result as JSON (operator.go processAggregateNodeOutputs).
    ...(plan.includeResult ? { result: str(given.result ?? '') } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(artifacts.length ? { artifacts } : {}),
  };
  const nodeId = pod.metadata.annotations?.['workflows.argoproj.io/node-id'] ?? pod.metadata.name;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'WorkflowTaskResult',
    metadata: {
      name: nodeId,
      namespace: pod.metadata.namespace,
      labels: {
        [WF_LABEL]: pod.metadata.labels?.[WF_LABEL] ?? '',
        'workflows.argoproj.io/report-outputs-completed': 'true',
      },
      ...(plan.owner ? { ownerReferences: [plan.owner] } : {}),
    },
    outputs,
  };
}

async function runPod(pod: Pod): Promise<void> {
  const { name, namespace } = pod.metadata;
  const plan = await planFor(pod);
  if (!pod.spec.nodeName) {
    try {
      await request('POST', `/api/v1/namespaces/${namespace}/pods/${name}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name, namespace },
        target: { apiVersion: 'v1', kind: 'Node', name: NODE_NAME },
      });
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 409)) throw e; // 409: already bound
    }
  }
  const init = pod.spec.initContainers ?? [];
  const started = k8sTime(new Date());
  // A daemon that is to fail is never ready: the controller would otherwise mark it daemoned (operator.go
  // assessNodeStatus) if it looked between the two patches, and its dependants would start.
  const ready = !(plan.template.daemon && plan.fail);
  const readiness = ready ? 'True' : 'False';
  await patchStatus(pod, {
    phase: 'Running',
    startTime: started,
    ...(plan.template.daemon ? { podIP: podIpOf(pod), podIPs: [{ ip: podIpOf(pod) }] } : {}),
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: started },
      { type: 'Initialized', status: 'True', lastTransitionTime: started },
      { type: 'ContainersReady', status: readiness, lastTransitionTime: started },
      { type: 'Ready', status: readiness, lastTransitionTime: started },
    ],
    initContainerStatuses: containerStatuses(init, () => terminated(0, started, started), false),
    containerStatuses: containerStatuses(pod.spec.containers, () => ({ running: { startedAt: started } }), ready),
  });
  if (plan.template.daemon && !plan.fail) {
    log(
      `${namespace}/${name} task=${plan.task || '-'} template=${plan.template.name ?? '-'} -> Running, ready (daemon)`,
    );
    return;
  }
  if (plan.durationMs > 0) await sleep(plan.durationMs);

  // The task result first: once the pod is terminal, the controller needs it to settle the node.
  const result = taskResult(pod, plan);
  await applyObject(
    `/apis/argoproj.io/v1alpha1/namespaces/${namespace}/workflowtaskresults/${result.metadata.name}`,
    result,
  );

  const finished = k8sTime(new Date());
  // The wait container always exits 0 (a non-zero wait means "executor broke" to Argo); every other
  // container gets the chosen exit code, so container-set templates fail too.
  const exitOf = (c: Container) =>
    c.name === 'wait' || c.name === 'supervisor' ? (plan.error ? 1 : 0) : plan.exitCode;
  await patchStatus(pod, {
    phase: plan.fail ? 'Failed' : 'Succeeded',
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: started },
      { type: 'Initialized', status: 'True', lastTransitionTime: started },
      { type: 'ContainersReady', status: 'False', reason: 'PodCompleted', lastTransitionTime: finished },
      { type: 'Ready', status: 'False', reason: 'PodCompleted', lastTransitionTime: finished },
    ],
    initContainerStatuses: containerStatuses(init, () => terminated(0, started, started), false),
    containerStatuses: containerStatuses(pod.spec.containers, (c) => terminated(exitOf(c), started, finished), false),
  });
  log(
    `${namespace}/${name} task=${plan.task || '-'} template=${plan.template.name ?? '-'} -> ` +
      `${plan.error ? 'Error (wait exits 1)' : plan.fail ? `Failed (exit ${plan.exitCode})` : 'Succeeded'}`,
  );
}

// ---- watch loop ------------------------------------------------------------------------------------
const handled = new Set<string>(); // pod UIDs already completed (or being completed)

function consider(pod: Pod): void {
  const uid = pod.metadata.uid ?? '';
  const phase = pod.status?.phase;
  if (!uid || handled.has(uid) || pod.metadata.deletionTimestamp) return;
  if (phase === 'Succeeded' || phase === 'Failed') return;
  handled.add(uid);
  void (async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        await runPod(pod);
        return;
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) return; // pod deleted meanwhile
        log(`error on ${pod.metadata.namespace}/${pod.metadata.name} (attempt ${attempt}): ${String(e)}`);
        if (attempt >= 5) return;
        await sleep(500 * attempt);
      }
    }
  })();
}

/** Stream watch events until the server ends the stream or reports an error (e.g. 410 Gone). */
function watch(resourceVersion: string): Promise<void> {
  const path =
    `/api/v1/pods?labelSelector=${encodeURIComponent(WF_LABEL)}&watch=true` +
    `&resourceVersion=${resourceVersion}&timeoutSeconds=300&allowWatchBookmarks=true`;
  return new Promise((resolve, reject) => {
    const req = https.request(
      new URL(path, server),
      { agent, headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new ApiError(res.statusCode ?? 0, 'watch refused'));
          res.resume();
          return;
        }
        let buf = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buf += chunk;
          let nl = buf.indexOf('\n');
          while (nl >= 0) {
            const line = buf.slice(0, nl);
            buf = buf.slice(nl + 1);
            nl = buf.indexOf('\n');
            if (!line.trim()) continue;
            const ev = JSON.parse(line) as { type: string; object: Pod };
            if (ev.type === 'ADDED' || ev.type === 'MODIFIED') consider(ev.object);
            else if (ev.type === 'ERROR') {
              // typically 410 Gone: our resourceVersion is too old; re-list.
              req.destroy();
              resolve();
              return;
            }
          }
        });
        res.on('end', () => resolve());
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  await applyObject(`/api/v1/nodes/${NODE_NAME}`, {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: NODE_NAME, labels: { 'kubernetes.io/hostname': NODE_NAME, type: 'fake' } },
  });
  let announced = false;
  for (;;) {
    try {
      const list = await api<List<Pod>>('GET', `/api/v1/pods?labelSelector=${encodeURIComponent(WF_LABEL)}`);
      for (const pod of list.items) consider(pod);
      if (!announced) {
        log(`watching pods labelled ${WF_LABEL} in all namespaces; node ${NODE_NAME}`);
        announced = true;
      }
      await watch(list.metadata.resourceVersion);
    } catch (e) {
      log(`watch error: ${String(e)}; retrying`);
      await sleep(1000);
    }
  }
}

for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => process.exit(0));
main().catch((e: unknown) => {
  log(`fatal: ${String(e)}`);
  process.exit(1);
});

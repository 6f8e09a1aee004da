// Helpers for the end-to-end tests: run the CLI in-process against the test cluster that
// test/cluster/with-cluster.sh started (its env.sh sets KUBECONFIG and the ARGO_GEN_K8S_* paths), and inspect the
// cluster as the admin through client-node directly, independently of the code under test.
import { CoreV1Api, CustomObjectsApi, KubeConfig, PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { type CliResult, runCli } from '../../packages/cli/test/run-cli.js';
import { REPO_ROOT } from '../paths.js';

function env(name: string): string {
  const v = process.env[name];
  if (!v)
    throw new Error(
      `${name} is not set: run the e2e tests through \`pnpm test:cluster\` (test/cluster/with-cluster.sh)`,
    );
  return v;
}

export const ADMIN_KUBECONFIG = env('ARGO_GEN_K8S_ADMIN_KUBECONFIG');
export const DEV_KUBECONFIG = env('ARGO_GEN_K8S_DEV_KUBECONFIG');

/** `argo-gen <args>` in-process, as the admin unless the args say otherwise, from the repository root. */
export function argoGen(...args: string[]): Promise<CliResult> {
  return runCli(args.includes('--kubeconfig') ? args : ['--kubeconfig', ADMIN_KUBECONFIG, ...args], REPO_ROOT);
}

const kc = new KubeConfig();
kc.loadFromFile(ADMIN_KUBECONFIG);
export const core = kc.makeApiClient(CoreV1Api);
export const custom = kc.makeApiClient(CustomObjectsApi);
const ARGO = { group: 'argoproj.io', version: 'v1alpha1' } as const;

/** Creates (or keeps) a namespace; every test file works in its own. */
export async function namespace(name: string): Promise<string> {
  await core.patchNamespace(
    { name, body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, fieldManager: 'e2e', force: true },
    setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
  );
  return name;
}

/**
 * A ServiceAccount (server-side apply). The Burger Stack's steps that need no API token run with
 * `automountServiceAccountToken: false`, and Argo's executor then looks up `executor.serviceAccountName`
 * (`burger-executor`) before it creates their pods.
 */
export async function serviceAccount(ns: string, name: string): Promise<void> {
  await core.patchNamespacedServiceAccount(
    {
      name,
      namespace: ns,
      body: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } },
      fieldManager: 'e2e',
      force: true,
    },
    setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
  );
}

/** The fake kubelet's per-namespace knobs (test/cluster/fake-kubelet.ts): fail-tasks, duration-ms, outputs. */
export async function fakeKubelet(ns: string, data: Record<string, string>): Promise<void> {
  await core.patchNamespacedConfigMap(
    {
      name: 'argo-gen-fake-kubelet',
      namespace: ns,
      body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argo-gen-fake-kubelet', namespace: ns }, data },
      fieldManager: 'e2e',
      force: true,
    },
    setHeaderOptions('Content-Type', PatchStrategy.ServerSideApply),
  );
}

interface Listed {
  items: { metadata: { name: string }; status?: { phase?: string; nodes?: Record<string, NodeStatus> } }[];
}
interface NodeStatus {
  displayName?: string;
  type?: string;
  phase?: string;
}

export async function objectNames(plural: string, ns: string): Promise<string[]> {
  const list = (await custom.listNamespacedCustomObject({ ...ARGO, plural, namespace: ns })) as Listed;
  return list.items.map((i) => i.metadata.name).sort();
}

export async function workflow(name: string, ns: string): Promise<Listed['items'][number]> {
  return (await custom.getNamespacedCustomObject({
    ...ARGO,
    plural: 'workflows',
    namespace: ns,
    name,
  })) as Listed['items'][number];
}

/** Task name → node phase, for the DAG's task nodes. */
export async function nodePhases(name: string, ns: string): Promise<Record<string, string>> {
  const wf = await workflow(name, ns);
  const out: Record<string, string> = {};
  for (const [id, n] of Object.entries(wf.status?.nodes ?? {})) {
    if (id === name || n.type === 'DAG' || !n.displayName) continue;
    out[n.displayName] = n.phase ?? '';
  }
  return out;
}

/** The name the CLI printed in `workflow/<name> created in namespace '…'`. */
export function createdName(stdout: string): string {
  const m = /^workflow\/(\S+) created/m.exec(stdout);
  if (!m) throw new Error(`no workflow was created; output:\n${stdout}`);
  return m[1] as string;
}

/** Polls `probe` until it returns a value, or fails naming `what` after `timeoutMs`: waits on the cluster's work. */
export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

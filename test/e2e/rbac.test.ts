// The Burger Stack under its generated RBAC (generated/rbac.yaml, from templates/rbac.ts): the objects are applied,
// each template runs on the real controller, and the API server's own RBAC authorizer (SubjectAccessReview) judges
// what every pod's ServiceAccount may do. The webhook's account gets a bounded token from the TokenRequest API and
// is refused, with kube/forbidden, what its Role does not grant.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Need } from '@argo-gen/dsl';
import {
  AuthorizationV1Api,
  KubeConfig,
  type KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../packages/cli/src/yaml/read-documents.js';
import type { StatusNode } from '../../packages/kube/src/object.js';
import burgerRbac from '../../templates/rbac.js';
import { REPO_ROOT } from '../paths.js';
import {
  ADMIN_KUBECONFIG,
  argoGen,
  core,
  createdName,
  custom,
  fakeKubelet,
  namespace,
  objectNames,
  until,
  workflow,
} from './cluster.js';

const NS = 'burger-ci';
const kc = new KubeConfig();
kc.loadFromFile(ADMIN_KUBECONFIG);
const objects = KubernetesObjectApi.makeApiClient(kc);
const authorization = kc.makeApiClient(AuthorizationV1Api);
const ARGO = { group: 'argoproj.io', version: 'v1alpha1' } as const;
const SCRATCH = path.join(REPO_ROOT, '.cache', 'e2e-rbac');

/** generated/rbac.yaml as written (one v1 List), read back from the file rather than from the DSL value. */
const generated = readDocuments(readFileSync(path.join(REPO_ROOT, 'generated/rbac.yaml'), 'utf8'), 'rbac.yaml')[0]
  ?.value as { kind: string; items: KubernetesObject[] };

/** The templates each test runs, with the arguments they need; all live in burger-ci. */
const RUNS: Record<string, { args: string[] }> = {
  'burger-build': { args: [] },
  'burger-configure': { args: [] },
  'burger-deploy-rolling': {
    args: [
      'frontend-image=r.example/f@sha256:f1',
      'backend-image=r.example/b@sha256:b1',
      'database-image=r.example/d@sha256:d1',
    ],
  },
  'burger-perf-monitor': { args: [] },
  'burger-rollback': { args: [] },
  // Waits for a manual approval (a suspend node), which the run below gives with `argo-gen resume`.
  'burger-deploy-canary': {
    args: ['frontend-image=r.example/f@sha256:f1', 'backend-image=r.example/b@sha256:b1'],
  },
  // Every stage through templateRef: its pods run the other templates' bodies under the pipeline's accounts.
  'burger-pipeline': { args: ['revision=abc123', 'tag=abc123'] },
};
const APPLIED = ['build', 'configure', 'deploy-canary', 'deploy-rolling', 'perf-monitor', 'pipeline', 'rollback'];
const createdTemplates: string[] = [];

/** Whether the API server's RBAC lets `account` do `verb` on the need's resource (and name), in its namespace. */
async function allowed(account: string, need: Need, verb: string, name?: string): Promise<boolean> {
  const [resource, subresource] = need.access.resource.split('/');
  const review = await authorization.createSubjectAccessReview({
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        user: `system:serviceaccount:${NS}:${account}`,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${NS}`, 'system:authenticated'],
        resourceAttributes: {
          namespace: need.access.namespace,
          group: need.access.apiGroup,
          resource,
          ...(subresource ? { subresource } : {}),
          verb,
          ...(name ? { name } : {}),
        },
      },
    },
  });
  return review.status?.allowed === true;
}

/** Every request a need describes: each verb, on each named object (or on the resource). */
const requests = (n: Need) =>
  n.access.verbs.flatMap((verb) => (n.access.names ?? [undefined]).map((name) => ({ verb, name })));

/**
 * Submits `template`, resumes its approvals, waits for it to succeed, then checks every pod's ServiceAccount and that
 * its Role grants what the template declares (the API server's SubjectAccessReview).
 */
async function checkRun(template: string, args: readonly string[]): Promise<void> {
  const r = await argoGen('submit', template, '-n', NS, ...args.flatMap((a) => ['-p', a]));
  expect(r.stderr).toBe('');
  const name = createdName(r.stdout);
  // Each approval (a Running suspend node) is resumed once, by name: a poll that still shows it Running before
  // the controller has moved on must not resume it again.
  const resumed = new Set<string>();
  const phase = await until(`${name} to finish`, 300_000, async () => {
    const status = (await workflow(name, NS)).status;
    const nodes = Object.entries((status?.nodes ?? {}) as Record<string, StatusNode>);
    for (const [id, n] of nodes) {
      if (n.type !== 'Suspend' || n.phase !== 'Running' || resumed.has(id)) continue;
      resumed.add(id);
      const r = await argoGen('resume', name, '-n', NS, '--node', n.displayName ?? '');
      expect(r.stderr).toBe('');
    }
    const p = status?.phase;
    return p && p !== 'Running' && p !== 'Pending' ? p : undefined;
  });
  expect(`${template}: ${phase}`).toBe(`${template}: Succeeded`);
  const nodes = (await workflow(name, NS)).status?.nodes as Record<
    string,
    { templateName?: string; templateRef?: { template?: string } }
  >;
  const pods = await core.listNamespacedPod({
    namespace: NS,
    labelSelector: `workflows.argoproj.io/workflow=${name}`,
  });
  expect(pods.items.length, `${template} ran no pod`).toBeGreaterThan(0);
  for (const pod of pods.items) {
    const nodeId = pod.metadata?.annotations?.['workflows.argoproj.io/node-id'] ?? '';
    // A templateRef call's node names its template in templateRef (the pipeline's stages).
    const t = nodes[nodeId]?.templateName || nodes[nodeId]?.templateRef?.template || '';
    const by = `${template}/${t}`;
    const needs = burgerRbac.needs.filter((n) => n.by === by);
    expect(needs.length, `${by}: no needs (at least the executor's)`).toBeGreaterThan(0);
    const podAccount = pod.spec?.serviceAccountName ?? 'default';
    // Argo mounts the executor's token from `<account>.service-account-token` into the pod.
    const secrets = (pod.spec?.volumes ?? []).flatMap((v) => (v.secret?.secretName ? [v.secret.secretName] : []));
    for (const need of needs) {
      const executorNeed = need.access.resource === 'workflowtaskresults';
      const account = need.account.name;
      if (executorNeed && account !== podAccount)
        expect(secrets, `${by}: executor token`).toContain(`${account}.service-account-token`);
      if (!executorNeed) expect(`${by} runs as ${podAccount}`).toBe(`${by} runs as ${account}`);
      for (const q of requests(need))
        expect(
          await allowed(account, need, q.verb, q.name),
          `${account} ${q.verb} ${need.access.resource}/${q.name ?? '*'} in ${need.access.namespace}`,
        ).toBe(true);
    }
  }
}

beforeAll(async () => {
  for (const ns of ['burger-ci', 'burger-staging', 'burger-prod']) await namespace(ns);
  expect(generated.kind).toBe('List');
  for (const item of generated.items)
    await objects.patch(item, undefined, undefined, 'e2e-rbac', true, PatchStrategy.ServerSideApply);
  await fakeKubelet(NS, { 'fail-tasks': '' });
  // Every template the runs and the pipeline need, in one apply (the pipeline's templateRefs are checked against them).
  const r = await argoGen('apply', ...APPLIED.map((t) => `templates/${t}.ts`));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  // apply.test.ts and burger-canary.test.ts expect to create some of these themselves: remove the ones created here.
  createdTemplates.push(...[...r.stdout.matchAll(/^workflowtemplate\/(\S+) created$/gm)].map((m) => m[1] as string));
});

afterAll(async () => {
  rmSync(SCRATCH, { recursive: true, force: true });
  await core.deleteNamespacedConfigMap({ name: 'argo-gen-fake-kubelet', namespace: NS }).catch(() => undefined);
  for (const name of createdTemplates)
    await custom.deleteNamespacedCustomObject({ ...ARGO, plural: 'workflowtemplates', namespace: NS, name });
  for (const item of generated.items) await objects.delete(item).catch(() => undefined);
});

describe('the Burger Stack under its generated RBAC', () => {
  it('each template runs (the approvals resumed): every pod’s ServiceAccount is the one rbac() gave its template, and its Role grants what the template declares', {
    timeout: 1_200_000,
  }, async () => {
    // The templates run at once (each its own Workflow, generated name): the controller walks them in parallel, so
    // the test takes as long as the longest rather than the sum. Each checks its own pods only.
    // All of them are awaited before the verdict, so a failure names every template that failed and leaves none running.
    const settled = await Promise.allSettled(
      Object.entries(RUNS).map(([template, run]) => checkRun(template, run.args)),
    );
    expect(settled.flatMap((s) => (s.status === 'rejected' ? [String(s.reason)] : []))).toEqual([]);
  });

  it('grants nothing beyond the declarations: other objects, delete, and accounts that need nothing are refused', async () => {
    const named = burgerRbac.needs.filter((n) => n.access.names);
    expect(named.length).toBeGreaterThan(5);
    for (const need of named) {
      const [verb] = need.access.verbs as [string];
      expect(
        await allowed(need.account.name, need, verb, `not-${need.access.names?.[0]}`),
        `${need.by} on another object`,
      ).toBe(false);
    }
    // Only what a step declares may be deleted (releaseStuckPods deletes pods); nothing else.
    const key = (n: Need) => `${n.account.name} ${n.access.namespace} ${n.access.apiGroup}/${n.access.resource}`;
    const deleting = new Set(burgerRbac.needs.filter((n) => n.access.verbs.includes('delete')).map(key));
    for (const need of burgerRbac.needs.filter((n) => !deleting.has(key(n))))
      expect(await allowed(need.account.name, need, 'delete'), `${key(need)}: delete`).toBe(false);
    const anyRead = burgerRbac.needs.find((n) => n.access.resource === 'deployments') as Need;
    for (const account of ['burger-builder', 'burger-pipeline'])
      expect(await allowed(account, anyRead, 'get'), `${account} reads deployments`).toBe(false);
  });

  it('the webhook’s bounded token may start burger-pipeline, and nothing else: kube/forbidden', async () => {
    // TokenRequest: a token that expires (10 minutes), never stored in a Secret; rotate by requesting the next one.
    const token = await core.createNamespacedServiceAccountToken({
      name: 'burger-github-webhook',
      namespace: NS,
      // No audiences: the API server's own.
      body: { spec: { audiences: [], expirationSeconds: 600 } },
    });
    expect(token.status?.token).toBeTruthy();
    expect(Date.parse(token.status?.expirationTimestamp as unknown as string) - Date.now()).toBeLessThanOrEqual(
      600_000,
    );
    const cluster = kc.getCurrentCluster();
    mkdirSync(SCRATCH, { recursive: true });
    const kubeconfig = path.join(SCRATCH, 'webhook.kubeconfig');
    writeFileSync(
      kubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'test', cluster: { server: cluster?.server, 'certificate-authority': cluster?.caFile } }],
        users: [{ name: 'webhook', user: { token: token.status?.token } }],
        contexts: [{ name: 'webhook', context: { cluster: 'test', user: 'webhook', namespace: NS } }],
        'current-context': 'webhook',
      }),
    );
    const asWebhook = (...args: string[]) => argoGen('--kubeconfig', kubeconfig, ...args);

    // What Argo Server does with the caller's token for the push binding: read the template, create the Workflow.
    const ok = await asWebhook('submit', 'burger-pipeline', '-n', NS, '-p', 'revision=abc123', '-p', 'tag=abc123');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const started = createdName(ok.stdout);
    await custom.deleteNamespacedCustomObject({ ...ARGO, plural: 'workflows', namespace: NS, name: started });

    // A template the binding does not submit: its Role has no `get` on it.
    const other = await asWebhook('submit', 'burger-rollback', '-n', NS);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(
      /^workflowtemplate\/burger-rollback in namespace 'burger-ci': forbidden: .*\[kube\/forbidden\]\n$/,
    );
    // Nor may it change templates.
    const apply = await asWebhook('apply', 'templates/rollback.ts');
    expect(apply.code).toBe(1);
    expect(apply.stderr).toContain('[kube/forbidden]');
    expect(await objectNames('workflows', NS)).not.toContain(started);
  });
});

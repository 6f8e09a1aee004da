// The Burger Stack canary (templates/deploy-canary.ts) on the real controller: the database release waits for a
// manual approval (a suspend node) that `argo-gen resume` gives; then the database's StatefulSet canary (by
// partition) and the backend and frontend canaries run, and a failed gate or readiness check takes the rollback
// branch. The test cluster has no kube-controller-manager and the fake kubelet runs no container: each kubectl or k6
// pod succeeds unless the test lists its task in `fail-tasks` (test/cluster/fake-kubelet.ts). What runs for real is
// Argo's controller walking the graph: which branch a failure takes, what is skipped, how the workflow ends.
import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  argoGen,
  core,
  createdName,
  custom,
  fakeKubelet,
  namespace,
  nodePhases,
  serviceAccount,
  until,
  workflow,
} from './cluster.js';

// The templates name their namespace (metadata.namespace), so they cannot be applied elsewhere with -n.
const NS = 'burger-ci';
const TEMPLATE = 'burger-deploy-canary';
const IMAGES = [
  '-p',
  'frontend-image=registry.example/frontend@sha256:f1',
  '-p',
  'backend-image=registry.example/backend@sha256:b1',
];
const APPROVAL = 'database-approve';
let created = false;

/**
 * Submits the canary, waits for the approval node to be Running, and checks nothing after it has started. Then, before
 * anything is resumed, names the tasks the fake kubelet fails in this Workflow's own annotation (every one runs after
 * the approval), so the tests run at once, each with its own failures.
 */
async function submitAndAwaitApproval(failTasks = ''): Promise<string> {
  const r = await argoGen('submit', TEMPLATE, '-n', NS, ...IMAGES);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const name = createdName(r.stdout);
  await until(`${APPROVAL} Running in ${name}`, 60_000, async () =>
    (await nodePhases(name, NS))[APPROVAL] === 'Running' ? true : undefined,
  );
  // Still waiting: the database is not promoted before the approval.
  const phases = await nodePhases(name, NS);
  expect(phases['database-canary-image']).toBeUndefined();
  expect((await workflow(name, NS)).status?.phase).toBe('Running');
  if (failTasks)
    await custom.patchNamespacedCustomObject(
      {
        group: 'argoproj.io',
        version: 'v1alpha1',
        plural: 'workflows',
        namespace: NS,
        name,
        body: { metadata: { annotations: { 'argo-gen.test/fail-tasks': failTasks } } },
      },
      setHeaderOptions('Content-Type', PatchStrategy.MergePatch),
    );
  return name;
}

async function finalPhase(name: string): Promise<string> {
  return until(`${name} to finish`, 180_000, async () => {
    const phase = (await workflow(name, NS)).status?.phase;
    return phase && phase !== 'Running' && phase !== 'Pending' ? phase : undefined;
  });
}

const NOT_RUN = new Set(['Omitted', 'Skipped']);
const tasks = (phases: Record<string, string>, re: RegExp) => Object.keys(phases).filter((t) => re.test(t));

beforeAll(async () => {
  await namespace(NS);
  await serviceAccount(NS, 'burger-executor');
  await fakeKubelet(NS, { 'fail-tasks': '' });
  const r = await argoGen('apply', 'templates/deploy-canary.ts');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  // apply.test.ts expects to create the Burger Stack templates itself: remove ours afterwards if we created it.
  created = /^workflowtemplate\/burger-deploy-canary created$/m.test(r.stdout);
});

afterAll(async () => {
  await core.deleteNamespacedConfigMap({ name: 'argo-gen-fake-kubelet', namespace: NS }).catch(() => undefined);
  if (created)
    await custom.deleteNamespacedCustomObject({
      group: 'argoproj.io',
      version: 'v1alpha1',
      plural: 'workflowtemplates',
      namespace: NS,
      name: TEMPLATE,
    });
});

// The four runs are independent Workflows (failures per Workflow, above): they run at once.
describe.concurrent('argo-gen resume: the Burger Stack canary', () => {
  it('waits for the approval, resumes it, and promotes everything; no rollback runs', {
    timeout: 300_000,
  }, async () => {
    const name = await submitAndAwaitApproval();

    const wrong = await argoGen('resume', name, '-n', NS, '--node', 'database-approval-typo');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`no suspended node named 'database-approval-typo' (suspended: ${APPROVAL})`);

    const r = await argoGen('resume', name, '-n', NS, '--node', APPROVAL);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`workflow/${name}: node ${APPROVAL} resumed\n`);
    expect(r.code).toBe(0);

    expect(await finalPhase(name)).toBe('Succeeded');
    const phases = await nodePhases(name, NS);
    expect(phases[APPROVAL]).toBe('Succeeded');
    const promote = [
      'database-stable-image',
      'database-hold',
      'database-canary-image',
      'database-1-partition',
      'database-1-ready',
      'database-1-gate',
      'database-promote',
      'database-promote-ready',
      'backend-100-gate',
      'backend-promote-image',
      'backend-promote-ready',
      'backend-retire-canary',
      'frontend-100-gate',
      'frontend-promote-image',
      'frontend-promote-ready',
      'frontend-retire-canary',
    ];
    for (const t of promote) expect(`${t}=${phases[t]}`).toBe(`${t}=Succeeded`);
    const rollback = tasks(phases, /(undo|rolled-back|rollback)/);
    expect(rollback.length).toBeGreaterThanOrEqual(8);
    for (const t of rollback) expect(NOT_RUN.has(phases[t] ?? ''), `${t}=${phases[t]}`).toBe(true);

    const again = await argoGen('resume', name, '-n', NS);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'nothing to resume: no suspended node and the workflow is not suspended [resume/nothing-to-resume]',
    );
  });

  it('a failed backend gate after the approval rolls the backend back; the frontend canary never starts', {
    timeout: 300_000,
  }, async () => {
    const name = await submitAndAwaitApproval('backend-10-gate');

    const r = await argoGen('resume', name, '-n', NS);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`workflow/${name}: node ${APPROVAL} resumed\n`);
    expect(r.code).toBe(0);

    expect(await finalPhase(name)).toBe('Failed');
    const phases = await nodePhases(name, NS);
    expect(phases['database-promote-ready']).toBe('Succeeded');
    expect(phases['backend-10-gate']).toBe('Failed');
    for (const t of [
      'backend-rollback-stable',
      'backend-rollback-ready',
      'backend-rollback-canary',
      'backend-rolled-back',
    ])
      expect(`${t}=${phases[t]}`).toBe(`${t}=Succeeded`);
    for (const t of ['backend-50-scale-canary', 'backend-promote-image'])
      expect(NOT_RUN.has(phases[t] ?? 'Omitted'), `${t}=${phases[t]}`).toBe(true);
    for (const t of tasks(phases, /^frontend-/)) expect(NOT_RUN.has(phases[t] ?? ''), `${t}=${phases[t]}`).toBe(true);
    expect(phases['database-rollback-image']).toBe('Omitted');
  });

  // The StatefulSet canary's rollback path: the `fail` step that ends it really exits 1, so the fake kubelet is told
  // to fail it too.
  it.each([
    ['its gate fails', 'database-1-gate', ['database-1-ready']],
    ['its canary pod never gets ready', 'database-1-ready', ['database-1-partition']],
  ])(
    'the database canary rolls back when %s; backend and frontend never start',
    {
      timeout: 300_000,
    },
    async (_why, failing, succeeded) => {
      const name = await submitAndAwaitApproval(`${failing},database-rolled-back`);
      expect((await argoGen('resume', name, '-n', NS)).code).toBe(0);

      expect(await finalPhase(name)).toBe('Failed');
      const phases = await nodePhases(name, NS);
      for (const t of ['database-stable-image', 'database-hold', 'database-canary-image', ...succeeded])
        expect(`${t}=${phases[t]}`).toBe(`${t}=Succeeded`);
      expect(phases[failing]).toBe('Failed');
      // Back to the image read before the release, stuck canary pods released, every pod open to it again, verified.
      for (const t of [
        'database-rollback-image',
        'database-rollback-pods',
        'database-rollback-partition',
        'database-rollback-ready',
      ])
        expect(`${t}=${phases[t]}`).toBe(`${t}=Succeeded`);
      expect(phases['database-rolled-back']).toBe('Failed');
      for (const t of ['database-1-gate', 'database-promote', 'database-promote-ready'].filter((x) => x !== failing))
        expect(NOT_RUN.has(phases[t] ?? 'Omitted'), `${t}=${phases[t]}`).toBe(true);
      for (const t of ['backend-canary-image', ...tasks(phases, /^(backend|frontend)-/)])
        expect(NOT_RUN.has(phases[t] ?? 'Omitted'), `${t}=${phases[t]}`).toBe(true);
    },
  );
});

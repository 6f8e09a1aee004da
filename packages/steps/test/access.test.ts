import { describe, expect, it } from 'vitest';
import { ansible, ansibleClusters, fail, kaniko, kubectl, perfCheck, webhook } from '../src/index.js';

/**
 * What each step declares it does with the Kubernetes API (the input of dsl's rbac()). The kubectl figures are what
 * kubectl sends for each command: the resource builder GETs the object; set image and rollout undo PATCH it; rollout
 * status lists and watches it by a metadata.name field selector; rollout undo lists ReplicaSets (ControllerRevisions
 * for a StatefulSet); scale PATCHes the scale subresource.
 */
const web = { name: 'web', namespace: 'prod' } as const;
const db = { kind: 'StatefulSet', name: 'db', namespace: 'prod' } as const;
const on = (resource: string, name: string, ...verbs: string[]) => ({
  apiGroup: 'apps',
  resource,
  verbs,
  names: [name],
  namespace: 'prod',
});

describe('step access declarations', () => {
  it('kubectl steps name exactly the workload they act on, with the verbs their command uses', () => {
    expect(kubectl.setImage({ workload: web }).access).toEqual([on('deployments', 'web', 'get', 'patch')]);
    expect(kubectl.rolloutStatus({ workload: db }).access).toEqual([on('statefulsets', 'db', 'get', 'list', 'watch')]);
    expect(kubectl.rolloutUndo({ workload: web }).access).toEqual([
      on('deployments', 'web', 'get', 'patch'),
      { apiGroup: 'apps', resource: 'replicasets', verbs: ['list'], namespace: 'prod' },
    ]);
    expect(kubectl.rolloutUndo({ workload: db }).access?.[1]?.resource).toBe('controllerrevisions');
    expect(kubectl.scale({ workload: web }).access).toEqual([
      on('deployments', 'web', 'get'),
      on('deployments/scale', 'web', 'patch'),
    ]);
    expect(kubectl.currentImage({ workload: db }).access).toEqual([on('statefulsets', 'db', 'get')]);
  });

  it('the rollout steps: partition and daemonSetUpdate patch by name, releaseStuckPods also deletes pods', () => {
    const sts = { name: 'db', namespace: 'prod' } as const;
    expect(kubectl.partition({ statefulSet: sts }).access).toEqual([on('statefulsets', 'db', 'patch')]);
    expect(kubectl.daemonSetUpdate({ daemonSet: { name: 'agent', namespace: 'prod' } }).access).toEqual([
      on('daemonsets', 'agent', 'patch'),
    ]);
    expect(kubectl.releaseStuckPods({ statefulSet: sts }).access).toEqual([
      on('statefulsets', 'db', 'get', 'list', 'watch'),
      { apiGroup: '', resource: 'pods', verbs: ['get', 'delete'], namespace: 'prod' },
    ]);
  });

  it('kubectl apply declares the kinds it is told about, and nothing when it is not told', () => {
    const source = { git: { url: 'https://example.com/m.git' } };
    const told = kubectl.apply({ namespace: 'prod', source, resources: [{ apiGroup: '', resource: 'configmaps' }] });
    expect(told.access).toEqual([
      { apiGroup: '', resource: 'configmaps', verbs: ['get', 'create', 'patch'], namespace: 'prod' },
    ]);
    expect(kubectl.apply({ namespace: 'prod', source }).access).toBeUndefined();
  });

  it('steps without API access mount no token and declare nothing', () => {
    const templates = [
      kaniko({ context: { git: { url: 'https://example.com/r.git' } }, destinations: ['registry.example/x'] }),
      perfCheck({ target: { url: 'https://example.com' }, thresholds: { p95Ms: 100 }, mode: 'gate' }),
      fail({ name: 'f', message: 'no' }),
    ];
    for (const t of templates) {
      expect(t.access).toBeUndefined();
      expect((t.options as { automountServiceAccountToken?: boolean }).automountServiceAccountToken).toBe(false);
    }
  });

  it('ansible passes the playbook’s declared access on; ansibleClusters reaches clusters by kubeconfig only', () => {
    const source = { git: { url: 'https://example.com/ops.git' } };
    const access = [{ apiGroup: '', resource: 'configmaps', verbs: ['get', 'patch'] as const, namespace: 'prod' }];
    expect(ansible({ source, playbook: 'site.yml', access }).access).toEqual([
      { apiGroup: '', resource: 'configmaps', verbs: ['get', 'patch'], namespace: 'prod' },
    ]);
    expect(ansible({ source, playbook: 'site.yml' }).access).toBeUndefined();
    const clusters = [{ name: 'a', kubeconfigSecret: { name: 'kc', key: 'config' } }];
    expect(ansibleClusters({ source, playbook: 'site.yml', clusters }).access).toEqual([]);
  });

  it('webhook reads only its Authorization Secret', () => {
    const hook = webhook({ url: 'https://example.com/h', authorizationSecret: { name: 'hook', key: 'auth' } });
    expect(hook.access).toEqual([{ apiGroup: '', resource: 'secrets', verbs: ['get'], names: ['hook'] }]);
    expect(webhook({ url: 'https://example.com/h' }).access).toEqual([]);
  });
});

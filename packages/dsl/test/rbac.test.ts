import { ArgoGenError } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import {
  type ApiAccess,
  apiAccess,
  container,
  dag,
  event,
  http,
  on,
  param,
  type RbacObject,
  rbac,
  rulesFor,
  synth,
  task,
  templateRef,
  withAccess,
  workflowEventBinding,
  workflowParams,
  workflowTemplate,
} from '../src/index.js';

const read = (name: string): ApiAccess => ({
  apiGroup: 'apps',
  resource: 'deployments',
  verbs: ['get'],
  names: [name],
  namespace: 'prod',
});
const noToken = { automountServiceAccountToken: false } as const;

function find(items: readonly RbacObject[], kind: string, namespace: string, name: string) {
  return items.find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name);
}

describe('apiAccess', () => {
  it('normalises verbs to the canonical order and names to sorted, without repeats, and freezes', () => {
    const [a] = apiAccess({
      apiGroup: 'apps',
      resource: 'deployments',
      verbs: ['patch', 'get', 'patch'],
      names: ['b', 'a', 'b'],
    });
    expect(a).toEqual({ apiGroup: 'apps', resource: 'deployments', verbs: ['get', 'patch'], names: ['a', 'b'] });
    expect(Object.isFrozen(a)).toBe(true);
  });

  it('refuses an unknown verb, create by name and a bad namespace, each named', () => {
    const bad = () =>
      apiAccess(
        { apiGroup: 'apps', resource: 'deployments', verbs: ['escalate' as 'get'] },
        { apiGroup: '', resource: 'pods', verbs: ['create'], names: ['x'] },
        { apiGroup: '', resource: 'pods', verbs: ['get'], namespace: 'Not_A_Namespace' },
      );
    expect(bad).toThrow(ArgoGenError);
    try {
      bad();
    } catch (e) {
      const messages = (e as ArgoGenError).issues.map((i) => `${i.code}: ${i.message}`);
      expect(messages).toEqual([
        'dsl/bad-access: access rule 1 (apps/deployments): unknown verb "escalate" (one of get, list, watch, create, update, patch, delete, deletecollection)',
        'dsl/bad-access: access rule 2 (pods): create cannot be limited to names (the object does not exist yet)',
        'dsl/bad-access: access rule 3 (pods): namespace must be a namespace name (got "Not_A_Namespace")',
      ]);
    }
  });

  it('is not part of the YAML: a template with access synthesises as one without', () => {
    const plain = container('c', { image: 'alpine:3.20' });
    const declared = withAccess(plain, [read('web')]);
    const doc = (t: typeof plain) => synth(workflowTemplate('w', { entrypoint: t }));
    expect(doc(declared)).toEqual(doc(plain));
    expect(declared.access).toEqual([read('web')]);
    expect(plain.access).toBeUndefined();
  });
});

describe('rulesFor', () => {
  const need = (access: ApiAccess) => ({
    account: { namespace: 'ci', name: 'sa' },
    access: { ...access, namespace: 'prod' },
    by: 'w/t',
  });

  it('keeps verbs per object: a read-only object never gets another object’s delete', () => {
    const rules = rulesFor([
      need(read('web')),
      need({ ...read('db'), verbs: ['get', 'delete'] }),
      need({ ...read('api'), verbs: ['get'] }),
    ]);
    expect(rules).toEqual([
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['api', 'web'], verbs: ['get'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['db'], verbs: ['get', 'delete'] },
    ]);
  });

  it('drops a named grant that the whole resource already gives', () => {
    const { names: _n, ...any } = read('web');
    const rules = rulesFor([
      need({ ...any, verbs: ['get', 'list'] }),
      need({ ...read('web'), verbs: ['get', 'patch'] }),
    ]);
    expect(rules).toEqual([
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] },
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['patch'] },
    ]);
  });
});

describe('rbac', () => {
  const deploy = withAccess(container('deploy', { image: 'kubectl:1' }, { serviceAccountName: 'deployer' }), [
    { ...read('web'), verbs: ['get', 'patch'] },
  ]);
  const check = withAccess(container('check', { image: 'kubectl:1' }, { serviceAccountName: 'deployer' }), [
    { ...read('web'), namespace: 'staging' },
  ]);
  const build = container('build', { image: 'kaniko:1' }, noToken);
  const notify = http(
    'notify',
    { url: 'https://example.com', method: 'POST' },
    { access: [{ apiGroup: '', resource: 'secrets', verbs: ['get'], names: ['hook'] }] },
  );
  const lib = workflowTemplate('lib', {
    namespace: 'ci',
    entrypoint: dag('main', [task('deploy', deploy), task('check', check)]),
    spec: { executor: { serviceAccountName: 'executor' } },
  });
  const params = workflowParams({ rev: param.string() });
  const pipeline = workflowTemplate('pipeline', {
    namespace: 'ci',
    params,
    entrypoint: dag('main', [
      task('build', build),
      task('release', templateRef(lib, lib.options.entrypoint as never)),
      task('notify', notify, { args: {} as never }),
    ]),
    spec: { serviceAccountName: 'pipeline', executor: { serviceAccountName: 'executor' } },
  });
  const binding = workflowEventBinding('on-push', {
    namespace: 'ci',
    selector: on.eq(event.discriminator, 'x'),
    submit: pipeline,
    args: { rev: event.payload.field('after') },
  });

  it('gives each account, per namespace, the union of its templates’ needs, templateRef targets included', () => {
    const { document } = rbac('all', {
      workflows: [pipeline],
      eventBindings: [{ binding, serviceAccount: 'webhook' }],
    });
    const items = document.items;
    expect(find(items, 'Role', 'prod', 'deployer')?.rules).toEqual([
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get', 'patch'] },
    ]);
    expect(find(items, 'Role', 'staging', 'deployer')?.rules).toEqual([
      { apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get'] },
    ]);
    expect(find(items, 'RoleBinding', 'prod', 'deployer')?.subjects).toEqual([
      { kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' },
    ]);
    // Argo's executor writes every pod's task results; the agent runs the HTTP template as the workflow's account.
    expect(find(items, 'Role', 'ci', 'executor')?.rules).toEqual([
      { apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] },
    ]);
    expect(find(items, 'Role', 'ci', 'pipeline')?.rules).toEqual([
      { apiGroups: [''], resources: ['secrets'], resourceNames: ['hook'], verbs: ['get'] },
      { apiGroups: ['argoproj.io'], resources: ['workflowtasksets'], verbs: ['list', 'watch'] },
      { apiGroups: ['argoproj.io'], resources: ['workflowtasksets/status'], verbs: ['patch'] },
    ]);
    expect(find(items, 'Role', 'ci', 'webhook')?.rules).toEqual([
      { apiGroups: ['argoproj.io'], resources: ['workfloweventbindings'], verbs: ['list'] },
      { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create'] },
      { apiGroups: ['argoproj.io'], resources: ['workflowtemplates'], resourceNames: ['pipeline'], verbs: ['get'] },
    ]);
    // Argo mounts executor and agent tokens from Secrets by name; the webhook's token is bounded (TokenRequest).
    const secrets = items.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name);
    expect(secrets).toEqual(['executor.service-account-token', 'pipeline.service-account-token']);
    const accounts = items.filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata.name);
    expect(accounts).toEqual(['deployer', 'executor', 'pipeline', 'webhook']);
  });

  it('is deterministic: the same workflows in another order give the same document', () => {
    const a = rbac('x', { workflows: [pipeline, lib] }).document;
    const b = rbac('x', { workflows: [lib, pipeline] }).document;
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('refuses a template that mounts a token without declaring its access', () => {
    const undeclared = workflowTemplate('w', {
      namespace: 'ci',
      entrypoint: container('mystery', { image: 'alpine:3.20' }, { serviceAccountName: 'sa' }),
    });
    expect(() => rbac('x', { workflows: [undeclared] })).toThrowError(
      /template 'mystery' \(in WorkflowTemplate 'w'\): runs as 'sa' with an API token but declares no access/,
    );
  });

  it('refuses declared access on a template that mounts no token, and a workflow without namespace', () => {
    const contradictory = workflowTemplate('w', {
      namespace: 'ci',
      entrypoint: withAccess(container('c', { image: 'alpine:3.20' }, noToken), [read('web')]),
      spec: { executor: { serviceAccountName: 'executor' } },
    });
    expect(() => rbac('x', { workflows: [contradictory] })).toThrowError(/declares API access but mounts no token/);
    const nowhere = workflowTemplate('n', { entrypoint: build });
    expect(() => rbac('x', { workflows: [nowhere] })).toThrowError(/has no namespace/);
  });
});

import { ArgoGenError } from '@argo-gen/model';
import { ApiException, FetchError } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { type Attempt, isTransient, toFailure, translate } from '../src/errors.js';
import { withRetry } from '../src/retry.js';

const at: Attempt = {
  verb: 'patch',
  kind: 'WorkflowTemplate',
  name: 'canary',
  namespace: 'ci',
  server: 'https://k8s:6443',
  context: 'prod',
};
const status = (code: number, reason: string, message: string, details: object = { name: 'canary' }) =>
  new ApiException(code, 'x', JSON.stringify({ kind: 'Status', code, reason, message, details }), {});
const line = (e: unknown, a: Attempt = at) => {
  const i = translate(e, a).issues[0];
  return `${i?.subject}: ${i?.message} [${i?.code}]`;
};

describe('error translation', () => {
  it('forbidden names the object, the namespace and the RBAC to ask for', () => {
    expect(
      line(status(403, 'Forbidden', 'workflowtemplates.argoproj.io "canary" is forbidden: User "dev" cannot patch')),
    ).toBe(
      "workflowtemplate/canary in namespace 'ci': forbidden: workflowtemplates.argoproj.io \"canary\" is forbidden: User \"dev\" cannot patch; ask a cluster admin for 'patch' on workflowtemplates.argoproj.io in namespace 'ci' (docs/kube.md lists the RBAC each command needs) [kube/forbidden]",
    );
  });

  it('not found: the object, a missing namespace, or missing Argo CRDs', () => {
    expect(
      line(status(404, 'NotFound', 'workflowtemplates.argoproj.io "canary" not found'), { ...at, verb: 'get' }),
    ).toBe(
      'workflowtemplate/canary in namespace \'ci\': not found: workflowtemplates.argoproj.io "canary" not found; check the name and namespace (`argo-gen list workflowtemplate -n ci`) [kube/not-found]',
    );
    expect(line(status(404, 'NotFound', 'namespaces "ci" not found', { name: 'ci', kind: 'namespaces' }))).toContain(
      "namespace 'ci' does not exist; create it or choose another with -n [kube/not-found]",
    );
    expect(line(status(404, 'NotFound', 'the server could not find the requested resource', {}))).toContain(
      'the API server does not know workflowtemplates.argoproj.io: is Argo Workflows installed (its CRDs)? [kube/not-found]',
    );
  });

  it('conflicts, invalid objects, unauthorized', () => {
    expect(line(status(409, 'Conflict', 'Apply failed with 1 conflict: conflict with "kubectl"'))).toContain(
      're-run with --force-conflicts to take them over [kube/conflict]',
    );
    expect(line(status(409, 'AlreadyExists', 'workflows.argoproj.io "x" already exists'))).toContain('already exists:');
    expect(line(status(422, 'Invalid', 'WorkflowTemplate "canary" is invalid: metadata.labels: Invalid value'))).toBe(
      'workflowtemplate/canary in namespace \'ci\': rejected by the API server: WorkflowTemplate "canary" is invalid: metadata.labels: Invalid value [kube/invalid]',
    );
    expect(line(new ApiException(401, 'x', undefined, {}))).toBe(
      "workflowtemplate/canary in namespace 'ci': unauthorized: the API server https://k8s:6443 rejected the credentials; refresh the token or check the kubeconfig user (context 'prod') [kube/unauthorized]",
    );
  });

  it('SSA schema mismatches (500 "failed to create typed patch object") are invalid, not transient', () => {
    const e = status(
      500,
      'InternalError',
      'failed to create typed patch object (ci/canary): .spec.entrypoint: expected string',
    );
    expect(line(e)).toContain('[kube/invalid]');
    expect(isTransient(toFailure(e))).toBe(false);
  });

  it('network failures, watch failures and timeouts', () => {
    const refused = new FetchError('request to https://k8s:6443/apis failed, reason: connect ECONNREFUSED', 'system', {
      code: 'ECONNREFUSED',
    } as NodeJS.ErrnoException);
    expect(line(refused)).toBe(
      "workflowtemplate/canary in namespace 'ci': cannot reach the API server https://k8s:6443: ECONNREFUSED; check that the cluster is running and the kubeconfig's server is right (context 'prod') [kube/unreachable]",
    );
    expect(line(Object.assign(new Error('Forbidden'), { statusCode: 403 }), { ...at, verb: 'watch' })).toContain(
      "ask a cluster admin for 'watch'",
    );
    expect(line(status(504, 'Timeout', 'etcdserver: request timed out'))).toContain('[kube/timeout]');
  });

  it('retries only transient failures, a bounded number of times', async () => {
    const policy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} };
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw status(503, 'ServiceUnavailable', 'etcd leader changed');
      }, policy),
    ).rejects.toBeInstanceOf(ApiException);
    expect(calls).toBe(3);
    calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw status(403, 'Forbidden', 'no');
      }, policy),
    ).rejects.toBeInstanceOf(ApiException);
    expect(calls).toBe(1);
    calls = 0;
    expect(
      await withRetry(async () => {
        if (++calls < 3) throw status(429, 'TooManyRequests', 'slow down');
        return 'ok';
      }, policy),
    ).toBe('ok');
    // A translated error keeps what it was translated from.
    expect(isTransient(toFailure(translate(status(503, 'x', 'y'), at)))).toBe(true);
    expect(translate(status(503, 'x', 'y'), at)).toBeInstanceOf(ArgoGenError);
  });
});

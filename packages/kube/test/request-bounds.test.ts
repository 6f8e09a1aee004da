import type { ServerResponse } from 'node:http';
import { ArgoGenError } from '@argo-gen/model';
import { afterEach, describe, expect, it } from 'vitest';
import {
  json,
  manualTimer,
  type StubApiServer,
  stallAfterHeaders,
  startStubApiServer,
  status,
} from '../../../test/kube-stub/server.js';
import { connect, type Kube } from '../src/client.js';
import type { ArgoObject } from '../src/object.js';

// Tests against a stub API server on the loopback interface. The request timeouts fire when the test says (a manual
// timer): once the stub has received the request, or has sent the headers. The CLI tests use real, tiny timeouts.

let server: StubApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const WF = { kind: 'Workflow', name: 'w', namespace: 'ci' } as const;
const WT = { kind: 'WorkflowTemplate', name: 't', namespace: 'ci' } as const;
const body = (kind: string, name: string): ArgoObject => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'ci', resourceVersion: '7' },
});

/** The request each command makes first, by the command's name. */
const OPERATIONS: Record<string, (kube: Kube) => Promise<unknown>> = {
  get: (kube) => kube.get(WF),
  list: (kube) => kube.list('Workflow', 'ci'),
  apply: (kube) => kube.apply(WT, body('WorkflowTemplate', 't')),
  submit: (kube) => kube.create('Workflow', 'ci', body('Workflow', 'w')),
  resume: (kube) => kube.replace(WF, body('Workflow', 'w')),
  delete: (kube) => kube.delete(WF),
};

function issueOf(error: unknown) {
  expect(error).toBeInstanceOf(ArgoGenError);
  return (error as ArgoGenError).issues[0];
}

describe('every request is bounded by the request timeout', () => {
  const FAULTS: [string, (res: ServerResponse, fire: () => void) => void][] = [
    // The timeout passes once the server has the request, and it never answers.
    ['accepts the connection and never answers', (_res, fire) => fire()],
    // The timeout passes once the headers and the start of the body are on the wire.
    [
      'sends the headers, then stalls the body',
      (res, fire) => {
        stallAfterHeaders(res);
        res.write('', () => fire());
      },
    ],
  ];
  for (const [fault, misbehave] of FAULTS) {
    it(`a server that ${fault}: kube/timeout for ${Object.keys(OPERATIONS).join(', ')}; not retried; connection closed`, async () => {
      const clock = manualTimer();
      const stub = await startStubApiServer((_req, res) => misbehave(res, clock.fire));
      server = stub;
      const kube = connect({ kubeconfig: stub.kubeconfig, requestTimeoutMs: 50, timer: clock.timer });
      for (const [name, operation] of Object.entries(OPERATIONS)) {
        const error = await operation(kube).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect({ name, code: issueOf(error)?.code }).toEqual({ name, code: 'kube/timeout' });
        expect(issueOf(error)?.message).toBe(
          `no answer from the API server ${kube.server} within 50ms (--request-timeout); check that the cluster is healthy, or allow more time (context 'stub')`,
        );
        // The connection is closed, not left to keep the process alive.
        await stub.idle();
      }
      expect(stub.requests.map((r) => r.split(' ')[0])).toEqual(['GET', 'GET', 'PATCH', 'POST', 'PUT', 'DELETE']);
      expect(clock.pending).toBe(0);
    });
  }

  it('a timeout of 0 is none: a slow answer is still read', async () => {
    const stub = await startStubApiServer((_req, res) => {
      // Answered only after the client's request has been fully received, whatever that takes.
      setImmediate(() => json(res, 200, body('Workflow', 'w')));
    });
    server = stub;
    const kube = connect({ kubeconfig: stub.kubeconfig, requestTimeoutMs: 0 });
    expect((await kube.get(WF)).metadata?.name).toBe('w');
  });

  it('transient failures are still retried, at most 4 tries in all', async () => {
    const stub = await startStubApiServer((_req, res) =>
      json(res, 503, status(503, 'ServiceUnavailable', 'etcd leader changed')),
    );
    server = stub;
    const waits: number[] = [];
    const kube = connect({
      kubeconfig: stub.kubeconfig,
      retry: {
        attempts: 4,
        baseDelayMs: 250,
        maxDelayMs: 4000,
        sleep: async (ms) => void waits.push(ms),
        random: () => 0,
      },
    });
    expect(issueOf(await kube.get(WF).catch((e: unknown) => e))?.code).toBe('kube/unreachable');
    expect(stub.requests).toHaveLength(4);
    expect(waits).toEqual([250, 500, 1000]);
  });
});

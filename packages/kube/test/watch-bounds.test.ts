import type { IncomingMessage, ServerResponse } from 'node:http';
import { ArgoGenError } from '@argo-gen/model';
import { afterEach, describe, expect, it } from 'vitest';
import {
  json,
  manualTimer,
  type StubApiServer,
  startStubApiServer,
  status,
  watchStream,
  workflow,
} from '../../../test/kube-stub/server.js';
import { connect } from '../src/client.js';
import { workflowProgress } from '../src/progress.js';
import { watchWorkflow } from '../src/watch.js';

// watchWorkflow against a stub API server on the loopback interface. Backoff waits go through a recording sleeper
// (no clock), and every give-up is triggered by the test at a chosen moment, never by the passing of time.

let server: StubApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** `get w`, `list metadata.name=w`, `watch from 5`: what each request was, in order. */
function summary(stub: StubApiServer): string[] {
  return stub.requests.map((r) => {
    const url = new URL(r.split(' ')[1] ?? '', 'http://stub');
    const q = url.searchParams;
    if (q.get('watch') === 'true') return `watch from ${q.get('resourceVersion')}`;
    if (url.pathname.endsWith('/workflows')) return `list ${q.get('fieldSelector')}`;
    return `get ${url.pathname.split('/').pop()}`;
  });
}

type Route = (res: ServerResponse, req: IncomingMessage) => void;

/** Routes the workflow's GET, its list and its watches; the n-th watch request (from 1) goes to `watch(n)`. */
async function stubWith(get: Route, list: Route, watch: (n: number) => Route): Promise<StubApiServer> {
  let watches = 0;
  server = await startStubApiServer((req, res, url) => {
    if (url.searchParams.get('watch') === 'true') return watch(++watches)(res, req);
    if (url.pathname.endsWith('/workflows')) return list(res, req);
    return get(res, req);
  });
  return server;
}

const running =
  (rv: string): Route =>
  (res) =>
    json(res, 200, workflow('w', rv, 'Running'));
const listAt =
  (rv: string): Route =>
  (res) =>
    json(res, 200, {
      kind: 'WorkflowList',
      metadata: { resourceVersion: rv },
      items: [workflow('w', '40', 'Running')],
    });
const modified = (rv: string, phase: string) => ({ type: 'MODIFIED', object: workflow('w', rv, phase) });
const never: Route = () => {
  throw new Error('not expected');
};

function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('watchWorkflow against a misbehaving API server', () => {
  it('a server that closes every watch at once gets exponentially fewer re-watches, capped at 30 s', async () => {
    const stub = await stubWith(
      running('1'),
      never,
      (n) => (res) => watchStream(res, n <= 8 ? [] : [modified('2', 'Succeeded')]),
    );
    const { waits, sleep } = recordingSleep();
    const kube = connect({ kubeconfig: stub.kubeconfig });
    const final = await watchWorkflow(kube, 'w', 'ci', { sleep, random: () => 0 });
    expect(workflowProgress(final).phase).toBe('Succeeded');
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(summary(stub)).toEqual(['get w', ...Array(9).fill('watch from 1')]);
    const q = new URL(stub.requests[1]?.split(' ')[1] ?? '', 'http://stub').searchParams;
    expect(Object.fromEntries(q)).toEqual({
      fieldSelector: 'metadata.name=w',
      resourceVersion: '1',
      watch: 'true',
      allowWatchBookmarks: 'true',
      timeoutSeconds: '300',
    });
  });

  it('jitter shortens each wait by at most 20%, from the injected random source', async () => {
    const stub = await stubWith(
      running('1'),
      never,
      (n) => (res) => watchStream(res, n <= 3 ? [] : [modified('2', 'Succeeded')]),
    );
    const { waits, sleep } = recordingSleep();
    const random = [0.5, 0.999, 0.25];
    await watchWorkflow(connect({ kubeconfig: stub.kubeconfig }), 'w', 'ci', {
      sleep,
      random: () => random.shift() ?? 0,
    });
    expect(waits).toEqual([900, 1600, 3800]);
  });

  it('re-watches from the last resourceVersion seen (an event or a bookmark), without reading again', async () => {
    const stub = await stubWith(
      running('1'),
      never,
      (n) => (res) =>
        n === 1
          ? watchStream(res, [
              modified('3', 'Running'),
              { type: 'BOOKMARK', object: { metadata: { resourceVersion: '5' } } },
            ])
          : watchStream(res, [modified('6', 'Succeeded')]),
    );
    const { waits, sleep } = recordingSleep();
    await watchWorkflow(connect({ kubeconfig: stub.kubeconfig }), 'w', 'ci', { sleep, random: () => 0 });
    expect(summary(stub)).toEqual(['get w', 'watch from 1', 'watch from 5']);
    // The round delivered events: the backoff starts again from its base.
    expect(waits).toEqual([500]);
  });

  it('410 Gone (as the response, or as an ERROR event) lists again and watches from the list’s resourceVersion', async () => {
    let lists = 0;
    const stub = await stubWith(
      running('1'),
      (res, req) => listAt(String(41 + ++lists))(res, req),
      (n) => (res) => {
        if (n === 1) return json(res, 410, status(410, 'Expired', 'too old resource version: 1 (30)'));
        if (n === 2)
          return watchStream(res, [{ type: 'ERROR', object: status(410, 'Expired', 'too old resource version') }]);
        return watchStream(res, [modified('44', 'Failed')]);
      },
    );
    const { sleep } = recordingSleep();
    const final = await watchWorkflow(connect({ kubeconfig: stub.kubeconfig }), 'w', 'ci', { sleep, random: () => 0 });
    expect(workflowProgress(final).phase).toBe('Failed');
    expect(summary(stub)).toEqual([
      'get w',
      'watch from 1',
      'list metadata.name=w',
      'watch from 42',
      'list metadata.name=w',
      'watch from 43',
    ]);
  });

  it('the deadline closes a watch stream the server holds open, and says kube/timeout', async () => {
    const deadline = new AbortController();
    const stub = await stubWith(running('1'), never, () => (res) => {
      watchStream(res, [], { hold: true });
      res.write('', () => deadline.abort());
    });
    const error = await watchWorkflow(connect({ kubeconfig: stub.kubeconfig }), 'w', 'ci', {
      timeoutMs: 90_000,
      deadline: deadline.signal,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ArgoGenError);
    expect((error as ArgoGenError).issues[0]?.code).toBe('kube/timeout');
    expect(String((error as Error).message)).toContain('still Running after 1m30s; it keeps running');
    await stub.idle();
    expect(summary(stub)).toEqual(['get w', 'watch from 1']);
  });

  it('a stream held open past timeoutSeconds (plus a margin) is ended by the client and watched again', async () => {
    const clock = manualTimer();
    const stub = await stubWith(running('1'), never, (n) => (res) => {
      if (n > 1) return watchStream(res, [modified('2', 'Succeeded')]);
      watchStream(res, [], { hold: true });
      res.write('', () => clock.fire());
    });
    const { sleep } = recordingSleep();
    const kube = connect({ kubeconfig: stub.kubeconfig, watchTimeoutSeconds: 0, timer: clock.timer });
    const final = await watchWorkflow(kube, 'w', 'ci', { sleep, random: () => 0 });
    expect(workflowProgress(final).phase).toBe('Succeeded');
    expect(summary(stub)).toEqual(['get w', 'watch from 1', 'watch from 1']);
    expect(new URL(stub.requests[1]?.split(' ')[1] ?? '', 'http://stub').searchParams.get('timeoutSeconds')).toBe('0');
  });

  it('a watch that gets no headers within the request timeout is retried a bounded number of times', async () => {
    const clock = manualTimer();
    const stub = await stubWith(running('1'), never, () => () => clock.fire());
    const { waits, sleep } = recordingSleep();
    const kube = connect({ kubeconfig: stub.kubeconfig, requestTimeoutMs: 50, timer: clock.timer });
    const error = await watchWorkflow(kube, 'w', 'ci', { sleep, random: () => 0, maxReconnects: 2 }).catch(
      (e: unknown) => e,
    );
    expect((error as ArgoGenError).issues[0]?.message).toContain('no answer from the API server');
    expect((error as ArgoGenError).issues[0]?.code).toBe('kube/timeout');
    expect(summary(stub)).toEqual(['get w', 'watch from 1', 'watch from 1', 'watch from 1']);
    expect(waits).toEqual([1000, 2000]);
    await stub.idle();
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A fault-injecting stand-in for a kube-apiserver on 127.0.0.1 (a free port), for what the real-cluster suite
 * cannot provoke: a server that accepts and never answers, stalls a body, closes every watch at once, answers
 * 410 Gone. Each test routes requests to its own handler; the server records every request and refuses (by
 * closing the connection) any beyond `maxRequests`, so a runaway client is a failed assertion, not a flood.
 */
export interface StubApiServer {
  /** `GET /apis/argoproj.io/v1alpha1/namespaces/ci/workflows/w?…`, in arrival order (query kept). */
  readonly requests: string[];
  /** A kubeconfig file whose current context points at this server (plain HTTP, token auth). */
  readonly kubeconfig: string;
  /** Resolves once every connection the server accepted has been closed (by either side). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export async function startStubApiServer(
  handler: Handler,
  { maxRequests = 50 }: { maxRequests?: number } = {},
): Promise<StubApiServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let waiters: (() => void)[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (requests.length > maxRequests) {
      req.socket.destroy();
      return;
    }
    handler(req, res, new URL(req.url ?? '/', 'http://stub'));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size > 0) return;
      for (const w of waiters) w();
      waiters = [];
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const dir = mkdtempSync(path.join(tmpdir(), 'argo-gen-stub-'));
  const kubeconfig = path.join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters:
- name: stub
  cluster: {server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true}
users:
- name: u
  user: {token: stub-token}
contexts:
- name: stub
  context: {cluster: stub, user: u, namespace: ci}
current-context: stub
`,
  );
  return {
    requests,
    kubeconfig,
    idle: () => (sockets.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A JSON answer (an object, a list or a Status). */
export function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The response headers and the start of a body, then nothing more: a server that stalls mid-answer. */
export function stallAfterHeaders(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"apiVersion": "argoproj.io/v1alpha1", "kind": ');
}

/** A watch stream: the headers, then one JSON line per event; closed afterwards unless `hold`. */
export function watchStream(res: ServerResponse, events: readonly object[], { hold = false } = {}): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  for (const e of events) res.write(`${JSON.stringify(e)}\n`);
  if (!hold) res.end();
}

export function status(code: number, reason: string, message: string): object {
  return { kind: 'Status', apiVersion: 'v1', status: 'Failure', code, reason, message };
}

export function workflow(name: string, resourceVersion: string, phase: string): object {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, namespace: 'ci', resourceVersion },
    spec: { entrypoint: 'main' },
    status: { phase },
  };
}

/**
 * A stand-in for the request timers: nothing fires by the clock; `fire()` fires every pending timer at a moment the
 * test chooses (say, once the stub has received the request), so that what a test asserts never races a clock.
 */
export function manualTimer() {
  const pending = new Set<() => void>();
  return {
    timer: (_ms: number, fire: () => void) => {
      pending.add(fire);
      return () => void pending.delete(fire);
    },
    fire: () => {
      const due = [...pending];
      pending.clear();
      for (const f of due) f();
    },
    get pending() {
      return pending.size;
    },
  };
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  json,
  type StubApiServer,
  stallAfterHeaders,
  startStubApiServer,
  watchStream,
  workflow,
} from '../../../test/kube-stub/server.js';
import { parseRequestTimeout } from '../src/request-timeout-flag.js';
import { runCli } from './run-cli.js';

// The cluster commands against a stub API server on 127.0.0.1 that misbehaves. The timeouts here are real and tiny,
// against a server that never answers (or never finishes): whatever the machine's speed, the outcome is the same.

const DIR = mkdtempSync(path.join(tmpdir(), 'argo-gen-kube-bounds-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const WT_FILE = path.join(DIR, 't.yaml');
writeFileSync(
  WT_FILE,
  'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: t\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: alpine:3.20\n',
);
const WF_FILE = path.join(DIR, 'w.yaml');
writeFileSync(
  WF_FILE,
  'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: w-\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n      container:\n        image: alpine:3.20\n',
);

let server: StubApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const COMMANDS: Record<string, { args: string[]; exit: number }> = {
  get: { args: ['get', 'wf', 'w'], exit: 3 },
  list: { args: ['list', 'wf'], exit: 3 },
  // apply reports per object (exit 1); a timeout stops it before the next object.
  apply: { args: ['apply', WT_FILE], exit: 1 },
  submit: { args: ['submit', WF_FILE], exit: 3 },
  resume: { args: ['resume', 'w'], exit: 3 },
  delete: { args: ['delete', 'wf', 'w'], exit: 3 },
};

describe('--request-timeout', () => {
  const faults: [string, (res: ServerResponse) => void][] = [
    ['never answers', () => {}],
    ['stalls after the headers', stallAfterHeaders],
  ];
  for (const [fault, handler] of faults) {
    it(`a server that ${fault}: kube/timeout for get, list, apply, submit, resume, delete`, async () => {
      const stub = await startStubApiServer((_req, res) => handler(res));
      server = stub;
      for (const [name, { args, exit }] of Object.entries(COMMANDS)) {
        const r = await runCli(['--kubeconfig', stub.kubeconfig, '--request-timeout', '20ms', ...args], DIR);
        expect({ name, code: r.code }).toEqual({ name, code: exit });
        expect(r.stderr).toContain('within 20ms (--request-timeout); check that the cluster is healthy');
        expect(r.stderr).toContain('[kube/timeout]');
        await stub.idle();
      }
      // One request each (none retried); fewer only if a deadline passed before a request was even sent.
      expect(stub.requests.length).toBeLessThanOrEqual(Object.keys(COMMANDS).length);
    });
  }

  it('is read as kubectl reads it: a bare integer is seconds, else a Go duration; 0 is none', () => {
    expect(['0', '5', '300ms', '1.5s', '1m30s', '2h', '500us', '+1s'].map(parseRequestTimeout)).toEqual([
      0, 5000, 300, 1500, 90_000, 7_200_000, 0.5, 1000,
    ]);
    for (const bad of ['', '1.5', '-1s', '10 minutes', 's', '1d', '5s '])
      expect(parseRequestTimeout(bad)).toBeUndefined();
  });

  it('a malformed value is a usage error (exit 2) before any request', async () => {
    const r = await runCli(['--request-timeout', '10 minutes', 'get', 'wf', 'w'], DIR);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "option '--request-timeout <duration>' argument '10 minutes' is invalid. expected an integer (seconds) or a duration like 500ms, 30s, 2m; 0 means none",
    );
  });
});

describe('submit --watch --timeout', () => {
  it('exits 3 when the timeout passes, closing a watch stream the server holds open', async () => {
    const stub = await startStubApiServer((req, res, url) => {
      if (req.method === 'POST') return json(res, 201, workflow('w-x7k2', '1', ''));
      if (url.searchParams.get('watch') === 'true') return watchStream(res, [], { hold: true });
      return json(res, 200, workflow('w-x7k2', '1', 'Running'));
    });
    server = stub;
    // The lint's warnings about the minimal Workflow file would come first on stderr; this test is about the timeout.
    const r = await runCli(
      ['--kubeconfig', stub.kubeconfig, 'submit', WF_FILE, '--watch', '--timeout', '200ms', '--security=off'],
      DIR,
    );
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("workflow/w-x7k2 created in namespace 'ci'\n");
    expect(r.stderr).toMatch(
      /^workflow\/w-x7k2 in namespace 'ci': still (Running|unknown) after 200ms; it keeps running/,
    );
    await stub.idle();
  });
});

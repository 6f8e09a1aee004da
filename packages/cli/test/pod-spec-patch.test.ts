import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readPodSpecPatch } from '../src/yaml/pod-spec-patch.js';
import { runCli } from './run-cli.js';

// Argo reads a podSpecPatch with workflow/util ConvertYAMLToJSON: as JSON when it starts with `{`, else with
// sigs.k8s.io/yaml over go-yaml v2 (YAML 1.1). The security lint reads it the same way to see the pod Argo will run.
describe('readPodSpecPatch', () => {
  it('reads JSON, after leading white space', () => {
    expect(readPodSpecPatch('  {"hostPID": true, "containers": [{"name": "main"}]}')).toEqual({
      hostPID: true,
      containers: [{ name: 'main' }],
    });
  });

  it('reads YAML as go-yaml v2 does: YAML 1.1 booleans, the first document only', () => {
    expect(readPodSpecPatch('hostPID: yes\ncontainers:\n  - name: main\n')).toEqual({
      hostPID: true,
      containers: [{ name: 'main' }],
    });
    expect(readPodSpecPatch('hostIPC: on\n---\nhostPID: true\n')).toEqual({ hostIPC: true });
  });

  it('refuses a flow mapping that is not JSON, as Argo does (it takes a text starting with { for JSON)', () => {
    expect(() => readPodSpecPatch('{hostPID: true}')).toThrow(SyntaxError);
  });

  it('refuses YAML that Argo cannot read', () => {
    expect(() => readPodSpecPatch('a: 1\na: 2\n')).toThrow(/duplicate/i);
  });
});

describe('validate reads podSpecPatch as Argo does', () => {
  it('sees hostPID: yes (a YAML 1.1 boolean) as the host PID namespace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'argo-gen-patch-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const patch = '      podSpecPatch: |\n        hostPID: yes\n';
    const wf = `apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  name: w\nspec:\n  entrypoint: main\n  templates:\n    - name: main\n${patch}      container:\n        image: alpine:3.20\n`;
    writeFileSync(path.join(dir, 'w.yaml'), wf);
    const r = await runCli(['validate', 'w.yaml'], dir);
    expect(r.stdout).toMatch(/w\.yaml:\d+:\d+: \/spec\/templates\/0\/podSpecPatch: .*\[security\/host-namespaces\]/);
    expect(r.code).toBe(1);
  });
});

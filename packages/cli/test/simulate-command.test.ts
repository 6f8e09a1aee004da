import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/paths.js';
import { run } from '../src/program.js';
import { runBuiltCli, runCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

/** A steps workflow: a probe whose stdout decides a deploy, then an approval. */
const PROBE = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  name: probe-run
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: region
        value: eu
        enum: [eu, us]
  templates:
    - name: main
      steps:
        - - name: probe
            template: probe
        - - name: deploy
            template: deploy
            when: "{{steps.probe.outputs.result}} == ok"
        - - name: approve
            template: approve
    - name: probe
      script:
        image: alpine:3.20
        command: [sh]
        source: echo ok
    - name: deploy
      container:
        image: alpine:3.20
    - name: approve
      suspend: {}
`;

/** `argo-gen` in-process with the given terminal and environment. */
async function inTerminal(args: readonly string[], cwd: string, isTTY: boolean, env: Record<string, string> = {}) {
  let stdout = '';
  const out = (t: string) => {
    stdout += t;
  };
  const code = await run(args, { stdout: out, stderr: () => {}, isTTY, cwd, env });
  return { code, stdout };
}

describe('argo-gen simulate', () => {
  it("prints the canary's rollback path when its first gate fails, and exits 1 (Failed)", () => {
    const r = runBuiltCli(['simulate', 'examples/canary-release.ts', '--fail', 'web-25-gate'], REPO_ROOT);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Name: +canary-release-sim\nStatus: +Failed\n/);
    expect(r.stdout).toMatch(/\n ├─✖ web-25-gate +web-gate +Failed /);
    for (const omitted of ['web-100-scale-canary', 'web-promote-image', 'web-retire-canary'])
      expect(r.stdout).toMatch(new RegExp(`\\n ├─○ ${omitted} .* Omitted `));
    for (const rollback of ['web-rollback-stable', 'web-rollback-ready', 'web-rollback-canary'])
      expect(r.stdout).toMatch(new RegExp(`\\n [├└]─✔ ${rollback} .* Succeeded`));
  });

  it('a module and its generated YAML simulate alike', async () => {
    const fromTs = await runCli(['simulate', 'examples/canary-release.ts', '--fail', 'web-100-gate'], REPO_ROOT);
    const fromYaml = await runCli(['simulate', 'examples/canary-release.yaml', '--fail', 'web-100-gate'], REPO_ROOT);
    expect(fromTs.code).toBe(1);
    expect(fromYaml).toEqual(fromTs);
  });

  it('-o json prints the simulation: nodes keyed by id, shaped like status.nodes', async () => {
    const r = await runCli(
      ['simulate', 'examples/canary-release.yaml', '-o', 'json', '--error', 'web-25-gate'],
      REPO_ROOT,
    );
    const sim = JSON.parse(r.stdout) as {
      phase: string;
      order: string[];
      nodes: Record<string, { id: string; displayName: string; phase: string; type: string }>;
    };
    expect(['Failed', 'Error']).toContain(sim.phase);
    expect(r.code).toBe(1);
    for (const [id, node] of Object.entries(sim.nodes)) expect(node.id).toBe(id);
    const gate = Object.values(sim.nodes).find((n) => n.displayName === 'web-25-gate');
    expect(gate).toMatchObject({ phase: 'Error', type: 'Pod' });
    expect(sim.order).toContain(gate?.id);
  });

  it('exit 0 when the run succeeds, 3 when it has no final phase (undetermined, or waiting for an approval)', async () => {
    const dir = project({ 'wf.yaml': PROBE, 'ok.yaml': 'probe: { result: ok }\n' });
    const undetermined = await runCli(['simulate', 'wf.yaml'], dir);
    expect(undetermined.code).toBe(3);
    expect(undetermined.stdout).toMatch(/\nStatus: +Undetermined\n/);
    expect(undetermined.stdout).toMatch(
      /\n └───\? deploy +deploy +Undetermined +when '\{\{steps\.probe\.outputs\.result\}\} == ok'/,
    );

    const succeeded = await runCli(['simulate', 'wf.yaml', '--outcomes', 'ok.yaml'], dir);
    expect(succeeded.code).toBe(0);
    expect(succeeded.stdout).toMatch(/\n ├───✔ deploy +deploy +Succeeded\n/);

    const waiting = await runCli(['simulate', 'wf.yaml', '--outcomes', 'ok.yaml', '--wait', 'approve'], dir);
    expect(waiting.code).toBe(3);
    expect(waiting.stdout).toMatch(/\nStatus: +Running\n/);
    expect(waiting.stdout).toMatch(/\n └───ǁ approve +approve +Running/);

    const rejected = await runCli(['simulate', 'wf.yaml', '--outcomes', 'ok.yaml', '--reject', 'approve'], dir);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toMatch(/\n └───✖ approve +approve +Failed/);
  });

  it('a flag wins over the outcomes file; an outcome a node cannot take is named with its line', async () => {
    const dir = project({
      'wf.yaml': PROBE,
      'o.yaml': 'probe: { result: ok }\ndeploy: Failed\n',
      'bad.yaml': 'probe: { result: ok }\ndeploy: { phase: Broken }\napprove: maybe\n',
    });
    const r = await runCli(['simulate', 'wf.yaml', '--outcomes', 'o.yaml', '--error', 'deploy'], dir);
    expect(r.stdout).toMatch(/\n └───⚠ deploy +deploy +Error/); // the approval after it does not run
    const bad = await runCli(['simulate', 'wf.yaml', '--outcomes', 'bad.yaml'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      [
        `bad.yaml:2:1: 'deploy': phase must be Succeeded, Failed or Error (got "Broken") [simulate/bad-outcome]`,
        `bad.yaml:3:1: 'approve': 'maybe' is not an outcome (Succeeded, Failed, Error, approve, reject, wait, or a mapping) [simulate/bad-outcome]`,
        '',
      ].join('\n'),
    );
  });

  it('usage errors exit 2 before anything is simulated: a misspelt node, two outcomes for one node, a wrong -p', async () => {
    const dir = project({ 'wf.yaml': PROBE });
    const typo = await runCli(['simulate', 'wf.yaml', '--fail', 'deplyo'], dir);
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toBe(
      "outcomes: no node or template of this workflow is called 'deplyo'; did you mean 'deploy'? [simulate/unknown-node]\n",
    );
    // A name that is an object's own machinery is a name like any other: refused, not silently dropped.
    const proto = await runCli(['simulate', 'wf.yaml', '--fail', '__proto__'], dir);
    expect(proto).toMatchObject({ code: 2, stdout: '' });
    expect(proto.stderr).toBe(
      "outcomes: no node or template of this workflow is called '__proto__' [simulate/unknown-node]\n",
    );
    const both = await runCli(['simulate', 'wf.yaml', '--fail', 'deploy', '--approve', 'deploy'], dir);
    expect(both).toMatchObject({ code: 2, stdout: '' });
    expect(both.stderr).toBe("--fail and --approve both name 'deploy' [simulate/conflicting-outcomes]\n");
    const enumValue = await runCli(['simulate', 'wf.yaml', '-p', 'region=mars'], dir);
    expect(enumValue).toMatchObject({ code: 2, stdout: '' });
    expect(enumValue.stderr).toBe(
      "wf.yaml#1: parameter 'region' must be one of 'eu', 'us' (got 'mars') [simulate/parameter-not-in-enum]\n",
    );
    const template = await runCli(['simulate', 'wf.yaml', '--template', 'probr'], dir);
    expect(template).toMatchObject({ code: 2, stdout: '' });
    expect(template.stderr).toBe(
      "--template 'probr': the workflow has no such template (did you mean 'probe'?) [simulate/unknown-template]\n",
    );
    const unknown = await runCli(['simulate', 'wf.yaml', '-p', 'regoin=eu'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("has no parameter 'regoin' (did you mean 'region'?)");
  });

  it('an invalid workflow is reported as validate reports it, and nothing is simulated (exit 1)', async () => {
    const dir = project({ 'wf.yaml': PROBE.replace('      steps:', '      stepz:') });
    const r = await runCli(['simulate', 'wf.yaml'], dir);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toMatch(/^wf\.yaml:\d+:\d+: .*stepz/);
  });

  it('colours the phases on a terminal only, and never with NO_COLOR', async () => {
    const args = ['simulate', 'examples/canary-release.yaml', '--fail', 'web-25-gate'];
    const tty = await inTerminal(args, REPO_ROOT, true);
    expect(tty.stdout).toContain('\u001b[31m✖\u001b[0m web-25-gate');
    const noColor = await inTerminal(args, REPO_ROOT, true, { NO_COLOR: '1' });
    const pipe = await inTerminal(args, REPO_ROOT, false);
    expect(noColor.stdout).not.toContain('\u001b[');
    expect(pipe.stdout).toBe(noColor.stdout);
  });
});

describe('argo-gen graph --simulate', () => {
  it('colours each task of the drawing by its phase in the run, and says the phase in the box', async () => {
    const r = await runCli(['graph', 'examples/canary-release.yaml', '--simulate', '--fail', 'web-25-gate'], REPO_ROOT);
    expect(r.code).toBe(0);
    const plain = await runCli(['graph', 'examples/canary-release.yaml'], REPO_ROOT);
    const ids = new Map([...plain.stdout.matchAll(/ {2}(n\d+)\["([^ "<]+)/g)].map((m) => [m[2], m[1]]));
    const classOf = (task: string) =>
      [...r.stdout.matchAll(/ {2}class (\S+) (\w+)/g)].find((m) =>
        (m[1] as string).split(',').includes(ids.get(task) as string),
      )?.[2];
    expect(classOf('web-25-gate')).toBe('Failed');
    expect(classOf('web-25-scale-stable')).toBe('Succeeded');
    expect(classOf('web-rollback-stable')).toBe('Succeeded');
    expect(classOf('web-promote-image')).toBe('Omitted');
    expect(r.stdout).toContain(`${ids.get('web-25-gate')}["web-25-gate (web-gate)<br/><i>Failed</i>"]`);
    expect(r.stdout).toContain('  classDef Failed fill:#fee2e2,stroke:#dc2626\n');
    // The drawing itself (nodes and arrows) is the plain graph's.
    const arrows = (text: string) => text.split('\n').filter((l) => / -/.test(l));
    expect(arrows(r.stdout)).toEqual(arrows(plain.stdout));
    expect(plain.stdout).not.toContain('classDef');
  });

  it('DOT: filled boxes in the phase colours', async () => {
    const r = await runCli(
      ['graph', 'examples/daemonset-rolling.yaml', '--simulate', '--fail', 'agent-gate', '--format', 'dot'],
      REPO_ROOT,
    );
    expect(r.stdout).toContain(
      '"agent-gate" [label="agent-gate\nFailed", style="rounded,filled", fillcolor="#fee2e2", color="#dc2626"];',
    );
    expect(r.stdout).toContain(
      '"agent-rollback-image" [label="agent-rollback-image (agent-set-image)\nSucceeded", style="rounded,filled"',
    );
  });

  it('a pipeline of templateRefs: the other files give the templates; the stage the rejection stops is red, the rest grey', async () => {
    const r = await runCli(
      ['graph', 'templates/pipeline.ts', 'templates/*.ts', '--simulate', '--reject', 'database-approve'],
      REPO_ROOT,
    );
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('n3["deploy-production (burger-deploy-canary/deploy-canary)<br/><i>Failed</i>"]');
    expect(r.stdout).toMatch(/\n {2}class n0,n1,n2 Succeeded\n/);
    expect(r.stdout).toMatch(/\n {2}class n3 Failed\n/);
    expect(r.stdout).toMatch(/\n {2}class n4,n5 Omitted\n/);
    const alone = await runCli(['graph', 'templates/pipeline.ts', 'templates/build.ts'], REPO_ROOT);
    expect(alone).toMatchObject({ code: 2, stdout: '' });
    expect(alone.stderr).toBe('graph draws one file; more files are for --simulate [usage/graph-files]\n');
  });

  it('the outcome flags are checked as simulate checks them', async () => {
    const r = await runCli(['graph', 'examples/canary-release.yaml', '--simulate', '--fail', 'web-25-gat'], REPO_ROOT);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain("; did you mean 'web-25-gate'? [simulate/unknown-node]");
  });
});

describe('argo-gen graph without --simulate', () => {
  it('never loads the simulation: graph reaches it only through a dynamic import', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'packages/cli/src/commands/graph.ts'), 'utf8');
    const staticImports = [...text.matchAll(/^import (?!type )[^;]*from '([^']+)'/gm)].map((m) => m[1]);
    expect(staticImports.filter((s) => s === '@argo-gen/simulate' || s === './simulate.js')).toEqual([]);
    expect(text).toContain("await import('./simulate.js')");
  });
});

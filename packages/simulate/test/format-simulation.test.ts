import { describe, expect, test } from 'vitest';
import { formatSimulation } from '../src/index.js';
import type { Simulation } from '../src/types.js';
import { canaryGateFailed, run, stepsRun } from './fixtures/status-nodes.js';

const ESC = '\u001b';

describe('formatSimulation', () => {
  test('a DAG: the workflow on top, each task under the DAG in start order, the omitted ones after', () => {
    expect(formatSimulation(canaryGateFailed)).toBe(
      [
        'Name:                canary',
        'Status:              Failed',
        'Message:             child canary.web-rolled-back failed',
        '',
        'STEP                      TEMPLATE              PHASE      MESSAGE',
        ' ✖ canary                 release               Failed',
        ' ├─✔ image                web-set-image-canary  Succeeded',
        ' ├─✔ web-25-scale-canary  web-scale-canary      Succeeded',
        ' ├─✖ web-25-gate          web-gate              Failed     Error (exit code 1)',
        ' ├─✔ web-rollback-stable  web-scale-stable      Succeeded',
        ' ├─✖ web-rolled-back      web-rolled-back       Failed     Error (exit code 1)',
        ' ├─○ web-promote-image    web-set-image-stable  Omitted    omitted: depends condition not met',
        ' └─○ web-retire-canary    web-scale-canary      Omitted    omitted: depends condition not met',
        '',
      ].join('\n'),
    );
  });

  test("steps as argo get draws them: step groups not drawn, a retry's attempts under it, one attempt in its place, the exit handler apart", () => {
    expect(formatSimulation(stepsRun)).toBe(
      [
        'Name:                wf',
        'Status:              Undetermined',
        'Message:             deploy(1:us) could not be decided',
        'Output Parameters:',
        '  version:           1.2.3',
        '',
        'STEP                 TEMPLATE  PHASE         MESSAGE',
        ' ? wf                main      Undetermined',
        ' ├─┬─✔ build         build     Succeeded',
        ' │ │ ├─✖ build(0)    build     Failed        Error (exit code 1)',
        ' │ │ └─✔ build(1)    build     Succeeded',
        ' │ └─✔ lint(0)       lint      Succeeded',
        ' └─┬─✔ deploy(0:eu)  deploy    Succeeded',
        "   ├─? deploy(1:us)  deploy    Undetermined  when '{{steps.probe.outputs.result}} == ok': the output 'result' of 'probe' was not given",
        "   └─○ notify        notify    Skipped       when 'false' evaluated false",
        '',
        ' ✔ onExit            cleanup   Succeeded',
        '',
      ].join('\n'),
    );
  });

  test('the same run gives the same text whatever order its nodes are stored in', () => {
    const reversed: Simulation = {
      ...stepsRun,
      nodes: Object.fromEntries(Object.entries(stepsRun.nodes).reverse()),
    };
    expect(formatSimulation(reversed)).toBe(formatSimulation(stepsRun));
  });

  test('colour: only the symbols and phases are painted, and the columns stay aligned', () => {
    const colored = formatSimulation(canaryGateFailed, { color: true });
    expect(colored).toContain(
      ` ├─${ESC}[31m✖${ESC}[0m web-25-gate          web-gate              ${ESC}[31mFailed${ESC}[0m     Error`,
    );
    expect(colored).toContain(`Status:              ${ESC}[31mFailed${ESC}[0m`);
    expect(colored).toContain(` ├─${ESC}[32m✔${ESC}[0m image `);
    expect(colored).toContain(` ├─${ESC}[2m○${ESC}[0m web-promote-image `);
    expect(colored.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '')).toBe(formatSimulation(canaryGateFailed));
    expect(formatSimulation(canaryGateFailed)).not.toContain(ESC);
  });

  test('an undetermined node without a message shows the reason the run gives for it', () => {
    const sim = run('Undetermined', [
      { name: 'wf', type: 'DAG', templateName: 'main', phase: 'Undetermined' },
      { name: 'wf.fan', type: 'Pod', templateName: 'fan', phase: 'Undetermined', boundaryID: 'wf' },
    ]);
    const withReason = {
      ...sim,
      undetermined: [{ node: 'n1', reason: "withParam: the output 'list' of 'gen' was not given" }],
    };
    expect(formatSimulation(withReason)).toContain(
      " └─? fan  fan       Undetermined  withParam: the output 'list' of 'gen' was not given\n",
    );
  });

  test('a suspend node left waiting shows as waiting; a multi-line message stays on its row', () => {
    const sim = run('Running', [
      { name: 'wf', type: 'Steps', templateName: 'main', phase: 'Running', children: ['wf[0]'] },
      {
        name: 'wf[0]',
        display: '[0]',
        type: 'StepGroup',
        phase: 'Running',
        boundaryID: 'wf',
        children: ['wf[0].approve'],
      },
      {
        name: 'wf[0].approve',
        type: 'Suspend',
        templateName: 'approve',
        phase: 'Running',
        boundaryID: 'wf',
        message: 'waiting\nfor approval',
      },
    ]);
    expect(formatSimulation(sim)).toContain(' └───ǁ approve  approve   Running  waiting for approval\n');
  });

  test('a templateRef node names WorkflowTemplate/template, as argo get does', () => {
    const sim = run('Succeeded', [
      { name: 'wf', type: 'DAG', templateName: 'main', phase: 'Succeeded' },
      {
        name: 'wf.build',
        type: 'Pod',
        templateRef: { name: 'ci', template: 'kaniko' },
        phase: 'Succeeded',
        boundaryID: 'wf',
      },
    ]);
    expect(formatSimulation(sim)).toContain(' └─✔ build  ci/kaniko  Succeeded\n');
  });

  test("a workflow whose entrypoint retried once: the attempt takes the root's row, the name stays the workflow's", () => {
    const sim = run('Succeeded', [
      { name: 'wf', type: 'Retry', templateName: 'flaky', phase: 'Succeeded', children: ['wf(0)'] },
      { name: 'wf(0)', type: 'Pod', templateName: 'flaky', phase: 'Succeeded' },
      { name: 'wf.onExit', type: 'Pod', templateName: 'notify', phase: 'Succeeded' },
    ]);
    expect(formatSimulation(sim)).toBe(
      [
        'Name:                wf',
        'Status:              Succeeded',
        '',
        'STEP       TEMPLATE  PHASE      MESSAGE',
        ' ✔ wf(0)   flaky     Succeeded',
        '',
        ' ✔ onExit  notify    Succeeded',
        '',
      ].join('\n'),
    );
  });

  test('no nodes: only the workflow lines', () => {
    expect(formatSimulation({ phase: 'Error', message: 'no entrypoint', nodes: {}, order: [], undetermined: [] })).toBe(
      'Status:              Error\nMessage:             no entrypoint\n',
    );
  });
});

import { ArgoGenError } from '@argo-gen/model';
import { describe, expect, test } from 'vitest';
import {
  assertDidNotRun,
  assertPhase,
  assertRan,
  assertRanBefore,
  type SimulationMatchers,
  simulate,
  simulationMatchers,
} from '../src/index.js';
import { container, workflow } from './helpers.js';

expect.extend(simulationMatchers);
declare module 'vitest' {
  interface Assertion<T> extends SimulationMatchers<T> {}
}

/**
 * A release: a looped deploy, a retried build, a gate, a rollback DAG (with a task of its own) that runs only when
 * the gate fails, a task exit handler, a workflow exit handler and hook, and a template nothing calls.
 */
const release = workflow(
  {
    entrypoint: 'main',
    onExit: 'cleanup',
    hooks: { running: { template: 'notify', expression: 'workflow.status == "Running"' } },
    templates: [
      {
        name: 'main',
        dag: {
          tasks: [
            { name: 'build', template: 'work' },
            {
              name: 'deploy',
              template: 'work',
              depends: 'build',
              withItems: ['eu.west', 'us(1)'],
              onExit: 'report',
            },
            { name: 'gate', template: 'check', depends: 'deploy' },
            { name: 'rollback', template: 'undo', depends: 'gate.Failed' },
          ],
        },
      },
      { name: 'undo', dag: { tasks: [{ name: 'undo-web', template: 'work' }] } },
      container('work', { retryStrategy: { limit: 2 } }),
      container('check'),
      container('report'),
      container('cleanup'),
      container('notify'),
      container('orphan'),
    ],
  },
  'rel',
);

const unknownNode = (where: string, name: string, near?: string) =>
  `${where}: no node or template of this workflow is called '${name}'${near ? `; did you mean '${near}'?` : ''} [simulate/unknown-node]`;

describe('names given to simulate(): outcome keys', () => {
  test('every name a node could have is accepted: task, template, hook, loop item, retry attempt, full name', () => {
    const run = simulate(release, {
      outcomes: {
        'deploy(0:eu.west)': 'Failed',
        'deploy(1:us1)': 'Succeeded', // Argo drops parentheses from an item's name
        'rel.build(0)': 'Failed',
        'rel.gate': 'Succeeded',
        check: 'Succeeded',
        'undo-web': 'Failed',
        'rel.rollback.undo-web': 'Failed',
        'deploy(0:eu.west).onExit': 'Succeeded',
        'rel.onExit': 'Succeeded',
        'rel.hooks.running': 'Succeeded',
        notify: 'Succeeded',
        rel: 'Succeeded',
      },
    });
    expect(run).phase('deploy(0:eu.west)', 'Failed');
    expect(run).phase('build(0)', 'Failed');
    expect(run).phase('build(1)', 'Succeeded');
  });

  test('a name no node could have is an ArgoGenError with a "did you mean", before anything runs', () => {
    let error: unknown;
    try {
      simulate(release, { outcomes: { gat: 'Failed', 'rel.rollback.undo-wbe': 'Failed', zzz: 'Failed' } });
    } catch (e) {
      error = e;
    }
    if (!(error instanceof ArgoGenError)) throw new Error('expected an ArgoGenError');
    expect(error.issues.map((i) => i.code)).toEqual([
      'simulate/unknown-node',
      'simulate/unknown-node',
      'simulate/unknown-node',
    ]);
    expect(error.message).toBe(
      [
        unknownNode('outcomes', 'gat', 'gate'),
        unknownNode('outcomes', 'rel.rollback.undo-wbe', 'rel.rollback.undo-web'),
        unknownNode('outcomes', 'zzz'),
      ].join('\n'),
    );
  });

  test('a template nothing reaches is no node of this workflow; nor is a word that is no part of a name', () => {
    expect(() => simulate(release, { outcomes: { orphan: 'Failed' } })).toThrow(unknownNode('outcomes', 'orphan'));
    expect(() => simulate(release, { outcomes: { 'gate.hooks': 'Failed' } })).toThrow(
      unknownNode('outcomes', 'gate.hooks'),
    );
    expect(() => simulate(release, { outcomes: { 'gate(0)x': 'Failed' } })).toThrow(/called 'gate\(0\)x'/);
    expect(() => simulate(release, { outcomes: { 'gate.': 'Failed' } })).toThrow(/called 'gate\.'/);
    expect(() => simulate(release, { outcomes: { '.gate': 'Failed' } })).toThrow(/called '\.gate'/);
    expect(() => simulate(release, { outcomes: { ['__proto__']: 'Failed' } })).toThrow(/called '__proto__'/);
  });

  test('a declared name with a {{…}} in it stands for whatever the run makes of it, in that place only', () => {
    const templated = workflow({
      entrypoint: 'main',
      templates: [{ name: 'main', dag: { tasks: [{ name: 'deploy-{{item}}', template: 'work' }] } }, container('work')],
    });
    expect(() =>
      simulate(templated, { outcomes: { 'deploy-eu': 'Failed', 'wf.deploy-us(0)': 'Failed' } }),
    ).not.toThrow();
    expect(() => simulate(templated, { outcomes: { 'deply-eu': 'Failed' } })).toThrow(/called 'deply-eu'/);
    expect(() => simulate(templated, { outcomes: { 'deploy-eu.x': 'Failed' } })).toThrow(/called 'deploy-eu.x'/);
  });

  test('a templateRef reaches into the WorkflowTemplate given for it', () => {
    const library = {
      kind: 'WorkflowTemplate',
      metadata: { name: 'lib' },
      spec: { templates: [{ name: 'inner', dag: { tasks: [{ name: 'deep', template: 'leaf' }] } }, container('leaf')] },
    };
    const caller = workflow({
      entrypoint: 'main',
      templates: [{ name: 'main', steps: [[{ name: 'call', templateRef: { name: 'lib', template: 'inner' } }]] }],
    });
    const run = simulate(caller, { templates: [library], outcomes: { deep: 'Failed', 'wf[0].call.deep': 'Failed' } });
    expect(run).phase('deep', 'Failed');
    expect(run).ran('[0]');
    expect(() => simulate(caller, { templates: [library], outcomes: { dep: 'Failed' } })).toThrow(
      unknownNode('outcomes', 'dep', 'deep'),
    );
  });
});

describe('names given to the matchers and assert functions', () => {
  const run = simulate(release, { outcomes: { check: 'Succeeded' } });

  test('a node that could have run but did not is a valid name, and did not run', () => {
    expect(run).didNotRun('rollback');
    expect(run).didNotRun('undo-web');
    expect(run).didNotRun('rel.rollback.undo-web');
    expect(run).ran('deploy');
    expect(run).ran('rel.deploy(1:us1)');
    expect(run).ranBefore('build', 'gate');
    assertDidNotRun(run, 'undo-web');
    assertRan(run, 'rel.hooks.running');
  });

  test('a name no node could have throws, for every matcher, its negation and every assert function', () => {
    expect(() => expect(run).didNotRun('rollbak')).toThrow(unknownNode('didNotRun', 'rollbak', 'rollback'));
    expect(() => expect(run).not.ran('rollbak')).toThrow(unknownNode('ran', 'rollbak', 'rollback'));
    expect(() => expect(run).phase('gat', 'Succeeded')).toThrow(unknownNode('phase', 'gat', 'gate'));
    expect(() => expect(run).not.phase('gat', 'Failed')).toThrow(unknownNode('phase', 'gat', 'gate'));
    expect(() => expect(run).ranBefore('build', 'gat')).toThrow(unknownNode('ranBefore', 'gat', 'gate'));
    expect(() => assertRan(run, 'orphan')).toThrow(unknownNode('ran', 'orphan'));
    expect(() => assertDidNotRun(run, 'orphan')).toThrow(ArgoGenError);
    expect(() => assertPhase(run, 'gat', 'Failed')).toThrow(ArgoGenError);
    expect(() => assertRanBefore(run, 'gat', 'build')).toThrow(ArgoGenError);
  });

  test('a copy of a run (spread, or through JSON) knows only its nodes', () => {
    const copy = JSON.parse(JSON.stringify(run));
    expect(copy).ran('gate');
    expect(() => expect(copy).didNotRun('undo-web')).toThrow(unknownNode('didNotRun', 'undo-web'));
  });
});

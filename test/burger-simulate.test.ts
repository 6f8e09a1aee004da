/**
 * The Burger Stack's deployment strategies, asked "what runs when this step fails?" through simulate(), for every
 * failure point. The expectations come from what each strategy promises (its doc comment in packages/steps and the
 * templates' own comments), not from a run: a canary's failed step rolls back and fails the workflow, a failure
 * before anything changed rolls nothing back, a failure while promoting is left for a person, an approval rejected
 * stops the release before production is touched.
 */
import { dag, type Synthesizable, synth, workflow } from '@argo-gen/dsl';
import {
  type Outcome,
  type Simulation,
  type SimulationMatchers,
  simulate,
  simulationMatchers,
} from '@argo-gen/simulate';
import { promote } from '@argo-gen/steps';
import { describe, expect, test } from 'vitest';
import canaryRelease from '../examples/canary-release.js';
import daemonSetRelease from '../examples/daemonset-rolling.js';
import statefulSetRelease from '../examples/statefulset-canary.js';
import build from '../templates/build.js';
import configure from '../templates/configure.js';
import deployCanary from '../templates/deploy-canary.js';
import deployRolling from '../templates/deploy-rolling.js';
import perfMonitor from '../templates/perf-monitor.js';
import pipeline from '../templates/pipeline.js';
import rollbackTemplate from '../templates/rollback.js';

expect.extend(simulationMatchers);
declare module 'vitest' {
  interface Assertion<T> extends SimulationMatchers<T> {}
}

/**
 * Outcomes the simulation cannot know by itself, taken from the templates: a step made by `fail()` ends a rollback
 * with a container that always exits 1 (steps/src/fail.ts), and the simulation runs no containers. Keyed by template
 * name, so an outcome given for a node name still wins.
 */
function exitsOne(...values: readonly unknown[]): Record<string, Outcome> {
  const outcomes: Record<string, Outcome> = {};
  for (const value of values) {
    const doc = synth(value as Synthesizable) as {
      spec?: { templates?: readonly { name?: string; container?: { command?: readonly string[] } }[] };
    };
    for (const t of doc.spec?.templates ?? [])
      if (t.name && t.container?.command?.some((c) => /(^|;\s*)exit 1$/.test(c))) outcomes[t.name] = 'Failed';
  }
  return outcomes;
}

/**
 * A release as its strategy lays it out: steps before anything changed (a failure there rolls nothing back), steps
 * whose failure rolls back, steps after the last gate (a failure there is not rolled back), and the rollback, whose
 * last step fails the workflow on purpose.
 */
interface Strategy {
  readonly before: readonly string[];
  readonly guarded: readonly string[];
  readonly after: readonly string[];
  readonly rollback: readonly string[];
}

function expectRan(run: Simulation, names: readonly string[], phase: 'Succeeded' | 'Failed' = 'Succeeded') {
  for (const name of names) expect(run).phase(name, phase);
}

function expectNotRun(run: Simulation, names: readonly string[]) {
  for (const name of names) expect(run).didNotRun(name);
}

function inOrder(run: Simulation, names: readonly string[]) {
  for (let i = 1; i < names.length; i++) expect(run).ranBefore(names[i - 1] as string, names[i] as string);
}

/** Every failure point of a strategy, and its success, against its promises. */
function strategySuite(
  label: string,
  release: unknown,
  s: Strategy,
  options: { parameters?: Record<string, string> } = {},
) {
  const forward = [...s.before, ...s.guarded, ...s.after];
  const sim = (outcomes: Record<string, Outcome> = {}) =>
    simulate(release, { ...options, outcomes: { ...exitsOne(release), ...outcomes } });

  describe(label, () => {
    test('nothing fails: every step runs in order, no rollback, Succeeded', () => {
      const run = sim();
      expectRan(run, forward);
      inOrder(run, forward);
      expectNotRun(run, s.rollback);
      expect(run.phase).toBe('Succeeded');
    });

    for (const [i, step] of s.before.entries()) {
      test(`${step} fails: nothing had changed, so nothing is rolled back; Failed`, () => {
        const run = sim({ [step]: 'Failed' });
        expectRan(run, s.before.slice(0, i));
        expect(run).phase(step, 'Failed');
        expectNotRun(run, [...forward.slice(i + 1), ...s.rollback]);
        expect(run.phase).toBe('Failed');
      });
    }

    for (const [i, step] of s.guarded.entries()) {
      for (const outcome of ['Failed', 'Error'] as const) {
        test(`${step} ends ${outcome}: the rollback runs after it, the rest does not; the workflow fails`, () => {
          const run = sim({ [step]: outcome });
          const done = [...s.before, ...s.guarded.slice(0, i)];
          expectRan(run, done);
          expect(run).phase(step, outcome);
          expectNotRun(run, [...s.guarded.slice(i + 1), ...s.after]);
          const rollback = s.rollback.slice(0, -1);
          const last = s.rollback.at(-1) as string;
          expectRan(run, rollback);
          expect(run).phase(last, 'Failed'); // the rollback worked, and the workflow says the release did not
          inOrder(run, [step, ...s.rollback]);
          // Argo gives a DAG the phase of the first failed branch among its leaf tasks, in task order, an omitted
          // leaf taking the phase of the branch above it (v4.1.2 dag.go assessDAGPhase). The rollback waits on every
          // guarded step, so those are never leaves; steps after the last gate are not watched, and the last of them
          // is a leaf listed before the rollback's: with such steps an errored step's branch decides (Error), without
          // them the rollback's deliberate failure does (Failed).
          expect(run.phase).toBe(outcome === 'Error' && s.after.length > 0 ? 'Error' : 'Failed');
        });
      }
    }

    for (const [i, step] of s.after.entries()) {
      test(`${step} fails while promoting: not rolled back (the new version passed every gate); Failed`, () => {
        const run = sim({ [step]: 'Failed' });
        expectRan(run, [...s.before, ...s.guarded, ...s.after.slice(0, i)]);
        expect(run).phase(step, 'Failed');
        expectNotRun(run, [...s.after.slice(i + 1), ...s.rollback]);
        expect(run.phase).toBe('Failed');
      });
    }

    if (s.rollback.length > 1) {
      const first = s.rollback[0] as string;
      test(`the rollback's first step (${first}) fails too: the rest of the rollback does not run; Failed`, () => {
        const gate = s.guarded.at(-1) as string;
        const run = sim({ [gate]: 'Failed', [first]: 'Failed' });
        expect(run).phase(first, 'Failed');
        expectNotRun(run, s.rollback.slice(1, -1));
        expect(run.phase).toBe('Failed');
      });
    }
  });
}

// examples/canary-release.ts: 25 % then 100 % of 4 pods, a k6 gate after each step (steps/strategies/canary.ts).
const weights = [25, 100];
strategySuite('canary (examples/canary-release.ts)', canaryRelease, {
  before: ['web-canary-image'],
  guarded: weights.flatMap((w) => [
    `web-${w}-scale-canary`,
    `web-${w}-canary-ready`,
    `web-${w}-scale-stable`,
    `web-${w}-gate`,
  ]),
  after: ['web-promote-image', 'web-promote-scale', 'web-promote-ready', 'web-retire-canary'],
  rollback: ['web-rollback-stable', 'web-rollback-ready', 'web-rollback-canary', 'web-rolled-back'],
});

// examples/statefulset-canary.ts: partition steps 1 then 3 of 5 (steps/strategies/statefulset-canary.ts): "any
// failure after the image was set (a step's partition, readiness or gate, or the final rollout) rolls back".
strategySuite('statefulset canary (examples/statefulset-canary.ts)', statefulSetRelease, {
  before: ['db-stable-image', 'db-hold'],
  guarded: [
    'db-canary-image',
    ...[1, 3].flatMap((n) => [`db-${n}-partition`, `db-${n}-ready`, `db-${n}-gate`]),
    'db-promote',
    'db-promote-ready',
  ],
  after: [],
  rollback: ['db-rollback-image', 'db-rollback-pods', 'db-rollback-partition', 'db-rollback-ready', 'db-rolled-back'],
});

// examples/daemonset-rolling.ts (steps/strategies/daemonset-rolling.ts): "if the rollout does not complete in time
// or the gate fails, the image read before is set again, its rollout is awaited, and a last step fails the workflow".
strategySuite('daemonset rolling (examples/daemonset-rolling.ts)', daemonSetRelease, {
  before: ['agent-stable-image', 'agent-strategy', 'agent-set-image'],
  guarded: ['agent-ready', 'agent-gate'],
  after: [],
  rollback: ['agent-rollback-image', 'agent-rollback-ready', 'agent-rolled-back'],
});

// promote() with an approval (steps/strategies/promote.ts): read the image that passed, wait for a person, roll out.
const promotion = workflow(
  { generateName: 'promote-' },
  {
    entrypoint: dag(
      'promote',
      promote({
        name: 'web',
        from: { name: 'web', namespace: 'staging' },
        to: { name: 'web', namespace: 'prod' },
        approval: true,
      }),
    ),
  },
);
strategySuite('promotion (promote with approval)', promotion, {
  // The approval is a suspend node: approved by default, rejected or left waiting below.
  before: ['web-source-image', 'web-deploy-set-image'],
  guarded: ['web-deploy-status'],
  after: [],
  rollback: ['web-deploy-undo', 'web-deploy-rolled-back'],
});

describe('promotion: the approval', () => {
  test('rejected: production is not touched, the workflow fails', () => {
    const run = simulate(promotion, { outcomes: { ...exitsOne(promotion), 'web-approve': 'reject' } });
    expect(run).ran('web-source-image');
    expect(run).phase('web-approve', 'Failed');
    expectNotRun(run, ['web-deploy-set-image', 'web-deploy-status', 'web-deploy-undo']);
    expect(run.phase).toBe('Failed');
  });

  test('left waiting: the run has not ended, nothing after the approval ran', () => {
    const run = simulate(promotion, { outcomes: { ...exitsOne(promotion), 'web-approve': 'wait' } });
    expect(run).phase('web-approve', 'Running');
    expectNotRun(run, ['web-deploy-set-image', 'web-deploy-status']);
    expect(run.phase).toBe('Running');
  });
});

// templates/deploy-rolling.ts: database, then backend, then frontend, each rolled out and undone on a failed status.
const images = { 'frontend-image': 'f@sha256:1', 'backend-image': 'b@sha256:2', 'database-image': 'd@sha256:3' };
const components = ['database', 'backend', 'frontend'];
describe('rolling (templates/deploy-rolling.ts)', () => {
  const sim = (outcomes: Record<string, Outcome> = {}) =>
    simulate(deployRolling, { parameters: images, outcomes: { ...exitsOne(deployRolling), ...outcomes } });

  test('nothing fails: each component set and awaited in turn, no undo; Succeeded', () => {
    const run = sim();
    const forward = components.flatMap((c) => [`${c}-set-image`, `${c}-status`]);
    expectRan(run, forward);
    inOrder(run, forward);
    expectNotRun(
      run,
      components.flatMap((c) => [`${c}-undo`, `${c}-rolled-back`]),
    );
    expect(run.phase).toBe('Succeeded');
  });

  for (const [i, c] of components.entries()) {
    const earlier = components.slice(0, i);
    const later = components.slice(i + 1);
    test(`${c}'s rollout does not complete: ${c} is undone, the components after it are not touched; Failed`, () => {
      const run = sim({ [`${c}-status`]: 'Failed' });
      expectRan(
        run,
        earlier.flatMap((e) => [`${e}-set-image`, `${e}-status`]),
      );
      expectNotRun(
        run,
        earlier.flatMap((e) => [`${e}-undo`, `${e}-rolled-back`]),
      );
      expect(run).phase(`${c}-status`, 'Failed');
      expect(run).phase(`${c}-undo`, 'Succeeded');
      expect(run).phase(`${c}-rolled-back`, 'Failed');
      inOrder(run, [`${c}-status`, `${c}-undo`, `${c}-rolled-back`]);
      expectNotRun(
        run,
        later.flatMap((l) => [`${l}-set-image`, `${l}-status`, `${l}-undo`]),
      );
      expect(run.phase).toBe('Failed');
    });

    test(`${c}'s set-image fails: nothing changed, so nothing is undone; Failed`, () => {
      const run = sim({ [`${c}-set-image`]: 'Failed' });
      expectNotRun(run, [`${c}-status`, `${c}-undo`, `${c}-rolled-back`]);
      expectNotRun(
        run,
        later.flatMap((l) => [`${l}-set-image`]),
      );
      expect(run.phase).toBe('Failed');
    });
  }
});

// templates/rollback.ts: frontend, backend, database, each undone then verified; "a verification that fails fails
// the workflow: the cluster is then in a state that needs a person" (steps/strategies/rollback.ts).
describe('rollback (templates/rollback.ts)', () => {
  const forward = ['frontend', 'backend', 'database'].flatMap((c) => [`${c}-undo`, `${c}-verify`]);

  test('nothing fails: frontend first, then backend, then database; Succeeded', () => {
    const run = simulate(rollbackTemplate);
    expectRan(run, forward);
    inOrder(run, forward);
    expect(run.phase).toBe('Succeeded');
  });

  for (const [i, step] of forward.entries()) {
    test(`${step} fails: the steps after it do not run; Failed`, () => {
      const run = simulate(rollbackTemplate, { outcomes: { [step]: 'Failed' } });
      expectRan(run, forward.slice(0, i));
      expect(run).phase(step, 'Failed');
      expectNotRun(run, forward.slice(i + 1));
      expect(run.phase).toBe('Failed');
    });
  }
});

// templates/pipeline.ts: build → staging → configure staging → production → configure production → perf monitor,
// each stage a WorkflowTemplate called by templateRef.
describe('pipeline (templates/pipeline.ts)', () => {
  const stages = [
    'build',
    'deploy-staging',
    'configure-staging',
    'deploy-production',
    'configure-production',
    'perf-monitor',
  ];
  const templates = [build, configure, deployCanary, deployRolling, perfMonitor];
  const sim = (outcomes: Record<string, Outcome> = {}) =>
    simulate(pipeline, { templates, outcomes: { ...exitsOne(...templates), ...outcomes } });

  test('nothing fails: every stage runs in order, production is approved; Succeeded', () => {
    const run = sim();
    expectRan(run, stages);
    inOrder(run, stages);
    expect(run).phase('database-approve', 'Succeeded');
    expect(run.phase).toBe('Succeeded');
  });

  // A stage's failure point, by the node that fails (a full node name where a display name is used twice: the
  // build's `frontend` and the perf monitor's `frontend`), and the stage it fails.
  const failures: readonly (readonly [string, Outcome, string])[] = [
    ['burger-pipeline.build.frontend', 'Failed', 'build'],
    ['database-status', 'Failed', 'deploy-staging'],
    ['backend-status', 'Error', 'deploy-staging'],
    ['configure-staging', 'Failed', 'configure-staging'],
    ['database-approve', 'reject', 'deploy-production'],
    ['database-1-gate', 'Failed', 'deploy-production'],
    ['backend-50-gate', 'Failed', 'deploy-production'],
    ['frontend-100-gate', 'Failed', 'deploy-production'],
    ['configure-production', 'Failed', 'configure-production'],
  ];
  for (const [node, outcome, stage] of failures) {
    test(`${node} ${outcome === 'reject' ? 'rejected' : `ends ${outcome}`}: ${stage} fails, the stages after it do not run; Failed`, () => {
      const run = sim({ [node]: outcome });
      const at = stages.indexOf(stage);
      expectRan(run, stages.slice(0, at));
      expect(run).phase(stage, 'Failed');
      expectNotRun(run, stages.slice(at + 1));
      expect(run.phase).toBe('Failed');
    });
  }

  test("production's database approval rejected: no database, backend or frontend step of production runs", () => {
    const run = sim({ 'database-approve': 'reject' });
    expectNotRun(run, [
      'database-canary-image',
      'backend-canary-image',
      'frontend-canary-image',
      'database-rolled-back',
    ]);
  });

  test('a failed production gate rolls that component back and leaves the next one untouched', () => {
    const run = sim({ 'backend-50-gate': 'Failed' });
    expectRan(run, ['database-promote-ready', 'backend-10-gate', 'backend-rollback-stable', 'backend-rollback-canary']);
    // Staging has a backend-rolled-back too (omitted there): the full node name says which.
    expect(run).phase('burger-pipeline.deploy-production.backend-rolled-back', 'Failed');
    expectNotRun(run, ['backend-100-scale-canary', 'backend-promote-image', 'frontend-canary-image']);
  });

  test('the perf monitor only reports: a failing verdict does not fail a release that passed its gates', () => {
    const run = sim({ 'backend-perf': { parameters: { verdict: 'fail' } } });
    expect(run).phase('perf-monitor', 'Succeeded');
    expect(run.phase).toBe('Succeeded');
  });
});

// templates/deploy-canary.ts: after a person approves, the database as a StatefulSet canary, then the backend, then
// the frontend as canaries; "a failed step sets the old image back", "any failed gate rolls back", and a component
// that failed stops the release of the next ones (each starts after the previous one is done).
describe('production release (templates/deploy-canary.ts)', () => {
  const canarySteps = (c: string) =>
    [10, 50, 100].flatMap((w) => [
      `${c}-${w}-scale-canary`,
      `${c}-${w}-canary-ready`,
      `${c}-${w}-scale-stable`,
      `${c}-${w}-gate`,
    ]);
  const canaryRollback = (c: string) => [
    `${c}-rollback-stable`,
    `${c}-rollback-ready`,
    `${c}-rollback-canary`,
    `${c}-rolled-back`,
  ];
  const components = [
    {
      name: 'database',
      forward: ['database-stable-image', 'database-hold'],
      guarded: ['canary-image', '1-partition', '1-ready', '1-gate', 'promote', 'promote-ready'].map(
        (s) => `database-${s}`,
      ),
      after: [] as string[],
      rollback: ['rollback-image', 'rollback-pods', 'rollback-partition', 'rollback-ready', 'rolled-back'].map(
        (s) => `database-${s}`,
      ),
    },
    ...['backend', 'frontend'].map((c) => ({
      name: c,
      forward: [`${c}-canary-image`],
      guarded: canarySteps(c),
      after: [`${c}-promote-image`, `${c}-promote-scale`, `${c}-promote-ready`, `${c}-retire-canary`],
      rollback: canaryRollback(c),
    })),
  ];
  const all = (c: (typeof components)[number]) => [...c.forward, ...c.guarded, ...c.after];
  const params = { 'frontend-image': 'f@sha256:1', 'backend-image': 'b@sha256:2' };
  const sim = (outcomes: Record<string, Outcome> = {}) =>
    simulate(deployCanary, { parameters: params, outcomes: { ...exitsOne(deployCanary), ...outcomes } });

  test('approved and nothing fails: database, backend, frontend released in turn, nothing rolled back; Succeeded', () => {
    const run = sim();
    const forward = ['database-source-image', 'database-approve', ...components.flatMap(all)];
    expectRan(run, forward);
    inOrder(run, forward);
    expectNotRun(
      run,
      components.flatMap((c) => c.rollback),
    );
    expect(run.phase).toBe('Succeeded');
  });

  test('the approval rejected: no component is touched; Failed', () => {
    const run = sim({ 'database-approve': 'reject' });
    expect(run).phase('database-approve', 'Failed');
    expectNotRun(
      run,
      components.flatMap((c) => [...all(c), ...c.rollback]),
    );
    expect(run.phase).toBe('Failed');
  });

  for (const [i, c] of components.entries()) {
    for (const step of c.guarded) {
      test(`${step} fails: ${c.name} is rolled back, the components before it stay released, the ones after are not touched`, () => {
        const run = sim({ [step]: 'Failed' });
        for (const earlier of components.slice(0, i)) {
          expectRan(run, all(earlier));
          expectNotRun(run, earlier.rollback);
        }
        expect(run).phase(step, 'Failed');
        expectRan(run, c.rollback.slice(0, -1));
        expect(run).phase(c.rollback.at(-1) as string, 'Failed');
        expectNotRun(run, c.after);
        for (const later of components.slice(i + 1)) expectNotRun(run, [...all(later), ...later.rollback]);
        expect(run.phase).toBe('Failed');
      });
    }
  }
});

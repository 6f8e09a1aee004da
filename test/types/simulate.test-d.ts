/**
 * Type tests for simulate()'s node names, compiled by `tsc -p test/tsconfig.json --noEmit`, so every
 * `@ts-expect-error` below must stay an error: on a DSL value, an outcome key or a matcher's name that no node of the
 * workflow may have is a compile error; on a decoded YAML document (or a template whose names are made at run time)
 * any string is accepted, and the run says (packages/simulate/test/node-names.test.ts).
 */
import {
  container,
  dag,
  inputs,
  type NodeNamesOf,
  param,
  step,
  steps,
  suspend,
  type Template,
  task,
  workflow,
} from '@argo-gen/dsl';
import {
  assertDidNotRun,
  assertRan,
  assertRanBefore,
  type NodeName,
  type Simulation,
  type SimulationMatchers,
  simulate,
} from '@argo-gen/simulate';
import { describe, expect, expectTypeOf, it } from 'vitest';

declare module 'vitest' {
  interface Assertion<T> extends SimulationMatchers<T> {}
}

const work = container('work', { image: 'alpine' });
const notify = container('notify', { image: 'alpine' });
const release = workflow(
  { name: 'release' },
  {
    entrypoint: dag('main', [
      task('build', work, { onExit: notify }),
      task('deploy', work, { withItems: ['eu', 'us'] }),
      task('gate', suspend('approval')),
      task('rollback', steps('undo', [[step('undo-web', work)]])),
    ]),
  },
);

describe('a DSL value carries its node names', () => {
  it('as a union of the names its templates, tasks and steps declare', () => {
    expectTypeOf<NodeNamesOf<typeof release>>().toEqualTypeOf<
      'main' | 'build' | 'work' | 'notify' | 'deploy' | 'gate' | 'approval' | 'rollback' | 'undo' | 'undo-web'
    >();
  });

  it("with a call's exit handler and hooks, whether the callee takes arguments or loops", () => {
    const deploy = container('deploy', { image: 'alpine' }, { inputs: inputs({ image: param.string() }) });
    const hook = { template: container('hook', { image: 'alpine' }) };
    const t = task('t', deploy, { args: { image: 'a' }, onExit: notify, hooks: { running: hook } });
    expectTypeOf<NodeNamesOf<typeof t>>().toEqualTypeOf<'t' | 'deploy' | 'notify' | 'hook'>();
    const s = step('s', deploy, { args: { image: 'a' }, onExit: notify });
    expectTypeOf<NodeNamesOf<typeof s>>().toEqualTypeOf<'s' | 'deploy' | 'notify'>();
    const each = task('each', deploy, { withItems: ['a', 'b'], args: (image) => ({ image }), onExit: notify });
    expectTypeOf<NodeNamesOf<typeof each>>().toEqualTypeOf<'each' | 'deploy' | 'notify'>();
  });

  it('and string where a name is made at run time', () => {
    const made = (name: string): Template => container(name, { image: 'alpine' });
    const dynamic = workflow({ name: 'd' }, { entrypoint: dag('main', [task('t', made('x'))]) });
    expectTypeOf<NodeNamesOf<typeof dynamic>>().toEqualTypeOf<string>();
    expectTypeOf<NodeNamesOf<unknown>>().toEqualTypeOf<string>();
  });
});

describe('simulate() on a DSL value', () => {
  const run = simulate(release, {
    outcomes: {
      gate: 'reject',
      'deploy(0:eu)': 'Failed',
      'release.build': 'Succeeded',
      'build.onExit': 'Succeeded',
      approval: 'approve',
      'undo-web': 'Failed',
    },
  });

  it('types the run with the names', () => {
    expectTypeOf(run).toEqualTypeOf<Simulation<NodeNamesOf<typeof release>>>();
  });

  it('refuses a misspelt outcome key', () => {
    // @ts-expect-error: no node is called 'gat'
    simulate(release, { outcomes: { gat: 'reject' } });
    // @ts-expect-error: nor 'release.gat'
    simulate(release, { outcomes: { 'release.gat': 'Failed' } });
  });

  it("types the matchers' and assert functions' names", () => {
    expect(run).ran('build');
    expect(run).didNotRun('undo-web');
    expect(run).not.ran('rollback');
    expect(run).phase('deploy(1:us)', 'Succeeded');
    expect(run).ranBefore('build', 'release.gate');
    assertRan(run, 'build');
    // @ts-expect-error: misspelt
    expect(run).didNotRun('undo-wbe');
    // @ts-expect-error: misspelt, under .not too
    expect(run).not.ran('rolback');
    // @ts-expect-error: misspelt
    expect(run).phase('gat', 'Failed');
    // @ts-expect-error: the second name is misspelt
    expect(run).ranBefore('build', 'gat');
    // @ts-expect-error: misspelt
    assertDidNotRun(run, 'undo-wbe');
    // @ts-expect-error: misspelt
    assertRanBefore(run, 'buld', 'gate');
  });
});

describe('simulate() on a decoded YAML document', () => {
  const yaml: unknown = { kind: 'Workflow', metadata: { name: 'y' }, spec: { entrypoint: 'main', templates: [] } };

  it('accepts any string, which the run checks', () => {
    expectTypeOf<NodeName<NodeNamesOf<typeof yaml>>>().toEqualTypeOf<string>();
    const run = simulate(yaml, { outcomes: { anything: 'Failed' } });
    expectTypeOf(run).toEqualTypeOf<Simulation>();
    expect(run).didNotRun('anything-at-all');
    assertRan(run, 'whatever');
  });
});

import { describe, expect, test } from 'vitest';
import {
  assertDidNotRun,
  assertPhase,
  assertRan,
  assertRanBefore,
  type SimulationMatchers,
  simulationMatchers,
} from '../src/index.js';
import { canaryGateFailed, stepsRun } from './fixtures/status-nodes.js';

expect.extend(simulationMatchers);
declare module 'vitest' {
  interface Assertion<T> extends SimulationMatchers<T> {}
}

describe('simulation matchers', () => {
  test('ran / didNotRun / phase, by display name or full node name', () => {
    expect(canaryGateFailed).ran('web-25-gate');
    expect(canaryGateFailed).ran('canary.web-rollback-stable');
    expect(canaryGateFailed).didNotRun('web-promote-image');
    expect(canaryGateFailed).not.ran('web-retire-canary');
    expect(canaryGateFailed).phase('web-25-gate', 'Failed');
    expect(canaryGateFailed).phase('canary.web-promote-image', 'Omitted');
    expect(canaryGateFailed).not.phase('web-25-gate', 'Succeeded');
    expect(canaryGateFailed).ranBefore('web-25-gate', 'web-rollback-stable');
    expect(canaryGateFailed).not.ranBefore('web-rollback-stable', 'web-25-gate');
  });

  test('a failed expectation says what the node is and lists what ran, in order', () => {
    const r = simulationMatchers.ran(canaryGateFailed, 'web-promote-image');
    expect(r.pass).toBe(false);
    expect(r.message()).toBe(
      [
        "expected 'web-promote-image' to have run, but it is Omitted: omitted: depends condition not met",
        'ran, in order (workflow Failed):',
        '  canary (Failed)',
        '  image (Succeeded)',
        '  web-25-scale-canary (Succeeded)',
        '  web-25-gate (Failed)',
        '  web-rollback-stable (Succeeded)',
        '  web-rolled-back (Failed)',
      ].join('\n'),
    );
    expect(simulationMatchers.phase(canaryGateFailed, 'web-25-gate', 'Succeeded').message()).toMatch(
      /^expected 'web-25-gate' to be Succeeded, but it is Failed: Error \(exit code 1\)\nran, in order/,
    );
    expect(simulationMatchers.ranBefore(canaryGateFailed, 'web-rollback-stable', 'web-25-gate').message()).toMatch(
      /^expected 'web-rollback-stable' to have run before 'web-25-gate', but 'web-25-gate' started first\n/,
    );
    expect(simulationMatchers.ranBefore(canaryGateFailed, 'web-25-gate', 'web-promote-image').message()).toMatch(
      /but 'web-promote-image' did not run\n/,
    );
  });

  test('the negated message reads the other way', () => {
    const r = simulationMatchers.ran(canaryGateFailed, 'web-25-gate');
    expect(r.pass).toBe(true);
    expect(r.message()).toBe("expected 'web-25-gate' not to have run, but it ran (Failed: Error (exit code 1))");
  });

  test('an undetermined node neither ran nor did not run: both fail, saying why', () => {
    expect(stepsRun).not.ran('wf[1].deploy(1:us)');
    const r = simulationMatchers.didNotRun(stepsRun, 'deploy(1:us)');
    expect(r.pass).toBe(false);
    expect(r.message()).toMatch(/^expected 'deploy\(1:us\)' not to have run, but it is Undetermined: when /);
  });

  test("a name with no exact node means its loop's items; a retried node is the retry, not its attempts", () => {
    expect(stepsRun).ran('deploy');
    expect(simulationMatchers.phase(stepsRun, 'deploy', 'Succeeded').message()).toContain(
      'but it is Succeeded (wf[1].deploy(0:eu)), Undetermined (wf[1].deploy(1:us))',
    );
    expect(stepsRun).phase('build', 'Succeeded');
    expect(stepsRun).phase('build(0)', 'Failed');
    expect(stepsRun).ranBefore('build', 'deploy');
  });

  test('skipped by when counts as did not run', () => {
    expect(stepsRun).didNotRun('notify');
  });

  test('a run made by hand knows only its own nodes: a name none has is refused, not passed', () => {
    expect(() => simulationMatchers.didNotRun(stepsRun, 'rollback')).toThrow(
      "didNotRun: no node or template of this workflow is called 'rollback' [simulate/unknown-node]",
    );
    expect(() => simulationMatchers.ran(canaryGateFailed, 'web-25-gat')).toThrow(
      "ran: no node or template of this workflow is called 'web-25-gat'; did you mean 'web-25-gate'?",
    );
  });

  test('the assert functions throw the same messages', () => {
    expect(() => assertRan(canaryGateFailed, 'web-25-gate')).not.toThrow();
    expect(() => assertDidNotRun(canaryGateFailed, 'web-25-gate')).toThrow(
      "expected 'web-25-gate' not to have run, but it is Failed: Error (exit code 1)",
    );
    expect(() => assertPhase(canaryGateFailed, 'web-rolled-back', 'Failed')).not.toThrow();
    expect(() => assertRanBefore(canaryGateFailed, 'web-rolled-back', 'image')).toThrow(/'image' started first/);
  });

  test('anything but a simulation is refused with a message, not a TypeError', () => {
    const r = simulationMatchers.ran({ phase: 'Succeeded' }, 'x');
    expect(r.pass).toBe(false);
    expect(r.message()).toBe('expected a simulation (the result of simulate()), got object');
  });
});

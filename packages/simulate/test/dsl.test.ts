import { describe, expect, it } from 'vitest';
import canary from '../../../examples/canary-release.js';
import library from '../../../examples/library.js';
import templateRefExample from '../../../examples/template-ref.js';
import { simulate } from '../src/index.js';
import { names, phaseOf } from './helpers.js';

describe('simulating DSL values', () => {
  it('answers "what runs when the 25% gate fails" for the canary example: the rollback path, nothing at 100%', () => {
    const run = simulate(canary, { outcomes: { 'web-25-gate': 'Failed', 'web-rolled-back': 'Failed' } });
    const ran = (task: string) => phaseOf(run, `canary-release-sim.${task}`);
    expect(ran('web-25-gate')).toBe('Failed');
    for (const t of ['web-rollback-stable', 'web-rollback-ready', 'web-rollback-canary'])
      expect(ran(t)).toBe('Succeeded');
    expect(ran('web-rolled-back')).toBe('Failed');
    for (const t of ['web-100-scale-canary', 'web-100-gate', 'web-promote-image', 'web-retire-canary']) {
      expect(ran(t)).toBe('Omitted');
    }
    expect(run.phase).toBe('Failed');
  });

  it('promotes and never rolls back when every gate passes', () => {
    const run = simulate(canary);
    expect(phaseOf(run, 'canary-release-sim.web-retire-canary')).toBe('Succeeded');
    expect(phaseOf(run, 'canary-release-sim.web-rollback-stable')).toBe('Omitted');
    expect(phaseOf(run, 'canary-release-sim.web-rolled-back')).toBe('Omitted');
    expect(run.phase).toBe('Succeeded');
  });

  it('runs a templateRef in the WorkflowTemplate given in options.templates, and passes its outputs on', () => {
    const run = simulate(templateRefExample, {
      templates: [library],
      outcomes: { shout: { parameters: { loud: 'BURGERS' } } },
    });
    expect(names(run)).toEqual(['template-ref-sim', 'template-ref-sim.loud', 'template-ref-sim.show']);
    const loud = Object.values(run.nodes).find((n) => n.name === 'template-ref-sim.loud');
    expect(loud?.templateRef).toEqual({ name: 'text-library', template: 'shout' });
    const show = Object.values(run.nodes).find((n) => n.name === 'template-ref-sim.show');
    expect(show?.inputs?.parameters).toEqual([{ name: 'text', value: 'BURGERS' }]);
    expect(run.phase).toBe('Succeeded');
  });

  it('says a templateRef to a WorkflowTemplate it was not given is undetermined', () => {
    const run = simulate(templateRefExample);
    expect(phaseOf(run, 'template-ref-sim.loud')).toBe('Undetermined');
    expect(run.undetermined[0]?.reason).toMatch(/WorkflowTemplate 'text-library' was not given/);
    expect(run.phase).toBe('Undetermined');
  });
});

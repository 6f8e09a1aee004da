import type * as model from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { step, steps, synth, workflowTemplate } from '../src/index.js';
import { echo, issuesOf } from './helpers.js';

const say = (name: string) => step(name, echo, { args: { who: name } });

describe('steps(): order checks', () => {
  it('a step may read the outputs of a step in an earlier group', () => {
    const a = say('a');
    const b = step('b', echo, { args: { who: a.outputs.parameters.out } });
    const doc = synth(workflowTemplate('w', { entrypoint: steps('main', [[a], [b, say('c')]]) }));
    const main = doc.spec.templates?.find((t) => t.name === 'main');
    expect(main?.steps?.map((g) => g.map((s) => s.name))).toEqual([['a'], ['b', 'c']]);
    expect(main?.steps?.[1]?.[0]?.arguments?.parameters?.[0]?.value).toBe('{{steps.a.outputs.parameters.out}}');
  });

  it('refuses reading a step of the same group', () => {
    const a = say('a');
    const b = step('b', echo, { args: { who: a.outputs.parameters.out } });
    expect(() => steps('main', [[a, b]])).toThrow(
      "step 'b' uses an output of step 'a', which is in the same or a later group [dsl/step-order]",
    );
  });

  it('refuses reading a step of a later group', () => {
    const a = say('a');
    const b = step('b', echo, { args: { who: a.outputs.result } });
    expect(() => steps('main', [[b], [a]])).toThrow(
      "step 'b' uses an output of step 'a', which is in the same or a later group [dsl/step-order]",
    );
  });

  it('refuses reading a step that is not in this steps template', () => {
    const a = say('a');
    const b = step('b', echo, { args: { who: a.outputs.parameters.out } });
    expect(() => steps('main', [[b]])).toThrow(
      "step 'b' uses an output of step 'a', which is not in steps 'main' [dsl/step-order]",
    );
  });

  it('refuses duplicate step names, across groups', () => {
    expect(issuesOf(() => steps('main', [[say('a')], [], [say('a')]])).map((i) => [i.code, i.message])).toEqual([
      ['dsl/duplicate-step', "steps 'main' has two steps named 'a'"],
    ]);
  });

  it('accepts an empty group, as Argo does (the group succeeds at once)', () => {
    const doc = synth(workflowTemplate('w', { entrypoint: steps('main', [[], [say('a')]]) }));
    expect(doc.spec.templates?.[0]?.steps?.[0]).toEqual([]);
  });

  it('takes raw WorkflowSteps beside DSL steps; they are validated at synthesis', () => {
    const raw = {
      name: 'r',
      template: 'echo',
      arguments: { parameters: [{ name: 'who', value: 'r' }] },
    } as model.WorkflowStep;
    const ok = synth(workflowTemplate('w', { entrypoint: steps('main', [[say('a')], [raw]]) }));
    expect(ok.spec.templates?.[0]?.steps?.[1]).toEqual([raw]);
    const misspelled = { name: 'r', template: 'echo', wehn: 'true' } as model.WorkflowStep;
    expect(() => synth(workflowTemplate('w', { entrypoint: steps('main', [[say('a')], [misspelled]]) }))).toThrow(
      "/spec/templates/0/steps/1/0/wehn: template 'main', step 'r': unknown field 'wehn' [schema/unknown-field]",
    );
  });
});

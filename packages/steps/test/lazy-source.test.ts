import {
  container,
  dag,
  event,
  inputs,
  on,
  param,
  rbac,
  synth,
  task,
  workflow,
  workflowEventBinding,
  workflowParams,
  workflowTemplate,
} from '@argo-gen/dsl';
import type { Issue } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { perfCheck } from '../src/index.js';

// Every DSL value captures its call site but formats it (Node source-maps every frame of the stack, decoding the
// bundles' maps) only when a problem asks for the location: a clean build and synth formats no stack at all. Reading
// `source` eagerly anywhere (a spread of a template, a value's location passed along "just in case", every
// template's location looked up for one warning) made every `argo-gen generate` pay for the maps, about a fifth of
// its CPU time.
describe('call sites are formatted only when a problem needs them', () => {
  /** How many stacks `run` formats: V8 calls `Error.prepareStackTrace` once for each `.stack` it produces. */
  function stacksFormattedBy(run: () => void): number {
    const original = Error.prepareStackTrace;
    let count = 0;
    Error.prepareStackTrace = (error, frames) => {
      count++;
      return original ? original(error, frames) : `${error}`;
    };
    try {
      run();
    } finally {
      Error.prepareStackTrace = original;
    }
    return count;
  }

  /** One value of each kind that captures a site; `unusedInput` gives the notify template a lint warning. */
  function build(unusedInput: boolean) {
    const params = workflowParams({ revision: param.string() });
    const gate = perfCheck({ name: 'web-gate', target: { url: 'http://web' }, thresholds: { p95Ms: 300 } });
    const notifyInputs = inputs({ outcome: param.string() });
    const args = unusedInput ? [] : ['echo', notifyInputs.outcome];
    const notify = container('notify', { image: 'alpine:3.20', args }, { inputs: notifyInputs, access: [] });
    const main = dag('main', [task('gate', gate)]);
    const template = workflowTemplate('pipeline', {
      namespace: 'ci',
      entrypoint: main,
      params,
      hooks: { exit: { template: notify, args: { outcome: 'done' } } },
    });
    const binding = workflowEventBinding('on-push', {
      namespace: 'ci',
      selector: on.eq(event.discriminator, 'x'),
      submit: template,
      args: { revision: event.payload.field('after') },
    });
    const run = workflow({ generateName: 'run-' }, { entrypoint: main });
    const access = rbac('pipeline', { workflows: [template], eventBindings: [{ binding, serviceAccount: 'hook' }] });
    return { values: { gate, notify, template, binding, run, access }, documents: [template, binding, run] };
  }

  it('formats none while values are built and synthesised', () => {
    let built: ReturnType<typeof build> | undefined;
    const warnings: Issue[] = [];
    const formatted = stacksFormattedBy(() => {
      built = build(false);
      for (const d of built.documents) synth(d, { onWarning: (w) => warnings.push(w) });
    });
    expect(warnings).toEqual([]);
    expect(formatted).toBe(0);
    // The locations are still there when asked for: in this file, for every value.
    const file = expect.stringMatching(/lazy-source\.test\.ts$/);
    for (const v of Object.values(built?.values ?? {}))
      expect(v.source).toEqual({ file, line: expect.any(Number), column: expect.any(Number) });
    expect(built?.values.gate.mode).toBe('gate');
  });

  it('formats only the location of the template a warning is about', () => {
    const { values, documents } = build(true);
    const warnings: Issue[] = [];
    const formatted = stacksFormattedBy(() => {
      synth(documents[0] as (typeof documents)[0], { onWarning: (w) => warnings.push(w) });
    });
    expect(warnings.map((w) => w.code)).toEqual(['lint/unused-input']);
    expect(formatted).toBe(1);
    expect(warnings[0]?.source).toEqual(values.notify.source);
  });
});

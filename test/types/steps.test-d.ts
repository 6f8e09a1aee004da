/**
 * Type tests for the step library, beside the DSL's: the inputs and outputs each factory's type promises are what a
 * task may pass and read. Compiled by `tsc -p test/tsconfig.json --noEmit` (part of `pnpm test`); every
 * `@ts-expect-error` fails the build when its line stops being an error, so renaming a step's input breaks here.
 */
import { type Ref, task } from '@argo-gen/dsl';
import { ansible, kaniko, kubectl, perfCheck, webhook } from '@argo-gen/steps';
import { describe, expectTypeOf, it } from 'vitest';

const web = { name: 'web', namespace: 'burger-prod' } as const;

describe('step inputs and outputs are typed', () => {
  it('kaniko: a git context adds the revision input; digest and image are its outputs', () => {
    const fromGit = kaniko({
      context: { git: { url: 'https://example.com/app.git' } },
      destinations: ['registry.example.com/app'],
    });
    const t = task('build', fromGit, { args: { tag: 'v1', revision: 'refs/heads/main' } });
    expectTypeOf(t.outputs.parameters.digest).toEqualTypeOf<Ref<string>>();
    expectTypeOf(t.outputs.parameters.image).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: kaniko has no output 'digests'
    void t.outputs.parameters.digests;
    // @ts-expect-error: kaniko has no input 'revison'
    task('typo', fromGit, { args: { revison: 'x' } });
    const fromDir = kaniko({ context: { dir: '/workspace' }, destinations: ['registry.example.com/app'] });
    // @ts-expect-error: a directory context has no revision input
    task('dir', fromDir, { args: { revision: 'x' } });
    // @ts-expect-error: an option that does not exist
    kaniko({ context: { dir: '/w' }, destinations: ['r.example/app'], destinatons: [] });
  });

  it('ansible: each runtime variable is a required input; a git source adds revision', () => {
    const play = ansible({
      source: { git: { url: 'https://example.com/ops.git' } },
      playbook: 'configure.yml',
      runtimeVars: ['namespace'],
    });
    task('configure', play, { args: { namespace: 'burger-prod', revision: 'v2' } });
    // @ts-expect-error: the runtime variable 'namespace' must be passed
    task('missing', play, { args: { revision: 'v2' } });
    // @ts-expect-error: not a runtime variable of this step
    task('unknown', play, { args: { namespace: 'x', environment: 'prod' } });
  });

  it('kubectl: setImage needs its image, currentImage outputs one', () => {
    task('set', kubectl.setImage({ workload: web }), { args: { image: 'r.example/web@sha256:1' } });
    // @ts-expect-error: setImage's image input is required
    task('set-missing', kubectl.setImage({ workload: web }), { args: {} });
    const current = task('read', kubectl.currentImage({ workload: web }));
    expectTypeOf(current.outputs.parameters.image).toEqualTypeOf<Ref<string>>();
  });

  it('perfCheck: verdict, metrics, p95 and error-rate outputs; url and duration inputs', () => {
    const gate = task('gate', perfCheck({ target: { url: 'https://burger.example' }, thresholds: { p95Ms: 300 } }), {
      args: { duration: '30s' },
    });
    expectTypeOf(gate.outputs.parameters.p95).toEqualTypeOf<Ref<number>>();
    expectTypeOf(gate.outputs.parameters.verdict).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: no output 'latency'
    void gate.outputs.parameters.latency;
  });

  it('webhook: the body is required', () => {
    task('notify', webhook({ url: 'https://example.com/h' }), { args: { body: '{}' } });
    // @ts-expect-error: body is required
    task('silent', webhook({ url: 'https://example.com/h' }), { args: {} });
  });
});

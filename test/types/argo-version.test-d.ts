/**
 * Type tests for `argoVersion`: compiled by `tsc -p test/tsconfig.json --noEmit`; each `@ts-expect-error` fails the
 * build if its line stops being an error.
 */
import type { Config } from '@argo-gen/cli';
import { container, synth, workflowTemplate } from '@argo-gen/dsl';
import { type ArgoVersion, validateSchema } from '@argo-gen/model';
import { describe, expectTypeOf, it } from 'vitest';

describe('argoVersion', () => {
  it('is one of the supported versions wherever it is taken', () => {
    expectTypeOf<ArgoVersion>().toEqualTypeOf<'3.7' | '4.0' | '4.1'>();
    const config = { targets: [], argoVersion: '3.7' } satisfies Config;
    expectTypeOf(config.argoVersion).toEqualTypeOf<'3.7'>();
    // @ts-expect-error: a version argo-gen does not support
    const unsupported: Config = { targets: [], argoVersion: '3.6' };
    // @ts-expect-error: a release, not a version line
    validateSchema({}, { argoVersion: 'v4.1.2' });
    const wt = workflowTemplate('t', { entrypoint: container('main', { image: 'alpine' }) });
    // @ts-expect-error: a number
    synth(wt, { argoVersion: 4.1 });
    expectTypeOf(unsupported).toEqualTypeOf<Config>();
  });
});

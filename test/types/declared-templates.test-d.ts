/**
 * Type tests for templates declared by `argo-gen types`: the module it writes of
 * packages/cli/test/fixtures/types/theirs.yaml (that test holds the module equal to what the command writes), compiled
 * by `tsc -p test/tsconfig.json --noEmit`, so every `@ts-expect-error` below must stay an error.
 */
import { type Ref, step, task, templateRef } from '@argo-gen/dsl';
import { describe, expectTypeOf, it } from 'vitest';
import { ciTemplates, sharedTools } from '../../packages/cli/test/fixtures/types/ci.gen.js';

describe('templateRef on a declared WorkflowTemplate', () => {
  it('checks the template name', () => {
    templateRef(ciTemplates, 'lint');
    templateRef(sharedTools, 'notify');
    // @ts-expect-error: not a template of ci-templates
    templateRef(ciTemplates, 'bild-image');
    // @ts-expect-error: a template of another holder
    templateRef(sharedTools, 'lint');
  });

  it('types the inputs: names, required or defaulted, enums, artifacts', () => {
    const source = { git: { repo: 'https://example.com/x.git' } };
    task('a', templateRef(ciTemplates, 'build-image'), { args: { revision: 'abc', source } });
    task('b', templateRef(ciTemplates, 'build-image'), { args: { revision: 3, mode: 'thorough', source } });
    task('n', templateRef(sharedTools, 'notify'), { args: { message: 'hi' } });
    // @ts-expect-error: the required input 'revision' is missing
    task('c', templateRef(ciTemplates, 'build-image'), { args: { source } });
    // @ts-expect-error: 'turbo' is not in the enum
    task('d', templateRef(ciTemplates, 'build-image'), { args: { revision: 'abc', mode: 'turbo', source } });
    // @ts-expect-error: 'colour' is not an input
    task('e', templateRef(ciTemplates, 'build-image'), { args: { revision: 'abc', source, colour: 'red' } });
    // @ts-expect-error: the required artifact 'source' is missing
    step('f', templateRef(ciTemplates, 'build-image'), { args: { revision: 'abc' } });
    // @ts-expect-error: the required input 'message' is missing
    task('g', templateRef(sharedTools, 'notify'), { args: { channel: '#ci' } });
  });

  it('types the outputs by kind', () => {
    const source = { raw: { data: 'x' } };
    const b = task('b', templateRef(ciTemplates, 'build-image'), { args: { revision: 'abc', source } });
    expectTypeOf(b.outputs.parameters.digest).toEqualTypeOf<Ref<string>>();
    expectTypeOf(b.outputs.artifacts.report).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: misspelled output
    b.outputs.parameters.digets;
    // @ts-expect-error: an artifact is not a parameter
    b.outputs.parameters.report;
  });
});

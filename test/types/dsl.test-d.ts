/**
 * Type tests for the DSL: compiled by `tsc -p test/tsconfig.json --noEmit` (part of `pnpm test`), which is what makes
 * every `@ts-expect-error` below count: if the line stops being an error, the directive itself fails the build.
 */
import {
  container,
  dag,
  inputs,
  output,
  param,
  paramsNamed,
  type Ref,
  step,
  task,
  templateRef,
  workflowFrom,
  workflowParams,
  workflowTemplate,
} from '@argo-gen/dsl';
import { describe, expectTypeOf, it } from 'vitest';

const bi = inputs({
  repo: param.string(),
  tag: param.string({ default: 'latest' }),
  mode: param.enum(['fast', 'slow']),
});
const build = container(
  'build',
  { image: 'gcr.io/kaniko-project/executor:v1.23.2', args: [bi.repo, bi.tag, bi.mode] },
  { inputs: bi, outputs: { digest: output.path('/tmp/digest'), image: output.artifact('/tmp/image.tar') } },
);

describe('outputs', () => {
  it('declared outputs are typed handles; a misspelled one is a compile error', () => {
    const b = task('build', build, { args: { repo: 'r', mode: 'fast' } });
    expectTypeOf(b.outputs.parameters.digest).toEqualTypeOf<Ref<string>>();
    expectTypeOf(b.outputs.artifacts.image).toEqualTypeOf<Ref<string>>();
    expectTypeOf(b.outputs.result).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: misspelled output name
    b.outputs.parameters.digets;
    // @ts-expect-error: an artifact is not a parameter
    b.outputs.parameters.image;
    // @ts-expect-error: a parameter is not an artifact
    b.outputs.artifacts.digest;
  });

  it('steps have the same typed outputs', () => {
    const s = step('build', build, { args: { repo: 'r', mode: 'slow' } });
    expectTypeOf(s.outputs.parameters.digest).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: misspelled output name
    s.outputs.parameters.digest_;
  });

  it('template input handles are typed by their declaration', () => {
    expectTypeOf(bi.repo).toEqualTypeOf<Ref<string>>();
    expectTypeOf(bi.mode).toEqualTypeOf<Ref<'fast' | 'slow'>>();
    // @ts-expect-error: not a declared input
    bi.revision;
  });
});

describe('arguments', () => {
  it('accepts literals and handles for declared inputs', () => {
    const up = task('up', build, { args: { repo: 'r', mode: 'fast' } });
    task('ok', build, { args: { repo: up.outputs.parameters.digest, tag: 'v1', mode: up.outputs.result } });
  });

  it('refuses a misspelled or unknown argument name', () => {
    // @ts-expect-error: 'rpeo' is not an input of build
    task('a', build, { args: { rpeo: 'r', repo: 'r', mode: 'fast' } });
    // @ts-expect-error: unknown argument on a step too
    step('a', build, { args: { repo: 'r', mode: 'fast', colour: 'red' } });
  });

  it('refuses a call without a required argument', () => {
    // @ts-expect-error: no options at all, where 'repo' and 'mode' are required
    task('a', build);
    // @ts-expect-error: options without args
    step('a', build, { when: 'true' });
    // @ts-expect-error: 'repo' is required
    task('a', build, { args: { mode: 'fast' } });
    // @ts-expect-error: 'mode' (an enum without default) is required
    task('a', build, { args: { repo: 'r' } });
  });

  it('refuses a value outside an enum literal union', () => {
    // @ts-expect-error: 'medium' is not 'fast' | 'slow'
    task('a', build, { args: { repo: 'r', mode: 'medium' } });
  });

  it('refuses any argument to a template that declares no inputs', () => {
    const bare = container('bare', { image: 'alpine:3.20' });
    task('ok', bare);
    task('empty', bare, { args: {} });
    // @ts-expect-error: 'tag' is not an input: the template has none
    task('a', bare, { args: { tag: 'v1' } });
    // @ts-expect-error: the same for a step
    step('a', bare, { args: { tag: 'v1' } });
    // @ts-expect-error: and for a loop's args
    task('a', bare, { withItems: ['x'], args: (item) => ({ tag: item }) });
  });

  it('paramsNamed types one input per name', () => {
    const vars = inputs(paramsNamed(['image', 'tier'], () => param.string()));
    const deploy = container('deploy', { image: 'alpine:3.20', args: [vars.image, vars.tier] }, { inputs: vars });
    task('ok', deploy, { args: { image: 'i', tier: 't' } });
    // @ts-expect-error: 'tier' is required
    task('a', deploy, { args: { image: 'i' } });
    // @ts-expect-error: no input 'colour'
    void vars.colour;
  });

  it('refuses an object for a parameter', () => {
    // @ts-expect-error: a parameter takes a value or a handle
    task('a', build, { args: { repo: { url: 'r' }, mode: 'fast' } });
  });
});

describe('templateRef', () => {
  const library = workflowTemplate('library', { templates: [build] });
  const ref = templateRef(library, build);

  it('outputs through templateRef are typed, and arguments checked', () => {
    const b = task('b', ref, { args: { repo: 'r', mode: 'slow' } });
    expectTypeOf(b.outputs.parameters.digest).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: misspelled output through templateRef
    b.outputs.parameters.digets;
    // @ts-expect-error: enum checked through templateRef
    task('c', ref, { args: { repo: 'r', mode: 'warp' } });
  });
});

describe('loops', () => {
  it('withItems items have typed fields', () => {
    task('each', build, {
      withItems: [
        { repo: 'a', mode: 'fast' },
        { repo: 'b', mode: 'slow' },
      ] as const,
      args: (item) => {
        expectTypeOf(item.repo).toEqualTypeOf<Ref<'a'> | Ref<'b'>>();
        // @ts-expect-error: items have no field 'tag'
        item.tag;
        return { repo: item.repo, mode: item.mode };
      },
    });
  });

  it('withItems args are checked like plain args', () => {
    task('each', build, {
      withItems: ['a', 'b'],
      // @ts-expect-error: 'mode' is missing
      args: (item) => ({ repo: item }),
    });
  });

  it('withParam items have field() for keys known only at run time', () => {
    const gen = task('gen', build, { args: { repo: 'r', mode: 'fast' } });
    task('each', build, {
      withParam: gen.outputs.result,
      args: (item) => ({ repo: item.field('repo'), mode: item.field('mode') }),
    });
    task('seq', build, { withSequence: { count: '3' }, args: (item) => ({ repo: item, mode: 'slow' as const }) });
  });

  it('known limitation: an enum literal returned by a loop args callback needs `as const`', () => {
    // TypeScript types the callback's result while the template's inputs are still being inferred, so 'fast' widens
    // to string there (plain `args: {…}` objects are fine). Minimal repro:
    //   declare function g<I extends InputSpecs>(t: Template<I>, o: { args?: () => Args<I> }): void;
    //   g(build, { args: () => ({ repo: 'x', mode: 'fast' }) }); // error: string is not 'fast' | 'slow'
    task('each', build, { withItems: ['a', 'b'], args: (item) => ({ repo: item, mode: 'fast' as const }) });
  });
});

describe('workflowFrom', () => {
  const wp = workflowParams({ message: param.string(), env: param.enum(['dev', 'prod'], { default: 'dev' }) });
  const hello = container('hello', { image: 'alpine:3.20', args: [wp.message, wp.env] });
  const wt = workflowTemplate('hello', { entrypoint: hello, params: wp });

  it('takes the template’s parameters, typed', () => {
    workflowFrom(wt, { generateName: 'hello-' }, { message: 'hi' });
    workflowFrom(wt, { name: 'hello' }, { message: 'hi', env: 'prod' });
    expectTypeOf(wp.env).toEqualTypeOf<Ref<'dev' | 'prod'>>();
  });

  it('refuses unknown, missing and out-of-enum arguments', () => {
    // @ts-expect-error: 'msg' is not a parameter
    workflowFrom(wt, { generateName: 'hello-' }, { msg: 'hi', message: 'hi' });
    // @ts-expect-error: 'message' is required
    workflowFrom(wt, { generateName: 'hello-' }, { env: 'dev' });
    // @ts-expect-error: 'qa' is not 'dev' | 'prod'
    workflowFrom(wt, { generateName: 'hello-' }, { message: 'hi', env: 'qa' });
  });

  it('refuses any argument to a WorkflowTemplate without parameters', () => {
    const plain = workflowTemplate('plain', { entrypoint: hello });
    workflowFrom(plain, { generateName: 'plain-' }, {});
    // @ts-expect-error: 'message' is not a parameter: it has none
    workflowFrom(plain, { generateName: 'plain-' }, { message: 'hi' });
  });

  it('DAG tasks must be tasks, not steps', () => {
    const s = step('s', hello);
    // @ts-expect-error: a step is not a DAG entry
    dag('main', [s]);
  });
});

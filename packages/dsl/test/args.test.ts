import { describe, expect, it } from 'vitest';
import { artifact, container, inputs, param, step, task } from '../src/index.js';
import { echo, issuesOf } from './helpers.js';

describe('argument checking at the call site', () => {
  it('refuses an argument the template does not declare, listing its inputs', () => {
    expect(() => task('a', echo, { args: { who: 'x', whom: 'y' } as never })).toThrow(
      "task 'a': argument 'whom' is not an input of template 'echo' (inputs: who, mode) [dsl/bad-argument]",
    );
  });

  it('says "none" when the template has no inputs', () => {
    const bare = container('bare', { image: 'alpine:3.20' });
    expect(() => task('a', bare, { args: { x: '1' } as never })).toThrow(
      "task 'a': argument 'x' is not an input of template 'bare' (inputs: none) [dsl/bad-argument]",
    );
  });

  it('refuses a call without a required argument', () => {
    expect(() => task('a', echo, { args: { mode: 'slow' } as never })).toThrow(
      "task 'a': missing required argument 'who' of template 'echo' [dsl/bad-argument]",
    );
    // @ts-expect-error: a compile error too; this is the check JavaScript callers (and generate, which does not type-check) get
    expect(() => task('a', echo)).toThrow(
      "task 'a': missing required argument 'who' of template 'echo' [dsl/bad-argument]",
    );
  });

  it('refuses a value outside an enum, quoting the allowed values', () => {
    expect(() => task('a', echo, { args: { who: 'x', mode: 'medium' } as never })).toThrow(
      `task 'a': argument 'mode' of template 'echo' must be one of "fast", "slow" (got "medium") [dsl/bad-argument]`,
    );
  });

  it('refuses an object where a parameter value is expected', () => {
    expect(() => task('a', echo, { args: { who: { x: 1 } } as never })).toThrow(
      "task 'a': argument 'who' must be a value or a handle (got an object) [dsl/bad-argument]",
    );
  });

  it('reports every problem of one call, each with its code and subject', () => {
    expect(issuesOf(() => task('a', echo, { args: { mode: 'x', extra: 1 } as never }))).toEqual([
      {
        code: 'dsl/bad-argument',
        severity: 'error',
        path: '',
        subject: "task 'a'",
        message: 'argument \'mode\' of template \'echo\' must be one of "fast", "slow" (got "x")',
      },
      {
        code: 'dsl/bad-argument',
        severity: 'error',
        path: '',
        subject: "task 'a'",
        message: "argument 'extra' is not an input of template 'echo' (inputs: who, mode)",
      },
      {
        code: 'dsl/bad-argument',
        severity: 'error',
        path: '',
        subject: "task 'a'",
        message: "missing required argument 'who' of template 'echo'",
      },
    ]);
  });

  it('accepts a handle for an enum parameter (checked at run time by Argo)', () => {
    const other = task('o', echo, { args: { who: 'x' } });
    const t = task('a', echo, { args: { who: 'x', mode: other.outputs.parameters.out } });
    expect(t.arguments?.parameters).toEqual([
      { name: 'who', value: 'x' },
      { name: 'mode', value: String(other.outputs.parameters.out) },
    ]);
  });

  it('renders numbers and booleans as the strings Argo passes', () => {
    const i = inputs({ n: param.number(), flag: param.boolean() });
    const t = container('nums', { image: 'alpine:3.20', args: [i.n, i.flag] }, { inputs: i });
    expect(task('a', t, { args: { n: 3, flag: false } }).arguments).toEqual({
      parameters: [
        { name: 'n', value: '3' },
        { name: 'flag', value: 'false' },
      ],
    });
  });

  it('requires input artifacts unless optional, and passes artifact sources through', () => {
    const i = inputs({ src: artifact('/src'), cache: artifact('/cache', { optional: true }) });
    const t = container('art', { image: 'alpine:3.20' }, { inputs: i });
    // @ts-expect-error: a compile error too; this is the check JavaScript callers get
    expect(() => task('a', t)).toThrow(
      "task 'a': missing required argument 'src' of template 'art' [dsl/bad-argument]",
    );
    const git = { git: { repo: 'https://github.com/argoproj/argo-workflows.git', revision: 'v4.1.2' } };
    expect(task('a', t, { args: { src: git } }).arguments).toEqual({ artifacts: [{ name: 'src', ...git }] });
  });

  it('step() checks its arguments the same way', () => {
    expect(() => step('s', echo, { args: { who: 'x', mode: 'no' } as never })).toThrow(
      `step 's': argument 'mode' of template 'echo' must be one of "fast", "slow" (got "no") [dsl/bad-argument]`,
    );
  });

  it('refuses names Argo would refuse, and after/depends on steps', () => {
    expect(() => task('Bad_Name', echo, { args: { who: 'x' } })).toThrow(
      "task 'Bad_Name': name must be letters, digits and '-', starting with a letter or digit",
    );
    const a = task('a', echo, { args: { who: 'x' } });
    expect(() => step('s', echo, { args: { who: 'x' }, after: [a] } as never)).toThrow(
      "step 's': steps run in groups; 'after' and 'depends' are for DAG tasks",
    );
  });
});

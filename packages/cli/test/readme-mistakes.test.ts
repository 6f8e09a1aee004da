import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/paths.js';
import { runBuiltCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

/**
 * Every mistake the README's DSL section lists is caught by `argo-gen generate` (which compiles with esbuild and does
 * not type-check, so the type errors are checked again when the workflow is built) and named with its file and line.
 * Each program marks the line of its mistake with `// <- mistake`.
 */
const HEAD = `import { container, dag, expr, inputs, output, param, task, when, workflowParams, workflowTemplate } from '@argo-gen/dsl';
const i = inputs({ n: param.number(), env: param.enum(['staging', 'prod']) });
const wf = workflowParams({ dryRun: param.boolean({ default: false }) });
const t = container('t', { image: 'alpine:3.20', args: ['echo', i.n, i.env] },
  { inputs: i, outputs: { verdict: output.path('/tmp/v'), p95: output.path('/tmp/p', { type: 'number' }) } });
const a = task('a', t, { args: { n: 1, env: 'prod' } });
`;
const program = (name: string, body: string) =>
  `${HEAD}${body}\nexport default workflowTemplate('${name}', { entrypoint: dag('main', [a, b]), params: wf });\n`;

const MISTAKES: Readonly<Record<string, Readonly<Record<string, { code: string; text: string }>>>> = {
  'a misspelled name': {
    'misspelled-output': {
      code: 'dsl/bad-argument',
      text: program(
        'w1',
        `const b = task('b', t, { args: { n: (a.outputs.parameters as any).p59, env: 'prod' } }); // <- mistake`,
      ),
    },
    'misspelled-output-in-when': {
      code: 'dsl/expression-type',
      text: program(
        'w2',
        `const b = task('b', t, { args: { n: 1, env: 'prod' }, when: when.lt((a.outputs.parameters as any).p59, 300) }); // <- mistake`,
      ),
    },
    'misspelled-argument': {
      code: 'dsl/bad-argument',
      text: program(
        'w3',
        `const b = task('b', t, { args: { n: 1, env: 'prod', envv: 'prod' } as any }); // <- mistake`,
      ),
    },
  },
  'a missing required argument': {
    'missing-argument': {
      code: 'dsl/bad-argument',
      text: program('w4', `const b = task('b', t, { args: { n: 1 } as any }); // <- mistake`),
    },
  },
  'a literal of the wrong type': {
    'not-a-number': {
      code: 'dsl/bad-argument',
      text: program('w5', `const b = task('b', t, { args: { n: 'three' as any, env: 'prod' } }); // <- mistake`),
    },
    'not-in-enum': {
      code: 'dsl/bad-argument',
      text: program('w6', `const b = task('b', t, { args: { n: 1, env: 'production' as any } }); // <- mistake`),
    },
  },
  'a default of the wrong type': {
    'bad-default': {
      code: 'dsl/bad-default',
      text: program(
        'w7',
        `const j = inputs({ n: param.number({ default: 'x' as any }) }); // <- mistake\nconst b = task('b', t, { args: { n: 1, env: 'prod' } });`,
      ),
    },
  },
  'a string handle compared with a number or boolean': {
    'when-string-lt-number': {
      code: 'dsl/expression-type',
      text: program(
        'w8',
        `const b = task('b', t, { args: { n: 1, env: 'prod' }, when: when.lt(a.outputs.parameters.verdict as any, 300) }); // <- mistake`,
      ),
    },
    'expr-string-lt-number': {
      code: 'dsl/expression-type',
      text: program(
        'w9',
        `const b = task('b', t, { args: { n: 1, env: 'prod' }, when: expr\`\${a.outputs.parameters.verdict} < 300\` }); // <- mistake`,
      ),
    },
    'expr-string-eq-false': {
      code: 'dsl/expression-type',
      text: program(
        'w10',
        `const b = task('b', t, { args: { n: 1, env: 'prod' }, when: expr\`\${a.outputs.result} == false\` }); // <- mistake`,
      ),
    },
  },
  'a number or boolean handle compared with a string': {
    'when-boolean-eq-string': {
      code: 'dsl/expression-type',
      text: program(
        'w11',
        `const b = task('b', t, { args: { n: 1, env: 'prod' }, when: when.eq(wf.dryRun as any, 'false') }); // <- mistake`,
      ),
    },
    'expr-number-eq-string': {
      code: 'dsl/expression-type',
      text: program(
        'w12',
        `const b = task('b', t, { args: { n: 1, env: 'prod' }, when: expr\`\${a.outputs.parameters.p95} == '300'\` }); // <- mistake`,
      ),
    },
  },
  'hand-written `{{…}}`': {
    'hand-written': {
      code: 'dsl/hand-written-expression',
      text: program(
        'w13',
        `const h = container('h', { image: 'alpine:3.20', args: ['echo', '{{workflow.name}}'] }); // <- mistake\nconst b = task('b', h);`,
      ),
    },
  },
  'two tasks with one name': {
    'duplicate-task': {
      code: 'dsl/duplicate-task',
      text: program('w14', `const b = task('a', t, { args: { n: 2, env: 'prod' } }); // <- mistake`),
    },
  },
  '`continueOn` beside a `depends` expression': {
    'continue-on': {
      code: 'dsl/continue-on-with-depends',
      text: `${HEAD}const b = task('b', t, { args: { n: 1, env: 'prod' }, continueOn: { failed: true } });
const c = task('c', t, { args: { n: 1, env: 'prod' }, depends: a.failed }); // <- mistake
export default workflowTemplate('w16', { entrypoint: dag('main', [a, b, c]) });
`,
    },
  },
};

/** The bold names of the README's list of mistakes (the DSL section). */
function readmeMistakes(): string[] {
  const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('**Mistakes caught before anything reaches a cluster**');
  expect(start).toBeGreaterThan(0);
  const list = readme.slice(start).split('\n\n')[1] ?? '';
  return [...list.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1] as string);
}

const lineOf = (text: string) => text.split('\n').findIndex((l) => l.includes('// <- mistake')) + 1;

describe("the README's DSL mistakes", () => {
  it('are the ones this test writes', () => {
    expect(readmeMistakes().sort()).toEqual(Object.keys(MISTAKES).sort());
  });

  // Mistakes found while the modules load stop `generate` before synthesis: the synthesis ones get their own run.
  const runs = [
    Object.values(MISTAKES)
      .flatMap((m) => Object.entries(m))
      .filter(([, m]) => m.code !== 'dsl/hand-written-expression'),
    Object.values(MISTAKES)
      .flatMap((m) => Object.entries(m))
      .filter(([, m]) => m.code === 'dsl/hand-written-expression'),
  ];
  it.each(runs.map((files, i) => [i, files] as const))(
    'are each named by generate with file and line (run %i)',
    (_i, files) => {
      const dir = project(Object.fromEntries(files.map(([name, m]) => [`templates/${name}.ts`, m.text])));
      const r = runBuiltCli(['generate'], dir);
      expect(r.code).toBe(1);
      for (const [name, m] of files) {
        const line = r.stderr.split('\n').find((l) => l.startsWith(`templates/${name}.ts:`));
        expect(line, `${name} in:\n${r.stderr}`).toBeDefined();
        expect(line).toMatch(new RegExp(`^templates/${name}\\.ts:${lineOf(m.text)}:\\d+: .*\\[${m.code}\\]$`));
      }
      expect(r.stderr).toContain(`${files.length} problem(s); nothing was written`);
    },
  );
});

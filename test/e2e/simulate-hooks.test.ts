// The differential suite, corpus (d): lifecycle hooks of DAG tasks whose expression reads an ancestor, by
// `tasks.<name>` and, for a dashed name, in brackets (`tasks['build-web']`), which the controller's
// buildLocalScopeFromTask gives a task's hooks. Every expression reads a status that is final before the task starts
// (an ancestor's), so when the controller first looks at the task does not decide whether a hook fires.
import { expect, it } from 'vitest';
import type { DiffCase } from './simulate-harness.js';
import { runCorpus } from './simulate-suite.js';

const leaf = (name: string) => ({ name, container: { image: 'alpine:3.20', command: ['true'] } });

function hooked(title: string, outcomes: DiffCase['outcomes'], deployDepends: string): DiffCase {
  return {
    title,
    outcomes,
    workflow: {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { name: 'hooks' },
      spec: {
        entrypoint: 'main',
        templates: [
          {
            name: 'main',
            dag: {
              tasks: [
                { name: 'build-web', template: 'work' },
                { name: 'test', template: 'work', depends: 'build-web' },
                {
                  name: 'deploy',
                  template: 'work',
                  depends: deployDepends,
                  hooks: {
                    built: { template: 'note', expression: "tasks['build-web'].status == 'Succeeded'" },
                    'build-failed': { template: 'note', expression: "tasks['build-web'].status == 'Failed'" },
                    tested: { template: 'note', expression: "tasks.test.status == 'Succeeded'" },
                  },
                },
              ],
            },
          },
          leaf('work'),
          leaf('note'),
        ],
      },
    },
  };
}

const CASES: readonly DiffCase[] = [
  hooked('every task succeeds', {}, 'test'),
  hooked('build-web fails, deploy runs on its failure', { 'build-web': 'Failed' }, 'build-web.Failed && test.Omitted'),
  hooked('test fails, deploy runs anyway', { test: 'Failed' }, 'test.Failed || test.Succeeded'),
];

it('simulate() agrees with the controller on hooks that read their ancestors', { timeout: 300_000 }, async () => {
  const r = await runCorpus('hooks', CASES, { concurrency: CASES.length, timeoutMs: 240_000 });
  console.log(r.summary);
  expect(r.unexplained.join('\n')).toBe('');
  expect(r.stale).toEqual([]);
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/paths.js';
import { runBuiltCli } from './run-cli.js';

/**
 * The `argo-gen simulate` sessions the docs show (```console blocks: a `$ argo-gen simulate …` line, then its
 * output) are what the built CLI prints today, byte for byte, and the prose's exit code is the command's.
 */
const DOCS = ['README.md', 'docs/simulate.md'];

function sessions(doc: string): { command: string; output: string }[] {
  const text = readFileSync(path.join(REPO_ROOT, doc), 'utf8');
  return [...text.matchAll(/```console\n\$ (argo-gen simulate [^\n]*)\n([\s\S]*?)```/g)].map((m) => ({
    command: m[1] as string,
    output: m[2] as string,
  }));
}

describe('simulate sessions shown in the docs', () => {
  it('the README shows the canary rollback path of the issue', () => {
    expect(sessions('README.md').map((s) => s.command)).toContain(
      'argo-gen simulate examples/canary-release.ts --fail web-25-gate',
    );
  });

  for (const doc of DOCS) {
    for (const { command, output } of sessions(doc)) {
      it(`${doc}: \`${command}\` prints what is shown`, () => {
        const r = runBuiltCli(command.split(' ').slice(1), REPO_ROOT);
        expect(r.stderr).toBe('');
        expect(r.stdout).toBe(output);
        // "The exit code is the run's: … 1 Failed or Error": the README's example ends Failed.
        expect(r.code).toBe({ Succeeded: 0, Failed: 1, Error: 1 }[/^Status: +(\w+)/m.exec(output)?.[1] ?? ''] ?? 3);
      });
    }
  }
});

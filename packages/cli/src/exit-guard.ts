import { formatIssue, issue } from '@argo-gen/model';
import { unfinished } from './in-flight.js';
import { EXIT } from './io.js';

/**
 * Runs a command to its end as a process: the exit code is the command's, and the process ends when the command
 * does, even if a template module left a timer or socket open.
 *
 * Node ends a process with exit code 0 when its event loop empties, even if a promise is still pending: a template
 * whose top-level `await` can never settle would end `generate` "successfully" with nothing written. The guard turns
 * that case into one coded line per unfinished module and exit code 1, so that no path out of a command claims work
 * that was not done.
 */
export function runToCompletion(work: Promise<number>, write: (text: string) => void): void {
  let settled = false;
  process.once('beforeExit', () => {
    if (settled) return;
    for (const line of unfinishedLines()) write(`${line}\n`);
    exitAfterFlush(EXIT.failed);
  });
  work.then(
    (code) => {
      settled = true;
      exitAfterFlush(code);
    },
    (error: unknown) => {
      settled = true;
      write(`argo-gen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      exitAfterFlush(EXIT.failed);
    },
  );
}

/** Why the command could not finish, naming each module it was still loading. */
export function unfinishedLines(): string[] {
  const labels = unfinished();
  if (labels.length === 0)
    return [
      formatIssue(
        issue(
          'run/unfinished',
          '',
          'argo-gen: the command stopped before finishing: it waited for something that can never happen',
        ),
      ),
    ];
  return labels.map((file) =>
    formatIssue(
      issue(
        'input/module-unsettled',
        '',
        'never finished loading: its top-level code awaits a promise that nothing is left to settle; nothing was done',
        { source: { file, line: 0, column: 0 } },
      ),
    ),
  );
}

/** Exit once what was written to stdout and stderr has been handed to the OS (pipes may be asynchronous). */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  let waiting = 2;
  const done = () => {
    if (--waiting === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

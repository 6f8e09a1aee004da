import { formatIssue, isArgoGenError } from '@argo-gen/model';
import { EXIT, type Io } from '../io.js';
import { relativeTo } from '../relative-source.js';

/**
 * Prints an error the way every cluster command does: argo-gen issues one per line (`subject: message [code]`),
 * anything else as one line; a stack trace only with --verbose. Returns the exit code: 3 for a timeout, else 1.
 */
export function reportError(error: unknown, io: Io, verbose: boolean | undefined): number {
  if (isArgoGenError(error)) {
    for (const i of error.issues) io.stderr(`${formatIssue(relativeTo(io.cwd, i))}\n`);
    if (verbose && error.stack) io.stderr(`${error.stack}\n`);
    return error.issues.some((i) => i.code === 'kube/timeout') ? EXIT.timeout : EXIT.failed;
  }
  const e = error instanceof Error ? error : new Error(String(error));
  io.stderr(`argo-gen: ${e.message.split('\n')[0]}${verbose ? '' : ' (run with --verbose for details)'}\n`);
  if (verbose && e.stack) io.stderr(`${e.stack}\n`);
  return EXIT.failed;
}

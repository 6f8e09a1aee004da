import { clip, type Issue, isArgoGenError, isStackOverflow, issue } from '@argo-gen/model';

/**
 * Whatever went wrong with one input file, as that file's issues, so that one bad file never hides the verdicts of
 * the others and never ends a run with a stack trace: argo-gen's own issues as they are; a stack overflow (a document
 * nested deeper than any reader here can follow) as `input/too-deep`; anything else (a library's own limit, such
 * as yaml's alias count, or an error inside argo-gen) as `input/failed` with the first line of its message.
 */
export function fileIssues(error: unknown, file: string): Issue[] {
  if (isArgoGenError(error)) return [...error.issues];
  const at = { source: { file, line: 0, column: 0 } };
  if (isStackOverflow(error)) return [issue('input/too-deep', '', 'is nested too deeply to be processed', at)];
  const message = error instanceof Error ? error.message : String(error);
  return [issue('input/failed', '', `could not be processed: ${clip(message.split('\n')[0] ?? '', 200)}`, at)];
}

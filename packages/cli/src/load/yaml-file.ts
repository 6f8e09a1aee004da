import { ArgoGenError, clip, type Issue, isArgoGenError, issue } from '@argo-gen/model';
import { readInputFile } from '../input-file.js';
import { readDocuments, type YamlDocument } from '../yaml/read-documents.js';

/**
 * Every document of a YAML input file, read within the input limits (input-file.ts). An empty or binary file is an
 * error too: it was given as an input, so it was meant to hold documents.
 */
export function readYamlFile(absolute: string, file: string): YamlDocument[] {
  const at = { source: { file, line: 1, column: 1 } };
  const bytes = readInputFile(absolute, file);
  if (bytes.includes(0))
    throw new ArgoGenError([issue('input/not-yaml', '', 'is not a YAML file (it has binary content)', at)]);
  const documents = readDocuments(bytes, file); // UTF-8 is checked there, as go-yaml checks it
  if (documents.length === 0) throw new ArgoGenError([issue('input/empty', '', 'contains no YAML documents', at)]);
  return documents;
}

/**
 * Whatever went wrong with one input file, as that file's issues, so that one bad file never hides the verdicts of
 * the others and never ends a run with a stack trace: argo-gen's own issues as they are; a stack overflow (a document
 * nested deeper than any reader here can follow) as `input/too-deep`; anything else (a library's own limit, such
 * as yaml's alias count, or an error inside argo-gen) as `input/failed` with the first line of its message.
 */
export function fileIssues(error: unknown, file: string): Issue[] {
  if (isArgoGenError(error)) return [...error.issues];
  const at = { source: { file, line: 0, column: 0 } };
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return [issue('input/too-deep', '', 'is nested too deeply to be processed', at)];
  const message = error instanceof Error ? error.message : String(error);
  return [issue('input/failed', '', `could not be processed: ${clip(message.split('\n')[0] ?? '', 200)}`, at)];
}

import { ArgoGenError, issue } from '@argo-gen/model';
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

import { isArgoGenError } from '@argo-gen/model';
import { readDocuments } from './read-documents.js';

/**
 * Why a YAML text (a resource template's manifest) cannot be read as Argo reads it, or undefined when it can: the
 * same reader as for files, so the lint's verdict on a manifest is the one Argo's decoder gives.
 */
export function yamlProblem(text: string): string | undefined {
  try {
    readDocuments(text, 'manifest');
    return undefined;
  } catch (error) {
    if (!isArgoGenError(error)) throw error;
    const first = error.issues[0];
    const line = first?.source?.line ? ` (manifest line ${first.source.line})` : '';
    return `${first?.message ?? 'unreadable'}${line}`;
  }
}

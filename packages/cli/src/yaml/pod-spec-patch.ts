import { readDocuments } from './read-documents.js';

/**
 * A podSpecPatch as Argo reads it (v4.1.2 workflow/util `ConvertYAMLToJSON`): JSON when it starts with `{` after
 * white space, else the first document as sigs.k8s.io/yaml reads it, which is the reader argo-gen reads files with.
 * That reader is loaded and warm by the time the security lint runs; the `yaml` library's own parser, used here
 * before, was cold, and cost more than the rest of the security lint on the upstream examples.
 */
export function readPodSpecPatch(text: string): unknown {
  if (text.trimStart().startsWith('{')) return JSON.parse(text);
  return readDocuments(text, 'podSpecPatch')[0]?.value;
}

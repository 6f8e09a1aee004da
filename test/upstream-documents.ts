import { readFileSync } from 'node:fs';
import { validateSchema } from '@argo-gen/model';
import { readDocuments } from '../packages/cli/src/yaml/read-documents.js';
import { listYamlFiles } from './corpus.js';

/** Every Argo document (not skipped) of the YAML files below `dir` that our reader reads, labelled `file#index`. */
export function readableArgoDocuments(dir: string): { label: string; value: unknown }[] {
  const out: { label: string; value: unknown }[] = [];
  for (const file of listYamlFiles(dir)) {
    let docs: ReturnType<typeof readDocuments>;
    try {
      docs = readDocuments(readFileSync(file, 'utf8'), file);
    } catch {
      continue; // unparseable files are covered by the corpus test
    }
    for (const d of docs) {
      if (validateSchema(d.value).status !== 'skipped') out.push({ label: `${file}#${d.index}`, value: d.value });
    }
  }
  return out;
}

// Reading a corpus's workflows: YAML documents as Argo reads them, and what their templates are, for choosing the
// failure points of a Burger Stack strategy and the rules that select upstream examples.
import { readFileSync } from 'node:fs';
import { readDocuments } from '../../packages/cli/src/yaml/read-documents.js';

export type Doc = Record<string, unknown>;

interface Template {
  name: string;
  dag?: { tasks?: { name: string; template?: string }[] };
  steps?: { name: string; template?: string }[][];
  suspend?: unknown;
}

/** Every document of a YAML file (Argo's reading: workflow/common/parse.go). */
export function readYaml(file: string): Doc[] {
  return readDocuments(readFileSync(file), file).map((d) => d.value as Doc);
}

const templatesOf = (doc: Doc): Template[] =>
  ((doc.spec as { templates?: Template[] } | undefined)?.templates ?? []) as Template[];

/** The kinds of template that end in a pod (or an agent's answer): the leaves a test can fail. */
const LEAF_KINDS = ['container', 'script', 'resource', 'containerSet', 'data', 'http', 'plugin'];
const isLeaf = (t: Template | undefined) => !!t && LEAF_KINDS.some((k) => k in t);

/** The DAG tasks and steps whose template is a leaf, and those whose template is a suspend: by task or step name. */
export function callSites(doc: Doc): { leaves: string[]; suspends: string[] } {
  const byName = new Map(templatesOf(doc).map((t) => [t.name, t]));
  const leaves = new Set<string>();
  const suspends = new Set<string>();
  for (const t of templatesOf(doc)) {
    for (const call of [...(t.dag?.tasks ?? []), ...(t.steps ?? []).flat()]) {
      const target = call.template === undefined ? undefined : byName.get(call.template);
      if (isLeaf(target)) leaves.add(call.name);
      else if (target?.suspend !== undefined) suspends.add(call.name);
    }
  }
  // A workflow whose entrypoint is itself a leaf (retry-timeout-exit's `flaky`): the entrypoint is the point.
  // So is the exit handler's, by its template name.
  const spec = doc.spec as { entrypoint?: string; onExit?: string } | undefined;
  for (const root of [spec?.entrypoint, spec?.onExit]) {
    const t = root === undefined ? undefined : byName.get(root);
    if (t && isLeaf(t)) leaves.add(t.name);
  }
  return { leaves: [...leaves].sort(), suspends: [...suspends].sort() };
}

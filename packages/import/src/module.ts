import { isObject, type ModuleContext, type Yaml } from './context.js';
import { emitModule } from './emit.js';
import type { RawCounts } from './expressions.js';
import { Names } from './names.js';
import { IMPORTABLE, importDocument } from './workflow.js';

export interface ImportedModule {
  /** The TypeScript module. */
  readonly text: string;
  readonly counts: RawCounts;
  /** Kinds that were not imported (ConfigMap, WorkflowEventBinding, …), and things the DSL could not write. */
  readonly skipped: readonly string[];
  readonly warnings: readonly string[];
  /** Fields of the input the module does not carry; empty when the import is complete. */
  readonly losses: readonly string[];
  /** How many documents became workflow values. */
  readonly documents: number;
}

/**
 * YAML documents (as Argo decodes them) → one DSL module: the first workflow document is the default export, the
 * others are named exports.
 */
export function importDocuments(values: readonly unknown[], source: string): ImportedModule {
  const imports = new Set<string>();
  const m: ModuleContext = {
    names: new Names(),
    counts: { rawTemplate: 0, rawCall: 0, raw: 0, imports },
    statements: [],
    imports,
    warnings: [],
    losses: [],
  };
  const skipped: string[] = [];
  let documents = 0;
  for (const value of values) {
    const doc = isObject(value) ? (value as Yaml) : {};
    const kind = String(doc.kind ?? typeof value);
    if (!IMPORTABLE.has(kind) || doc.apiVersion !== 'argoproj.io/v1alpha1') {
      skipped.push(kind);
      continue;
    }
    const expression = importDocument(m, doc);
    const metadata = isObject(doc.metadata) ? doc.metadata : {};
    if (documents === 0) m.statements.push(`export default ${expression};`);
    else
      m.statements.push(
        `export const ${m.names.take(String(metadata.name ?? metadata.generateName ?? kind))} = ${expression};`,
      );
    documents++;
  }
  const header = importHeader(source);
  const { rawTemplate, rawCall, raw } = m.counts;
  return {
    text: emitModule(header, m.imports, m.statements),
    counts: { rawTemplate, rawCall, raw },
    skipped,
    warnings: m.warnings,
    losses: m.losses,
    documents,
  };
}

/** The first line of every imported module: it names the YAML file, so a later import knows what it wrote. */
export function importHeader(source: string): string {
  return `// Imported from ${source} by \`argo-gen import\`.`;
}

/** The YAML file an imported module's first line names; undefined when the line is not such a header. */
export function importedFrom(firstLine: string): string | undefined {
  const m = /^\/\/ Imported from (.+) by `argo-gen import`\.$/.exec(firstLine);
  return m ? m[1] : undefined;
}

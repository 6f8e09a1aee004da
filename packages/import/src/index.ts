/**
 * Argo YAML documents (as Argo decodes them) → one argo-gen DSL module. Pure: no files, no process; `argo-gen import`
 * reads the YAML and writes the modules.
 */
export { canonicalDepends, type DependsAst, parseDepends } from './depends.js';
export type { RawCounts } from './expressions.js';
export { type ImportedModule, importDocuments, importedFrom, importHeader } from './module.js';

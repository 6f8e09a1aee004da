import { ARGO_DEFINITION_NAMESPACE } from './json-schema.js';

/**
 * TypeScript names for schema definitions: the last dotted segment (`…v1alpha1.Template` → `Template`).
 * Argo's own definitions win a clash; a Kubernetes definition that clashes gets its group and version
 * as a prefix (`io.k8s.api.core.v1.HTTPHeader` → `CoreV1HTTPHeader`).
 */
export function typeNames(definitions: readonly string[]): Map<string, string> {
  const byShort = new Map<string, string[]>();
  for (const def of definitions) {
    const short = shortName(def);
    byShort.set(short, [...(byShort.get(short) ?? []), def]);
  }
  const names = new Map<string, string>();
  for (const [short, defs] of byShort) {
    for (const def of defs) {
      const clash = defs.length > 1 && !def.startsWith(ARGO_DEFINITION_NAMESPACE);
      names.set(def, clash ? qualifiedName(def) : short);
    }
  }
  const taken = new Set<string>();
  for (const [def, name] of names) {
    if (taken.has(name)) throw new Error(`two definitions map to the TypeScript name '${name}' (one is '${def}')`);
    taken.add(name);
  }
  return names;
}

export function shortName(definition: string): string {
  return definition.slice(definition.lastIndexOf('.') + 1);
}

/** `io.k8s.api.core.v1.HTTPHeader` → `CoreV1HTTPHeader`. */
function qualifiedName(definition: string): string {
  const parts = definition.split('.');
  const [group, version] = parts.slice(-3, -1);
  const cap = (s: string | undefined) => (s ? s[0]?.toUpperCase() + s.slice(1) : '');
  return `${cap(group)}${cap(version)}${shortName(definition)}`;
}

/**
 * Where a type is documented. Argo's field reference covers its own types and the Kubernetes types it embeds,
 * anchored by the lower-cased short name.
 */
export function referenceUrl(definition: string, argoVersion: string): string {
  return `https://argo-workflows.readthedocs.io/en/${argoVersion}/fields/#${shortName(definition).toLowerCase()}`;
}

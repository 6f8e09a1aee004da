/**
 * The lint reads two kinds of YAML text inside a document: a resource template's `manifest` (Argo must be able to
 * read it) and a `podSpecPatch` (the security lint applies it to the pod). Their readers bring argo-gen's YAML reader,
 * ~230 KB of bundle to load, which `generate` of TypeScript modules needs for nothing else: it is loaded only for
 * documents that hold such a text.
 */
export interface EmbeddedYaml {
  /** Why Argo could not read a manifest, or undefined when it can (the lint's `yamlProblem`). */
  readonly yamlProblem: (text: string) => string | undefined;
  /** A podSpecPatch as Argo reads it (the security lint's `parsePatch`). */
  readonly parsePatch: (text: string) => unknown;
}

/** The readers the documents need: the real ones if any holds a `manifest` or `podSpecPatch` text, else none. */
export async function embeddedYamlFor(docs: readonly unknown[]): Promise<EmbeddedYaml> {
  if (!docs.some(holdsEmbeddedYaml)) return NOT_LOADED;
  return (await import('../yaml/embedded-readers.js')).embeddedReaders;
}

/**
 * Whether a string `manifest` or `podSpecPatch` sits anywhere in the document: wider than where the lint looks (a
 * resource template's manifest; the workflow's, templateDefaults' and templates' podSpecPatch), so never narrower.
 */
export function holdsEmbeddedYaml(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(holdsEmbeddedYaml);
  if (value === null || typeof value !== 'object') return false;
  const o = value as Record<string, unknown>;
  for (const k in o) {
    if (!Object.hasOwn(o, k)) continue;
    const v = o[k];
    if ((k === 'manifest' || k === 'podSpecPatch') && typeof v === 'string') return true;
    if (typeof v === 'object' && holdsEmbeddedYaml(v)) return true;
  }
  return false;
}

/** For documents without such texts: reaching one is a bug in holdsEmbeddedYaml, said as such, never a silent pass. */
const NOT_LOADED: EmbeddedYaml = {
  yamlProblem: notLoaded,
  parsePatch: notLoaded,
};

function notLoaded(): never {
  throw new Error('a YAML text inside a document was read, but holdsEmbeddedYaml did not see it');
}

import { type JsonSchema, refTarget } from './json-schema.js';
import { typeNames } from './names.js';

/**
 * The field differences between the Argo versions we target, computed from their schemas, so that the model keeps one
 * full validator (the newest, the "base") and checks an older target with a small table beside it instead of a second
 * and third validator (docs/model.md, "Target versions").
 */

/** One Argo version's schema: normalised (what the validators see) and as published (for its field descriptions). */
export interface VersionSchema {
  /** `3.7`, `4.0`, `4.1`: the minor line a project targets. */
  readonly version: string;
  readonly normalized: JsonSchema;
  readonly raw: JsonSchema;
  /** Required fields whose absence this version refuses only at run time: definition → fields. */
  readonly runTime?: Readonly<Record<string, readonly string[]>>;
}

/** How a property holds its definition: the value itself, a list of them, or a map of them. */
export type Shape = '' | '[]' | '{}';

/** What a version's table says about one definition (by its TypeScript name). Every part is optional. */
export interface DefinitionDiff {
  /**
   * Properties to follow to reach a definition with differences: property → definition, suffixed `[]` for a list of
   * them and `{}` for a map of them. The property '' is the value itself (a definition that is a list).
   */
  edges?: Record<string, string>;
  /** Properties this version lacks that a later one has: property → the version that introduced it. */
  tooNew?: Record<string, string>;
  /** Properties this version lacks that an earlier one had: property → when it went and what replaced it. */
  gone?: Record<string, Removal>;
  /** Properties this version has with another schema than the base (or that the base lacks): their validator. */
  own?: Record<string, string>;
  /** Required by the base but not by this version. */
  optional?: string[];
  /** Required by this version but not by the base. */
  required?: string[];
  /** Required fields whose absence this version's Argo accepts at submission and fails on at run time. */
  runTime?: string[];
}

export interface Removal {
  /** The first targeted version without the property, or `before <oldest>` for a hand-kept removal. */
  readonly removedIn: string;
  /** The property that replaced it, from the deprecation note in the older schema. */
  readonly use?: string;
  /** Whether the replacement is a list (`schedule` → `schedules`). */
  readonly list?: boolean;
}

export type VersionTable = Record<string, DefinitionDiff>;

/** A property schema of an older version that the base does not have as such: validated by its own export. */
export interface OwnSchema {
  readonly exportName: string;
  readonly schema: JsonSchema;
}

/**
 * Removals older than every schema we read, which the schemas therefore cannot show. Argo's upgrading guide lists
 * `podPriority` with the 3.6 deprecations removed by 4.0; v3.7.18's schema already lacks it.
 */
export const EARLIER_REMOVALS: Readonly<Record<string, Record<string, { use: string }>>> = {
  'io.argoproj.workflow.v1alpha1.WorkflowSpec': { podPriority: { use: 'podPriorityClassName' } },
};

/**
 * One table per version (oldest first; the last is the base): every definition that differs from the base, and the
 * edges that lead to it from the five kinds. Also the property schemas that only older versions have, which the
 * validator module compiles beside the base's kinds.
 */
export function versionTables(versions: readonly VersionSchema[]): {
  tables: Map<string, VersionTable>;
  own: OwnSchema[];
} {
  const base = versions[versions.length - 1] as VersionSchema;
  const names = typeNames(Object.keys(base.normalized.definitions ?? {}));
  const nameOf = (def: string) => {
    const name = names.get(def);
    if (name === undefined) throw new Error(`definition '${def}' is not in the base schema: not supported`);
    return name;
  };
  const tables = new Map<string, VersionTable>();
  const own: OwnSchema[] = [];
  versions.forEach((v, i) => {
    const diffs = new Map<string, DefinitionDiff>();
    for (const [def, schema] of Object.entries(v.normalized.definitions ?? {})) {
      const diff = definitionDiff(versions, i, def, schema, nameOf, own);
      if (Object.keys(diff).length > 0) diffs.set(nameOf(def), diff);
    }
    tables.set(v.version, withEdges(v.normalized, diffs, nameOf));
  });
  return { tables, own };
}

function definitionDiff(
  versions: readonly VersionSchema[],
  index: number,
  def: string,
  schema: JsonSchema,
  nameOf: (def: string) => string,
  own: OwnSchema[],
): DefinitionDiff {
  const v = versions[index] as VersionSchema;
  const base = versions[versions.length - 1] as VersionSchema;
  const baseSchema = base.normalized.definitions?.[def];
  if (baseSchema === undefined) throw new Error(`definition '${def}' of ${v.version} is not in the base schema`);
  const { properties: _p, required: _r, ...rest } = schema;
  const { properties: _bp, required: _br, ...baseRest } = baseSchema;
  if (JSON.stringify(rest) !== JSON.stringify(baseRest))
    throw new Error(`definition '${def}' differs between ${v.version} and ${base.version} beyond its properties`);
  const props = schema.properties ?? {};
  const baseProps = baseSchema.properties ?? {};
  const tooNew: Record<string, string> = {};
  const gone: Record<string, Removal> = {};
  const ownHere: Record<string, string> = {};
  const propsOf = (w: VersionSchema) => w.normalized.definitions?.[def]?.properties ?? {};
  const allProps = new Set(versions.flatMap((w) => Object.keys(propsOf(w))));
  for (const p of [...allProps].sort()) {
    if (Object.hasOwn(props, p)) {
      if (!Object.hasOwn(baseProps, p) || JSON.stringify(props[p]) !== JSON.stringify(baseProps[p])) {
        const exportName = `v${v.version.replace('.', '_')}$${nameOf(def)}$${p.replace(/[^A-Za-z0-9_]/g, '_')}`;
        own.push({ exportName, schema: props[p] as JsonSchema });
        ownHere[p] = exportName;
      }
      continue;
    }
    const newer = versions.slice(index + 1).find((w) => Object.hasOwn(propsOf(w), p));
    if (newer) {
      tooNew[p] = newer.version;
      continue;
    }
    // Only earlier versions have it: it was removed, by the first version after the last one that had it.
    const lastWith = versions.slice(0, index).findLastIndex((w) => Object.hasOwn(propsOf(w), p));
    gone[p] = removal(versions, lastWith, def, p);
  }
  for (const [p, { use }] of Object.entries(EARLIER_REMOVALS[def] ?? {})) {
    if (allProps.has(p)) throw new Error(`'${p}' is in a schema we read: drop it from EARLIER_REMOVALS`);
    gone[p] = { removedIn: `before ${versions[0]?.version}`, use, ...listFlag(props[use]) };
  }
  const required = new Set(schema.required ?? []);
  const baseRequired = new Set(baseSchema.required ?? []);
  const optional = [...baseRequired].filter((r) => !required.has(r)).sort();
  const extra = [...required].filter((r) => !baseRequired.has(r)).sort();
  const runTime = [...(v.runTime?.[def] ?? [])].sort();
  for (const f of runTime)
    if (!required.has(f))
      throw new Error(`'${def}.${f}' is marked as failing at run time but ${v.version} does not require it`);
  const nonEmpty = <T extends object>(o: T) => (Object.keys(o).length > 0 ? o : undefined);
  const diff: DefinitionDiff = {
    tooNew: nonEmpty(tooNew),
    gone: nonEmpty(gone),
    own: nonEmpty(ownHere),
    optional: nonEmpty(optional),
    required: nonEmpty(extra),
    runTime: nonEmpty(runTime),
  };
  // Only the parts that say something, so the emitted table stays small.
  return Object.fromEntries(Object.entries(diff).filter(([, v]) => v !== undefined)) as DefinitionDiff;
}

/** When `p` left and what replaced it, read from the deprecation note of the last version that had it. */
function removal(versions: readonly VersionSchema[], lastWith: number, def: string, p: string): Removal {
  const removedIn = (versions[lastWith + 1] as VersionSchema).version;
  const note = versions[lastWith]?.raw.definitions?.[def]?.properties?.[p]?.description ?? '';
  const word = /deprecated[^.]*?\buse (\w+)/i.exec(note)?.[1];
  const successor = versions[lastWith + 1]?.normalized.definitions?.[def]?.properties ?? {};
  const use = word ? Object.keys(successor).find((q) => q.toLowerCase() === word.toLowerCase()) : undefined;
  return use ? { removedIn, use, ...listFlag(successor[use]) } : { removedIn };
}

function listFlag(schema: JsonSchema | undefined): { list?: true } {
  return schema?.type === 'array' ? { list: true } : {};
}

/** The edges from the five kinds down to every definition with a difference; definitions off those paths are left out. */
function withEdges(
  schema: JsonSchema,
  diffs: Map<string, DefinitionDiff>,
  nameOf: (def: string) => string,
): VersionTable {
  const children = new Map<string, [string, string, Shape][]>();
  for (const [def, s] of Object.entries(schema.definitions ?? {})) {
    const out: [string, string, Shape][] = [];
    const edge = (prop: string, child: JsonSchema) => {
      const target = refOf(child);
      if (target) out.push([prop, nameOf(target[0]), target[1]]);
    };
    if (s.properties)
      for (const [p, ps] of Object.entries(s.properties).sort(([a], [b]) => (a < b ? -1 : 1))) edge(p, ps);
    else edge('', s);
    children.set(nameOf(def), out);
  }
  // Definitions that reach one with a difference, found backwards from those.
  const useful = new Set(diffs.keys());
  for (let grew = true; grew; ) {
    grew = false;
    for (const [def, out] of children) {
      if (!useful.has(def) && out.some(([, target]) => useful.has(target))) {
        useful.add(def);
        grew = true;
      }
    }
  }
  const table: VersionTable = {};
  for (const def of [...useful].sort()) {
    const edges = (children.get(def) ?? []).filter(([, target]) => useful.has(target));
    const entry: DefinitionDiff = { ...diffs.get(def) };
    if (edges.length > 0) entry.edges = Object.fromEntries(edges.map(([p, t, shape]) => [p, `${t}${shape}`]));
    table[def] = entry;
  }
  return table;
}

/** The definition a property holds, and how: directly, as list items or as map values. */
function refOf(s: JsonSchema): [string, Shape] | undefined {
  if (s.$ref !== undefined) return [refTarget(s.$ref), ''];
  if (s.type === 'array' && s.items?.$ref !== undefined) return [refTarget(s.items.$ref), '[]'];
  if (typeof s.additionalProperties === 'object' && s.additionalProperties.$ref !== undefined)
    return [refTarget(s.additionalProperties.$ref), '{}'];
  return undefined;
}

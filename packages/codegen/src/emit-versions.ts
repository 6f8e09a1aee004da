import type { VersionTable } from './version-diff.js';

export interface TargetVersion {
  /** The minor line a project names: `3.7`. */
  readonly version: string;
  /** The release whose schema was read: `v3.7.18`. */
  readonly argoVersion: string;
}

/**
 * The versions a project can target and, per version, its difference table from the base (the last version). Each
 * table is JSON text that the model parses only for the version a run targets, so a run pays for one table at most.
 */
export function emitVersions(
  header: string,
  versions: readonly TargetVersion[],
  tables: ReadonlyMap<string, VersionTable>,
): string {
  const quoted = (s: string) => `'${s}'`;
  const base = versions[versions.length - 1] as TargetVersion;
  const releases = versions.map((v) => `  ${quoted(v.version)}: ${quoted(v.argoVersion)},`);
  const texts = versions.map((v) => {
    const json = JSON.stringify(tables.get(v.version) ?? {});
    // JSON of definition and property names: neither quote nor backslash, so it reads as it is between single quotes.
    if (/['\\]/.test(json)) throw new Error(`the ${v.version} table has a quote or backslash: emit it escaped`);
    return `  ${quoted(v.version)}:\n    '${json}',`;
  });
  return `${header}/** The Argo versions a project can target (\`argoVersion\`), oldest first. */
export const ARGO_VERSIONS = [${versions.map((v) => quoted(v.version)).join(', ')}] as const;

export type ArgoVersion = (typeof ARGO_VERSIONS)[number];

/** The version the generated types and validators describe, and the default target. */
export const BASE_ARGO_VERSION: ArgoVersion = ${quoted(base.version)};

/** The release whose schema each version was read from. */
export const ARGO_RELEASES: Readonly<Record<ArgoVersion, string>> = {
${releases.join('\n')}
};

/** Each version's differences from the base, by definition, as JSON (see packages/codegen/src/version-diff.ts). */
export const VERSION_TABLES: Readonly<Record<ArgoVersion, string>> = {
${texts.join('\n')}
};
`;
}

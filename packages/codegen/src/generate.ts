import { emitKinds } from './emit-kinds.js';
import { emitTypes } from './emit-types.js';
import { emitValidators, emitValidatorTypes } from './emit-validators.js';
import { emitVersions } from './emit-versions.js';
import { generatedHeader } from './header.js';
import type { JsonSchema } from './json-schema.js';
import { relaxForDefaultInstall, runTimeRequired } from './minimal-crd-required.js';
import { normalizeSchema } from './normalize.js';
import { versionTables } from './version-diff.js';

/** One Argo version's schema.json. */
export interface CodegenInput {
  sourcePath: string;
  sourceText: string;
  /** The minor line a project targets: `4.1`. */
  version: string;
  /** The release the schema comes from: `v4.1.2`. */
  argoVersion: string;
}

/**
 * Everything codegen writes, as file name → content, so `check` can compare without touching the disk twice.
 * `inputs` are the targeted versions, oldest first; the last is the base that the types and validators describe, and
 * the others are kept as difference tables against it.
 */
export function generate(inputs: readonly CodegenInput[]): Map<string, string> {
  const versions = inputs.map((input) => {
    const raw = JSON.parse(input.sourceText) as JsonSchema;
    return {
      version: input.version,
      raw,
      normalized: relaxForDefaultInstall(input.version, normalizeSchema(raw)),
      runTime: runTimeRequired(input.version),
    };
  });
  const base = inputs[inputs.length - 1];
  const schema = versions[versions.length - 1]?.normalized;
  if (base === undefined || schema === undefined) throw new Error('codegen needs at least one schema');
  const header = generatedHeader([base]);
  // The validators compile the older versions' own property schemas too, and the tables come from all inputs.
  const allHeader = generatedHeader(inputs);
  const { tables, own } = versionTables(versions);
  return new Map([
    ['types.gen.ts', emitTypes(schema, { header, argoVersion: base.argoVersion })],
    ['kinds.gen.ts', emitKinds(header, base.argoVersion)],
    ['validators.gen.js', emitValidators(schema, allHeader, own)],
    ['validators.gen.d.ts', emitValidatorTypes(allHeader, own)],
    ['versions.gen.ts', emitVersions(allHeader, inputs, tables)],
  ]);
}

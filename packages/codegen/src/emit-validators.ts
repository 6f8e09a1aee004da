import { _, Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import ajvFormats from 'ajv-formats';
import { ARGO_DEFINITION_NAMESPACE, type JsonSchema, ROOT_KINDS } from './json-schema.js';
import type { OwnSchema } from './version-diff.js';

const addFormats = ajvFormats.default;
// CommonJS modules seen through NodeNext: the callable is the `default` export.
const standaloneCode = standalone.default;

/** The only formats reachable from the five kinds (schema-notes §2); anything else is a codegen error. */
const FORMATS = ['date-time', 'int32', 'int64', 'byte'] as const;

/** The ESM import that the generated module needs for the formats; ajv would otherwise emit a `require`. */
const FORMATS_IMPORT = 'import { fullFormats } from "ajv-formats/dist/formats.js";';

export function compileAjv(schema: JsonSchema, source: boolean): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    allowUnionTypes: true, // the widened types (string|integer, …) are deliberate unions
    // Compiled code never looks at the schema again, so the generated module carries no schema text.
    code: source ? { source: true, esm: true, lines: false, optimize: true, formats: _`fullFormats` } : {},
  });
  addFormats(ajv, [...FORMATS]);
  ajv.addSchema(schema as object);
  return ajv;
}

export function kindRef(schema: JsonSchema, kind: string): string {
  return `${schema.$id}#/definitions/${ARGO_DEFINITION_NAMESPACE}${kind}`;
}

/** Where an older version's own property schemas sit in the schema the module is compiled from. */
const OWN_PREFIX = 'argo-gen.older.';

/**
 * One ESM module exporting a standalone validator per kind, and one per property schema that only an older target
 * version has (`v3_7$CronWorkflowSpec$schedule`); shared definitions are emitted once.
 */
export function emitValidators(schema: JsonSchema, header: string, own: readonly OwnSchema[] = []): string {
  const withOwn: JsonSchema = {
    ...schema,
    definitions: {
      ...schema.definitions,
      ...Object.fromEntries(own.map((o) => [OWN_PREFIX + o.exportName, o.schema])),
    },
  };
  const ajv = compileAjv(withOwn, true);
  const refs = Object.fromEntries([
    ...ROOT_KINDS.map((kind) => [kind, kindRef(schema, kind)]),
    ...own.map((o) => [o.exportName, `${schema.$id}#/definitions/${OWN_PREFIX}${o.exportName}`]),
  ]);
  const code = standaloneCode(ajv, refs);
  const body = code.replace(/^"use strict";/, '');
  return `${header}/* eslint-disable */\n${FORMATS_IMPORT}\n${body.trimStart()}\n`;
}

export function emitValidatorTypes(header: string, own: readonly OwnSchema[] = []): string {
  const names = [...ROOT_KINDS, ...own.map((o) => o.exportName)];
  const lines = names.map((name) => `export declare const ${name}: StandaloneValidator;`);
  return `${header}import type { StandaloneValidator } from '../standalone-validator.js';\n\n${lines.join('\n')}\n`;
}

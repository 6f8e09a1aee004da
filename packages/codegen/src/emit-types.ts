import {
  type InterfaceDeclarationStructure,
  type OptionalKind,
  Project,
  type PropertySignatureStructure,
  StructureKind,
} from 'ts-morph';
import { type JsonSchema, refTarget } from './json-schema.js';
import { referenceUrl, typeNames } from './names.js';

export interface EmitTypesOptions {
  header: string;
  argoVersion: string;
}

/** One TypeScript declaration per normalised definition: interfaces for objects, aliases for everything else. */
export function emitTypes(schema: JsonSchema, options: EmitTypesOptions): string {
  const definitions = schema.definitions ?? {};
  const names = typeNames(Object.keys(definitions));
  const project = new Project({ useInMemoryFileSystem: true });
  const file = project.createSourceFile('types.gen.ts', '', { overwrite: true });
  file.insertText(0, options.header);
  file.addTypeAlias({
    name: 'JsonValue',
    isExported: true,
    type: 'string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }',
    docs: ['Any JSON value: what Argo accepts where its schema leaves a field free-form.'],
  });
  for (const [definition, def] of Object.entries(definitions)) {
    const name = names.get(definition) as string;
    const docs = [`@schema ${definition}\n@see ${referenceUrl(definition, options.argoVersion)}`];
    if (def.properties) {
      file.addInterface(interfaceFor(name, def, names, docs));
    } else {
      file.addTypeAlias({ name, isExported: true, type: typeOf(def, names), docs });
    }
  }
  return file.getFullText();
}

function interfaceFor(
  name: string,
  def: JsonSchema,
  names: Map<string, string>,
  docs: string[],
): OptionalKind<InterfaceDeclarationStructure> {
  const required = new Set(def.required ?? []);
  const properties: OptionalKind<PropertySignatureStructure>[] = Object.entries(def.properties ?? {}).map(
    ([prop, schema]) => ({
      kind: StructureKind.PropertySignature,
      name: /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(prop) ? prop : JSON.stringify(prop),
      hasQuestionToken: !required.has(prop),
      isReadonly: true,
      type: typeOf(schema, names),
      docs: schema.default === undefined ? undefined : [`@default ${JSON.stringify(schema.default)}`],
    }),
  );
  return { name, isExported: true, docs, properties };
}

const PRIMITIVE: Readonly<Record<string, string>> = {
  string: 'string',
  integer: 'number',
  number: 'number',
  boolean: 'boolean',
  null: 'null',
};

export function typeOf(schema: JsonSchema, names: Map<string, string>): string {
  if (schema.$ref !== undefined) {
    const target = refTarget(schema.$ref);
    const name = names.get(target);
    if (name === undefined) throw new Error(`$ref to '${target}', which is not a generated definition`);
    return name;
  }
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type === undefined ? [] : [schema.type];
  if (types.length > 1) return [...new Set(types.map((t) => typeOf({ ...schema, type: t }, names)))].join(' | ');
  switch (types[0]) {
    case undefined:
      return 'JsonValue';
    case 'array':
      return `readonly ${wrap(typeOf(schema.items ?? {}, names))}[]`;
    case 'object':
      if (schema.properties) return inlineObject(schema, names);
      if (typeof schema.additionalProperties === 'object') {
        return `{ readonly [key: string]: ${typeOf(schema.additionalProperties, names)} }`;
      }
      return '{ readonly [key: string]: JsonValue }';
    default: {
      const primitive = PRIMITIVE[types[0]];
      if (primitive === undefined) throw new Error(`unsupported schema type '${types[0]}'`);
      return primitive;
    }
  }
}

function inlineObject(schema: JsonSchema, names: Map<string, string>): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(
    ([prop, s]) => `readonly ${JSON.stringify(prop)}${required.has(prop) ? '' : '?'}: ${typeOf(s, names)}`,
  );
  return `{ ${fields.join('; ')} }`;
}

function wrap(type: string): string {
  return type.includes(' ') ? `(${type})` : type;
}

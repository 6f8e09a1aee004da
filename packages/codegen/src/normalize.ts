import { ARGO_DEFINITION_NAMESPACE, type JsonSchema, ROOT_KINDS, refTarget } from './json-schema.js';

/**
 * Argo's schema.json needs four fixes before ajv gives Argo's verdicts (see ../shared/docs/schema-notes.md):
 *  1. keep only definitions reachable from the five kinds;
 *  2. drop prose and `x-kubernetes-*` extensions (we commit no upstream prose; ajv strict mode rejects the keywords);
 *  3. widen types whose Go decoder accepts more than the schema says (IntOrString, Quantity, Parameter values);
 *  4. close every object that lists its properties, so that a misspelled field is an error, as `argo lint --strict` does;
 *  5. drop the `required` entries that neither Argo's decoder, its validator nor its full CRDs require (RELAXED_REQUIRED).
 */
export function normalizeSchema(source: JsonSchema): JsonSchema {
  const definitions = source.definitions ?? {};
  const reachable = reachableDefinitions(
    definitions,
    ROOT_KINDS.map((k) => ARGO_DEFINITION_NAMESPACE + k),
  );
  const out: Record<string, JsonSchema> = {};
  for (const name of reachable) {
    const def = definitions[name];
    if (def === undefined) throw new Error(`definition '${name}' is referenced but missing from the schema`);
    out[name] = relaxRequired(name, widen(name, closeObjects(stripProse(def))));
  }
  return { $id: source.$id ?? 'argo-gen:argo-schema', definitions: out };
}

/** Definitions reachable from the roots, in sorted order so that output never depends on traversal order. */
export function reachableDefinitions(definitions: Record<string, JsonSchema>, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const def = definitions[name];
    if (def === undefined) throw new Error(`definition '${name}' is referenced but missing from the schema`);
    forEachRef(def, (ref) => stack.push(refTarget(ref)));
  }
  return [...seen].sort();
}

function forEachRef(schema: JsonSchema, visit: (ref: string) => void): void {
  if (schema.$ref !== undefined) visit(schema.$ref);
  for (const child of childSchemas(schema)) forEachRef(child, visit);
}

function childSchemas(schema: JsonSchema): JsonSchema[] {
  const children: JsonSchema[] = [];
  if (schema.properties) children.push(...Object.values(schema.properties));
  if (schema.items) children.push(schema.items);
  if (typeof schema.additionalProperties === 'object') children.push(schema.additionalProperties);
  if (schema.oneOf) children.push(...schema.oneOf);
  return children;
}

const PROSE_KEYS = new Set(['description', 'title']);

/** A deep copy without descriptions, titles and `x-*` extensions. Property *names* called "description" stay. */
export function stripProse(schema: JsonSchema): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (PROSE_KEYS.has(key) || key.startsWith('x-')) continue;
    if (key === 'properties') {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([p, s]) => [p, stripProse(s)]),
      );
    } else if (key === 'items' || (key === 'additionalProperties' && typeof value === 'object')) {
      out[key] = stripProse(value as JsonSchema);
    } else if (key === 'oneOf') {
      out[key] = (value as JsonSchema[]).map(stripProse);
    } else {
      out[key] = value;
    }
  }
  return out as JsonSchema;
}

/** `additionalProperties: false` on every object that lists properties; maps and free-form objects stay open. */
export function closeObjects(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = { ...schema };
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([p, s]) => [p, closeObjects(s)]));
    if (out.additionalProperties === undefined) out.additionalProperties = false;
  }
  if (out.items) out.items = closeObjects(out.items);
  if (typeof out.additionalProperties === 'object') out.additionalProperties = closeObjects(out.additionalProperties);
  return out;
}

/** Go types that decode more than their schema says; widened to exactly what Argo's decoder accepts. */
export const WIDENED_DEFINITIONS: Readonly<Record<string, string[]>> = {
  // intstr.IntOrString: JSON number or string.
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': ['integer', 'string'],
  // resource.Quantity unmarshals JSON numbers too (`cpu: 1`).
  'io.k8s.apimachinery.pkg.api.resource.Quantity': ['string', 'number'],
};

/** Parameter.value/default/enum are Argo's AnyString: numbers and booleans are accepted and stringified. */
const ANY_STRING = ['string', 'number', 'boolean'];
const PARAMETER = `${ARGO_DEFINITION_NAMESPACE}Parameter`;

function widen(name: string, def: JsonSchema): JsonSchema {
  const wide = WIDENED_DEFINITIONS[name];
  if (wide) return { ...def, type: wide };
  if (name !== PARAMETER || !def.properties) return def;
  const props = { ...def.properties };
  for (const key of ['value', 'default'] as const) {
    if (props[key]) props[key] = { ...props[key], type: ANY_STRING };
  }
  if (props.enum?.items) props.enum = { ...props.enum, items: { ...props.enum.items, type: ANY_STRING } };
  return { ...def, properties: props };
}

/**
 * `required` entries of schema.json that Argo does not require: the full CRDs (the API server's schema) leave them
 * out, Go's decoder requires nothing, and the semantic lint checks what the validator or the run needs instead
 * (`container.image`/`script.image` unless `spec.templateDefaults` supplies it; an empty `script.source` only logs a
 * warning in the controller). packages/codegen/test/normalize.test.ts compares this list with the CRDs.
 */
export const RELAXED_REQUIRED: Readonly<Record<string, readonly string[]>> = {
  'io.k8s.api.core.v1.Container': ['image'],
  [`${ARGO_DEFINITION_NAMESPACE}ScriptTemplate`]: ['image', 'source'],
};

function relaxRequired(name: string, def: JsonSchema): JsonSchema {
  const relaxed = RELAXED_REQUIRED[name];
  if (!relaxed || !def.required) return def;
  const required = def.required.filter((f) => !relaxed.includes(f));
  const { required: _, ...rest } = def;
  return required.length > 0 ? { ...rest, required } : rest;
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SHARED } from './paths.js';

/**
 * Argo's full CRDs (../shared/argo/<version>/crds) as a list of the constraints their OpenAPI schemas carry, each with
 * the place it applies: field names from the object's root, `[]` for a list item, `{}` for a map value. Shared by the
 * tests that hold our CRD rules (packages/model/src/lint/crd) and the codegen's relaxed `required` lists to them.
 */
export interface CrdConstraint {
  readonly kind: string;
  readonly path: readonly string[];
  readonly keyword: string;
  /** The limit, pattern or values; a CEL rule's message; a `required` list. */
  readonly value: unknown;
  /** For a CEL rule: its expression. */
  readonly rule?: string;
}

export interface CrdSchema {
  readonly kind: string;
  readonly root: Record<string, unknown>;
}

const KEYWORDS = [
  'maxItems',
  'maxLength',
  'minItems',
  'minLength',
  'minimum',
  'maximum',
  'pattern',
  'enum',
  'required',
];

// The yaml library is the CLI's; the repository root has none of its own.
const { parse } = createRequire(new URL('../packages/cli/package.json', import.meta.url))('yaml') as {
  parse: (text: string) => unknown;
};

/**
 * A CRD's schema, read without the blocks no rule of ours concerns (to keep the parse short: the files are megabytes):
 * every property called `status` (the controller's), and with `drop`, other properties by name.
 */
export function crdSchema(version: string, plural: string, drop: readonly string[] = []): CrdSchema {
  const text = readFileSync(`${SHARED}argo/${version}/crds/argoproj.io_${plural}.yaml`, 'utf8');
  const crd = parse(dropBlocks(text, ['status', ...drop])) as {
    spec: { names: { kind: string }; versions: { schema: { openAPIV3Schema: Record<string, unknown> } }[] };
  };
  return { kind: crd.spec.names.kind, root: crd.spec.versions[0]?.schema.openAPIV3Schema ?? {} };
}

function dropBlocks(text: string, keys: readonly string[]): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let skipDeeperThan = -1;
  for (const line of lines) {
    const indent = line.length - line.trimStart().length;
    if (skipDeeperThan >= 0) {
      if (line.trim() === '' || indent > skipDeeperThan) continue;
      skipDeeperThan = -1;
    }
    const key = /^ *([A-Za-z]+):$/.exec(line)?.[1];
    if (key !== undefined && keys.includes(key)) {
      skipDeeperThan = indent;
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** Calls `at` for every node of a schema with its place; below a node for which it returns false, nothing. */
function walkSchema(root: unknown, at: (node: Record<string, unknown>, path: string[]) => boolean): void {
  const visit = (node: unknown, path: string[]) => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (!at(n, path)) return;
    for (const [p, child] of Object.entries((n.properties as Record<string, unknown>) ?? {}))
      visit(child, [...path, p]);
    if (n.items) visit(n.items, [...path, '[]']);
    if (n.additionalProperties && typeof n.additionalProperties === 'object')
      visit(n.additionalProperties, [...path, '{}']);
  };
  visit(root, []);
}

/** Every constraint of a CRD schema, with its place. */
export function crdConstraints(schema: CrdSchema): CrdConstraint[] {
  const out: CrdConstraint[] = [];
  walkSchema(schema.root, (n, path) => {
    for (const keyword of KEYWORDS)
      if (n[keyword] !== undefined) out.push({ kind: schema.kind, path, keyword, value: n[keyword] });
    for (const v of (n['x-kubernetes-validations'] as { rule: string; message: string }[] | undefined) ?? [])
      out.push({ kind: schema.kind, path, keyword: 'x-kubernetes-validations', value: v.message, rule: v.rule });
    return true;
  });
  return out;
}

/** Every place in a CRD schema, down to free-form fields (for the check that a rule of ours claims no other place). */
export function crdPlaces(schema: CrdSchema): string[][] {
  const out: string[][] = [];
  walkSchema(schema.root, (n, path) => {
    out.push(path);
    return n['x-kubernetes-preserve-unknown-fields'] !== true;
  });
  return out;
}

import { createRequire } from 'node:module';
import type { Pair } from 'yaml';
import { type FastYamlOptions, fastYaml } from './yaml-fast.js';
import { RETYPED_PLAIN } from './yaml-retyped.js';

/**
 * Key order: the fields a reader looks for first, in the order Argo's own examples use, with `name` first; fields not
 * listed follow alphabetically; `templates` closes a spec. Sequences keep their order. The order is fixed, so output
 * does not depend on how an object was built.
 */
const FIRST = [
  'apiVersion',
  'kind',
  'metadata',
  'spec',
  'status',
  'name',
  'generateName',
  'namespace',
  'labels',
  'annotations',
  'schedules',
  'timezone',
  'concurrencyPolicy',
  'workflowTemplateRef',
  'entrypoint',
  'template',
  'templateRef',
  'depends',
  'dependencies',
  'when',
  'arguments',
  'withItems',
  'withParam',
  'withSequence',
  'inputs',
  'outputs',
  'parameters',
  'artifacts',
  'key',
  'value',
  'default',
  'enum',
  'description',
  'valueFrom',
  'image',
  'command',
  'args',
  'source',
  'container',
  'script',
  'resource',
  'suspend',
  'http',
  'containerSet',
  'dag',
  'steps',
];
const LAST = ['templates', 'tasks'];
const RANK = new Map<string, number>([
  ...FIRST.map((k, i) => [k, i] as const),
  ...LAST.map((k, i) => [k, 10_000 + i] as const),
]);
/** A pair's key: a Scalar node's value, or the key itself (avoids importing yaml's isScalar for a type test). */
const keyOf = (p: Pair): string => {
  const key = p.key as unknown;
  return String(typeof key === 'object' && key !== null && 'value' in key ? key.value : key);
};

export function compareKeys(a: Pair, b: Pair): number {
  return compareKeyNames(keyOf(a), keyOf(b));
}

function compareKeyNames(ka: string, kb: string): number {
  const ra = RANK.get(ka) ?? 5_000;
  const rb = RANK.get(kb) ?? 5_000;
  if (ra !== rb) return ra - rb;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

const OPTIONS = {
  compat: 'yaml-1.1', // quote what YAML 1.1 readers (Argo and kubectl through sigs.k8s.io/yaml) would re-type
  sortMapEntries: compareKeys,
  aliasDuplicateObjects: false, // no &a1/*a1 when one object is referenced twice
  lineWidth: 0, // never fold
  minContentWidth: 0,
  blockQuote: 'literal', // multi-line strings (scripts) as |, |-, |+
  indent: 2,
  indentSeq: true,
  singleQuote: false,
  nullStr: 'null',
  directives: false,
} as const;

/** YAML 1.1 re-types these even when yaml@2's 1.1 compat leaves them plain (see ../shared/docs/schema-notes.md §9). */
function needsQuotes(v: unknown): boolean {
  return (
    typeof v === 'string' &&
    ((v.includes('\t') && !v.includes('\n')) ||
      v === '=' ||
      /^[-+]?0[oxb]/i.test(v) ||
      (/^[-+]?\d[\d_]*(\.\d*)?$/.test(v) && v.includes('_')) ||
      // yaml@2 writes these as `|+` block scalars whose spaces then read back as indentation (" \n" -> "\n").
      (v.includes('\n') && v.trim() === ''))
  );
}

/**
 * Deterministic, review-friendly YAML that Argo's YAML 1.1 reader reads back exactly: fixed key order, quoted
 * `yes`/`on`/`0755`/dates/`{{…}}`, scripts as block scalars, no anchors, a trailing newline.
 */
export function toYaml(value: unknown): string {
  return fastYaml(value, FAST) ?? toYamlWithLibrary(value);
}

const FAST: FastYamlOptions = { compare: compareKeyNames, forceQuotes: needsQuotes, retyped: RETYPED_PLAIN };

/** The fast path alone: toYaml's text, or undefined where toYaml uses the library (exported for the tests). */
export function toYamlFastPath(value: unknown): string | undefined {
  return fastYaml(value, FAST);
}

/** toYaml through the `yaml` library alone: the reference the fast path is tested against. */
export function toYamlWithLibrary(value: unknown): string {
  const { Document, Scalar, visit } = yamlLibrary();
  const doc = new Document(value, OPTIONS);
  visit(doc, {
    Scalar(key, node) {
      // A multi-line string as the whole document: yaml@2's block scalar there loses leading spaces (`|1` at column 0).
      const rootBlock = key === null && typeof node.value === 'string' && node.value.includes('\n');
      if (rootBlock || needsQuotes(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString(OPTIONS);
}

let library: typeof import('yaml') | undefined;

/**
 * The `yaml` library, loaded on first use: the fast path writes nearly every document without it, and loading it costs
 * ~45 ms, a sixth of `argo-gen generate`. Its CommonJS build can be required synchronously, so toYaml stays sync.
 */
function yamlLibrary(): typeof import('yaml') {
  library ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return library;
}

import { canonicalDepends, parseDepends } from '@argo-gen/import';

/**
 * The normalisation under which an imported-and-synthesised document must equal the original (docs/import.md):
 *  - key order is ignored (objects are compared by content);
 *  - templates are sorted by name (the DSL lists them in discovery order, from the entrypoint);
 *  - `dependencies: [a, b]` becomes `depends: 'a && b'`, and every `depends` is compared in a canonical form
 *    (&& and || are commutative; the DSL adds data dependencies after explicit ones and drops redundant parentheses);
 *  - parameter `value`, `default` and `enum` entries are strings (Argo decodes 5 and "5" to the same string);
 *  - a CronWorkflow's legacy `schedule` (Argo 3.x, removed in 4.0) is read as one more entry of `schedules`, as Argo
 *    3.6+ reads it (the importer writes it there);
 *  - empty `templates`, `inputs`, `outputs` and `arguments` are dropped (the DSL writes `templates: []` for a spec
 *    that only references a WorkflowTemplate, and drops empty inputs/outputs; Argo treats both the same).
 */
export function normalize(doc: unknown): unknown {
  return walk(doc, '');
}

const EMPTY_DROPPED = new Set(['templates', 'inputs', 'outputs', 'arguments', 'parameters', 'artifacts']);

function walk(value: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => walk(v, ''));
    if (key === 'templates')
      return [...items].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
    if (key === 'parameters') return items.map(stringValues);
    return items;
  }
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const w = walk(v, k);
    if (EMPTY_DROPPED.has(k) && isEmpty(w)) continue;
    out[k] = w;
  }
  if (typeof out.schedule === 'string' && isObjectish(out.workflowSpec)) {
    out.schedules = [...(Array.isArray(out.schedules) ? out.schedules : []), out.schedule];
    delete out.schedule;
  }
  if (Array.isArray(out.dependencies)) {
    out.depends = (out.dependencies as unknown[]).join(' && ');
    delete out.dependencies;
  }
  if (typeof out.depends === 'string') {
    const ast = parseDepends(out.depends);
    out.depends = ast ? canonicalDepends(ast) : out.depends;
  }
  return out;
}

function isObjectish(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isEmpty(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (v !== null && typeof v === 'object' && Object.keys(v).length === 0);
}

function nameOf(v: unknown): string {
  return v !== null && typeof v === 'object' ? String((v as { name?: unknown }).name ?? '') : '';
}

function stringValues(p: unknown): unknown {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return p;
  const out: Record<string, unknown> = { ...p };
  for (const k of ['value', 'default'])
    if (typeof out[k] === 'number' || typeof out[k] === 'boolean') out[k] = String(out[k]);
  if (Array.isArray(out.enum)) out.enum = out.enum.map(String);
  return out;
}

/** The first place two normalised documents differ, as `/json/pointer: expected … got …`, or undefined. */
export function firstDifference(expected: unknown, actual: unknown, at = ''): string | undefined {
  if (Object.is(expected, actual)) return undefined;
  const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v).slice(0, 120));
  if (Array.isArray(expected) && Array.isArray(actual)) {
    for (let i = 0; i < Math.max(expected.length, actual.length); i++) {
      const d = firstDifference(expected[i], actual[i], `${at}/${i}`);
      if (d) return d;
    }
    return undefined;
  }
  if (
    expected &&
    actual &&
    typeof expected === 'object' &&
    typeof actual === 'object' &&
    !Array.isArray(expected) &&
    !Array.isArray(actual)
  ) {
    const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
    for (const k of keys) {
      const d = firstDifference(
        (expected as Record<string, unknown>)[k],
        (actual as Record<string, unknown>)[k],
        `${at}/${k}`,
      );
      if (d) return d;
    }
    return undefined;
  }
  return `${at || '/'}: expected ${show(expected)}, got ${show(actual)}`;
}

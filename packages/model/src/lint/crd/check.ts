import { pointerUnder } from '../../json-pointer.js';
import type { Sink } from '../document.js';
import { CRD_ARGO_LINES, CRD_RULES, type CrdRule } from './rules.js';

/** Whether the API server of this Argo line checks the full CRDs' rules (see rules.ts). */
export function crdRulesApply(argoVersion: string): boolean {
  return CRD_ARGO_LINES.includes(argoVersion);
}

/**
 * Fields the CRDs leave free-form (`x-kubernetes-preserve-unknown-fields`): an inline template, a plugin's
 * configuration, loop items. The API server checks nothing below them, so neither do we. `status` is the
 * controller's, `metadata` is Kubernetes'.
 */
const OPAQUE = new Set(['inline', 'plugin', 'withItems', 'status', 'metadata']);

/** One place of one rule: the rule, and its suffix without the last segment (checked once that one matched). */
interface Place {
  readonly rule: CrdRule;
  readonly suffix: readonly string[];
}

/** What the walk needs to know of one field name, found with one lookup per key. */
interface Field {
  /** Places ending with this name, by the segment before it. */
  readonly byParent: Map<string, Place[]>;
  /** Places that are this name alone (`templates`, `parallelism`). */
  readonly single?: Place[];
  /** Whether the CRDs leave the field free-form (OPAQUE). */
  readonly opaque: boolean;
}

/**
 * Places by their last two segments, so that a node is tested only against the few rules that can apply there: this
 * walk passes every node of every document.
 */
const FIELDS = new Map<string, Field>();
const field = (name: string): Field => {
  let f = FIELDS.get(name);
  if (f === undefined) {
    f = { byParent: new Map(), opaque: OPAQUE.has(name) };
    FIELDS.set(name, f);
  }
  return f;
};
for (const name of OPAQUE) field(name);
for (const rule of CRD_RULES)
  for (const at of rule.at) {
    const suffix = at.split('.');
    const f = field(suffix[suffix.length - 1] as string);
    const place = { rule, suffix };
    if (suffix.length === 1) (f as { single?: Place[] }).single = [...(f.single ?? []), place];
    else {
      const before = suffix[suffix.length - 2] as string;
      f.byParent.set(before, [...(f.byParent.get(before) ?? []), place]);
    }
  }
/** Map keys under these fields are tested against `*` places (`resources.limits.*`). */
const ANY_KEY = FIELDS.get('*')?.byParent;
/** List items under these fields are tested against `[]` places. */
const ITEMS = FIELDS.get('[]')?.byParent;

interface Walk {
  /** The JSON pointer keys from the document root down (a list index stands for `[]` in a place). */
  readonly keys: (string | number)[];
  readonly found: { rule: CrdRule; path: string; problem: string }[];
}

/**
 * The full CRDs' rules on one Argo document (any kind): one walk, each node tested against the rules whose place ends
 * with its field name. A problem that a validator rule (every Argo line) already reported at or above or under the
 * same place is not repeated.
 */
export function checkCrdRules(sink: Sink, doc: unknown): void {
  const walk: Walk = { keys: [], found: [] };
  if (doc !== null && typeof doc === 'object') visit(walk, doc, '');
  for (const { rule, path, problem } of walk.found) {
    if (rule.coveredBy && coveredAlready(sink, rule.coveredBy, path)) continue;
    sink.error(
      rule.keyword === 'x-kubernetes-validations' ? 'crd/cel-rule' : `crd/${kebab(rule.keyword)}`,
      path,
      `${problem} (Argo ${CRD_ARGO_LINES.join('/')} CRD: the API server refuses it)`,
    );
  }
}

/** Walks `v`, an object or list found under the field `parent` (`[]` for a list item). */
function visit(w: Walk, v: object, parent: string): void {
  const { keys } = w;
  if (Array.isArray(v)) {
    const places = ITEMS?.get(parent);
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      const nested = item !== null && typeof item === 'object';
      if (places === undefined && !nested) continue;
      keys.push(i);
      if (places !== undefined) test(w, places, item);
      if (nested) visit(w, item, '[]');
      keys.pop();
    }
    return;
  }
  const anyKey = ANY_KEY?.get(parent);
  for (const k in v) {
    const child = (v as Record<string, unknown>)[k];
    const nested = child !== null && typeof child === 'object';
    const f = FIELDS.get(k); // one lookup for most keys, which no rule ends with
    if (f === undefined ? anyKey === undefined && !nested : nested && f.opaque) continue;
    if (!Object.hasOwn(v, k)) continue;
    keys.push(k);
    if (f !== undefined) {
      const places = f.byParent.get(parent);
      if (places !== undefined) test(w, places, child);
      if (f.single !== undefined) test(w, f.single, child);
    }
    if (anyKey !== undefined) test(w, anyKey, child);
    if (nested) visit(w, child as object, k);
    keys.pop();
  }
}

/** Tests `v` against places whose last two segments are known to match. */
function test(w: Walk, places: readonly Place[], v: unknown): void {
  for (let i = 0; i < places.length; i++) {
    const { rule, suffix } = places[i] as Place;
    if (suffix.length > 2 && !keysEndWith(w.keys, suffix)) continue;
    const problem = rule.check(v);
    if (problem !== undefined) w.found.push({ rule, path: pointerUnder('', w.keys), problem });
  }
}

/** `endsWith` over pointer keys, where a list index is the segment `[]`. */
function keysEndWith(keys: readonly (string | number)[], suffix: readonly string[]): boolean {
  const offset = keys.length - suffix.length;
  if (offset < 0) return false;
  for (let i = suffix.length - 3; i >= 0; i--) {
    const want = suffix[i];
    const got = keys[offset + i];
    if (typeof got === 'number' ? want !== '[]' : want === '[]' || (want !== '*' && want !== got)) return false;
  }
  return true;
}

/** Whether `segments` ends with `suffix`, where `*` in the suffix stands for any one field name (not a list item). */
export function endsWith(segments: readonly string[], suffix: readonly string[]): boolean {
  const offset = segments.length - suffix.length;
  if (offset < 0) return false;
  for (let i = 0; i < suffix.length; i++) {
    const want = suffix[i];
    const got = segments[offset + i];
    if (want === '*' ? got === '[]' : want !== got) return false;
  }
  return true;
}

function coveredAlready(sink: Sink, codes: readonly string[], path: string): boolean {
  return sink.issues.some(
    (i) =>
      i.severity === 'error' &&
      codes.includes(i.code) &&
      (i.path === path || i.path.startsWith(`${path}/`) || path.startsWith(`${i.path}/`)),
  );
}

function kebab(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

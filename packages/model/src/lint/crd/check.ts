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

/** Rules by the last segment of each of their places, so that a node is tested only against rules that may apply. */
const BY_LAST = new Map<string, { rule: CrdRule; suffix: readonly string[] }[]>();
for (const rule of CRD_RULES)
  for (const at of rule.at) {
    const suffix = at.split('.');
    const last = suffix[suffix.length - 1] as string;
    const entry = BY_LAST.get(last) ?? [];
    entry.push({ rule, suffix });
    BY_LAST.set(last, entry);
  }
const ANY_KEY = BY_LAST.get('*') ?? [];
/** The field names before a `*`: only the keys of these maps are tested against the `*` rules. */
const ANY_PARENTS = new Set(ANY_KEY.map((c) => c.suffix[c.suffix.length - 2] as string));

interface Walk {
  readonly sink: Sink;
  /** Field names and `[]` for list items, from the document root down. */
  readonly segments: string[];
  /** The same places as JSON pointer keys (indices for list items). */
  readonly keys: (string | number)[];
  readonly found: { rule: CrdRule; path: string; problem: string }[];
}

/**
 * The full CRDs' rules on one Argo document (any kind): one walk, each node tested against the rules whose place ends
 * with its field name. A problem that a validator rule (every Argo line) already reported at or under the same place
 * is not repeated.
 */
export function checkCrdRules(sink: Sink, doc: unknown): void {
  const walk: Walk = { sink, segments: [], keys: [], found: [] };
  visit(walk, doc);
  for (const { rule, path, problem } of walk.found) {
    if (rule.coveredBy && coveredAlready(sink, rule.coveredBy, path)) continue;
    sink.error(
      rule.keyword === 'x-kubernetes-validations' ? 'crd/cel-rule' : `crd/${kebab(rule.keyword)}`,
      path,
      `${problem} (Argo ${CRD_ARGO_LINES.join('/')} CRD: the API server refuses it)`,
    );
  }
}

function visit(w: Walk, v: unknown): void {
  if (w.segments.length > 0) test(w, v);
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    w.segments.push('[]');
    for (let i = 0; i < v.length; i++) {
      w.keys.push(i);
      visit(w, v[i]);
      w.keys.pop();
    }
    w.segments.pop();
    return;
  }
  for (const k in v) {
    if (!Object.hasOwn(v, k) || OPAQUE.has(k)) continue;
    const child = (v as Record<string, unknown>)[k];
    // Strings and numbers are tested only where a rule ends with this field name (or with any key).
    if ((child === null || typeof child !== 'object') && !BY_LAST.has(k)) {
      if (!ANY_PARENTS.has(w.segments[w.segments.length - 1] as string)) continue;
    }
    w.segments.push(k);
    w.keys.push(k);
    visit(w, child);
    w.keys.pop();
    w.segments.pop();
  }
}

function test(w: Walk, v: unknown): void {
  const last = w.segments[w.segments.length - 1] as string;
  const candidates = BY_LAST.get(last);
  if (candidates) for (const c of candidates) apply(w, c.rule, c.suffix, v);
  if (ANY_PARENTS.has(w.segments[w.segments.length - 2] as string))
    for (const c of ANY_KEY) apply(w, c.rule, c.suffix, v);
}

function apply(w: Walk, rule: CrdRule, suffix: readonly string[], v: unknown): void {
  if (!endsWith(w.segments, suffix)) return;
  const problem = rule.check(v);
  if (problem !== undefined) w.found.push({ rule, path: pointerUnder('', w.keys), problem });
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

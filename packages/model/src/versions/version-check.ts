import * as validators from '../gen/validators.gen.js';
import { type ArgoVersion, VERSION_TABLES } from '../gen/versions.gen.js';
import { type Issue, issue } from '../issue.js';
import { escapeToken } from '../json-pointer.js';
import type { AjvError, StandaloneValidator } from '../standalone-validator.js';

/**
 * One full validator (the base version's) and, per targeted version, a table of field differences that codegen
 * computed from the schemas (packages/codegen/src/version-diff.ts). This file applies a table beside the base
 * validation: it walks the document along the table's edges to the definitions that differ and
 *  - reports a field the target does not have yet ("'pendingTimeout' needs Argo 4.1; this project targets 4.0"),
 *  - reports a field the target no longer has, naming its replacement, instead of the base's "unknown field",
 *  - validates a field only the target has (or has with another schema) with that field's own validator, in place
 *    of the base's verdict on it, and
 *  - adjusts required fields where the target's list differs.
 */

interface Removal {
  readonly removedIn: string;
  readonly use?: string;
  readonly list?: boolean;
}

interface DefinitionDiff {
  readonly edges?: Readonly<Record<string, string>>;
  readonly tooNew?: Readonly<Record<string, string>>;
  readonly gone?: Readonly<Record<string, Removal>>;
  readonly own?: Readonly<Record<string, string>>;
  readonly optional?: readonly string[];
  readonly required?: readonly string[];
}

type VersionTable = Readonly<Record<string, DefinitionDiff>>;

const parsed = new Map<ArgoVersion, VersionTable>();

/** A version's table, parsed on first use: a run reads only the table of the version it targets. */
function tableOf(version: ArgoVersion): VersionTable {
  let table = parsed.get(version);
  if (table === undefined) {
    table = JSON.parse(VERSION_TABLES[version]) as VersionTable;
    parsed.set(version, table);
  }
  return table;
}

/** What the walk found: issues of its own, base errors to drop, and errors from the target's own validators. */
interface Found {
  readonly issues: Issue[];
  /** Paths under which the base's errors do not apply (the field is not the target's, or is validated apart). */
  readonly under: string[];
  /** `path\0field` of unknown-field errors that a removal issue replaces, or that the target's own validator judges. */
  readonly unknown: Set<string>;
  /** `path\0field` of missing-field errors for fields the target does not require. */
  readonly notRequired: Set<string>;
  readonly extra: AjvError[];
}

/**
 * The base validator's errors as the target version sees them, and the issues only the version check finds.
 * `kind` names the root definition; `errors` are the base validator's for the same document.
 */
export function checkVersion(
  kind: string,
  doc: unknown,
  errors: readonly AjvError[],
  version: ArgoVersion,
): { errors: AjvError[]; issues: Issue[] } {
  const table = tableOf(version);
  const found: Found = { issues: [], under: [], unknown: new Set(), notRequired: new Set(), extra: [] };
  visit(table, version, kind, doc, '', found);
  const kept = errors.filter((e) => !dropped(e, found));
  return { errors: [...kept, ...found.extra], issues: found.issues };
}

function dropped(e: AjvError, found: Found): boolean {
  if (found.under.some((p) => e.instancePath === p || e.instancePath.startsWith(`${p}/`))) return true;
  if (e.keyword === 'additionalProperties')
    return found.unknown.has(`${e.instancePath}\u0000${String(e.params.additionalProperty)}`);
  if (e.keyword === 'required')
    return found.notRequired.has(`${e.instancePath}\u0000${String(e.params.missingProperty)}`);
  return false;
}

function visit(table: VersionTable, version: ArgoVersion, def: string, value: unknown, path: string, found: Found) {
  const diff = table[def];
  if (diff === undefined || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    // Only a definition that is itself a list (ParallelSteps) has the edge '' to its items.
    const items = diff.edges?.[''];
    if (items !== undefined) follow(table, version, items, value, path, found);
    return;
  }
  const obj = value as Readonly<Record<string, unknown>>;
  for (const field in diff.tooNew) {
    if (!Object.hasOwn(obj, field)) continue;
    const at = `${path}/${escapeToken(field)}`;
    found.under.push(at);
    found.issues.push(
      issue(
        'version/field-too-new',
        at,
        `'${field}' needs Argo ${diff.tooNew[field]}; this project targets ${version}`,
      ),
    );
  }
  for (const field in diff.gone) {
    if (!Object.hasOwn(obj, field)) continue;
    found.unknown.add(`${path}\u0000${field}`);
    // The replacement is then missing too; the removal's message already names it.
    const use = diff.gone[field]?.use;
    if (use !== undefined) found.notRequired.add(`${path}\u0000${use}`);
    found.issues.push(removed(field, diff.gone[field] as Removal, `${path}/${escapeToken(field)}`, version));
  }
  for (const field in diff.own) {
    if (!Object.hasOwn(obj, field)) continue;
    const at = `${path}/${escapeToken(field)}`;
    found.under.push(at);
    found.unknown.add(`${path}\u0000${field}`);
    const validate = (validators as unknown as Record<string, StandaloneValidator>)[diff.own[field] as string];
    if (validate === undefined) throw new Error(`no validator '${diff.own[field]}': run pnpm codegen`);
    if (!validate(obj[field], { instancePath: at })) found.extra.push(...(validate.errors ?? []));
  }
  for (const field of diff.optional ?? []) found.notRequired.add(`${path}\u0000${field}`);
  for (const field of diff.required ?? []) {
    if (!Object.hasOwn(obj, field))
      found.extra.push({ instancePath: path, schemaPath: '', keyword: 'required', params: { missingProperty: field } });
  }
  for (const field in diff.edges) {
    if (Object.hasOwn(obj, field) && !Object.hasOwn(diff.tooNew ?? {}, field))
      follow(table, version, diff.edges[field] as string, obj[field], `${path}/${escapeToken(field)}`, found);
  }
}

/** An edge `Def`, `Def[]` (a list of them) or `Def{}` (a map of them), followed into `value`. */
function follow(table: VersionTable, version: ArgoVersion, edge: string, value: unknown, path: string, found: Found) {
  const shape = edge.slice(-2);
  if (shape === '[]') {
    if (!Array.isArray(value)) return;
    const def = edge.slice(0, -2);
    value.forEach((item, i) => {
      visit(table, version, def, item, `${path}/${i}`, found);
    });
  } else if (shape === '{}') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const def = edge.slice(0, -2);
    for (const [key, item] of Object.entries(value))
      visit(table, version, def, item, `${path}/${escapeToken(key)}`, found);
  } else {
    visit(table, version, edge, value, path, found);
  }
}

function removed(field: string, r: Removal, at: string, version: ArgoVersion): Issue {
  const when = r.removedIn.startsWith('before ') ? `before Argo ${r.removedIn.slice(7)}` : `in Argo ${r.removedIn}`;
  const instead = r.use ? `; use '${r.use}'${r.list ? ' (a list)' : ''}` : '';
  return issue(
    'version/field-removed',
    at,
    `'${field}' was removed ${when}${instead}; this project targets ${version}`,
  );
}

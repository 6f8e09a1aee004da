import * as validators from '../gen/validators.gen.js';
import { type ArgoVersion, VERSION_TABLES } from '../gen/versions.gen.js';
import { type Issue, issue } from '../issue.js';
import { escapeToken, pointerUnder } from '../json-pointer.js';
import type { AjvError, StandaloneValidator } from '../standalone-validator.js';

/**
 * One full validator (the base version's) and, per targeted version, a table of field differences that codegen
 * computed from the schemas (packages/codegen/src/version-diff.ts). This file applies a table beside the base
 * validation: it walks the document along the table's edges to the definitions that differ and
 *  - reports a field the target does not have yet ("'pendingTimeout' needs Argo 4.1; this project targets 4.0"),
 *  - reports a field the target no longer has, naming its replacement, instead of the base's "unknown field",
 *  - validates a field only the target has (or has with another schema) with that field's own validator, in place
 *    of the base's verdict on it, and
 *  - adjusts required fields where the target's list differs, and says where the target fails only at run time.
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
  readonly runTime?: readonly string[];
}

interface Edge {
  readonly field: string;
  readonly def: string;
  readonly shape: '' | '[]' | '{}';
}

/** A definition's diff with its keys and edges as lists, which the walk iterates faster than objects' keys. */
interface Node {
  readonly diff: DefinitionDiff;
  /** The fields tooNew, gone or own name. */
  readonly checked: readonly string[];
  /** The edges to follow, without those through a field the version does not have. */
  readonly edges: readonly Edge[];
}

type VersionTable = ReadonlyMap<string, Node>;

const parsed = new Map<ArgoVersion, VersionTable>();

/** A version's table, parsed on first use: a run reads only the table of the version it targets. */
function tableOf(version: ArgoVersion): VersionTable {
  let table = parsed.get(version);
  if (table === undefined) {
    const diffs = JSON.parse(VERSION_TABLES[version]) as Record<string, DefinitionDiff>;
    table = new Map(Object.entries(diffs).map(([def, diff]) => [def, nodeOf(diff)]));
    parsed.set(version, table);
  }
  return table;
}

function nodeOf(diff: DefinitionDiff): Node {
  const checked = [diff.tooNew, diff.gone, diff.own].flatMap((part) => Object.keys(part ?? {}));
  const edges = Object.entries(diff.edges ?? {})
    .filter(([field]) => !Object.hasOwn(diff.tooNew ?? {}, field))
    .map(([field, edge]): Edge => {
      const shape = edge.slice(-2);
      return shape === '[]' || shape === '{}'
        ? { field, def: edge.slice(0, -2), shape }
        : { field, def: edge, shape: '' };
    });
  return { diff, checked, edges };
}

/** What the walk found: issues of its own, base errors to drop, and errors from the target's own validators. */
interface Found {
  readonly issues: Issue[];
  /** Paths under which the base's errors do not apply (the field is not the target's, or is validated apart). */
  readonly under: string[];
  /** `path\0field` of unknown-field errors that a removal issue replaces, or that the target's own validator judges. */
  readonly unknown: Set<string>;
  /** `path\0field` of missing-field errors for fields the target does not require, or reports as a run-time failure. */
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
  new Walk(table, version, found).visit(kind, doc, 0);
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

/**
 * The walk along a table's edges. Keys are kept on a stack and a pointer is built only where the walk reports or
 * validates something: the walk passes every template, container and artifact of a document, and builds nothing there.
 */
class Walk {
  private readonly keys: (string | number)[] = [];
  private readonly table: VersionTable;
  private readonly version: ArgoVersion;
  private readonly found: Found;

  constructor(table: VersionTable, version: ArgoVersion, found: Found) {
    this.table = table;
    this.version = version;
    this.found = found;
  }

  visit(def: string, value: unknown, depth: number): void {
    const node = this.table.get(def);
    if (node === undefined || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      // Only a definition that is itself a list (ParallelSteps) has the edge '' to its items.
      const items = node.edges.find((e) => e.field === '');
      if (items !== undefined) this.follow(items, value, depth);
      return;
    }
    const obj = value as Readonly<Record<string, unknown>>;
    const { diff } = node;
    let here: string | undefined;
    const path = () => (here ??= pointerUnder('', this.keys.slice(0, depth)));
    for (const field of node.checked) if (Object.hasOwn(obj, field)) this.check(diff, obj, field, path());
    for (const field of diff.optional ?? []) this.found.notRequired.add(`${path()}\u0000${field}`);
    for (const field of diff.runTime ?? []) {
      if (Object.hasOwn(obj, field)) continue;
      this.found.notRequired.add(`${path()}\u0000${field}`);
      this.found.issues.push(
        issue(
          'schema/missing-field',
          path(),
          `missing required field '${field}': Argo ${this.version} accepts the document but fails at run time without it`,
        ),
      );
    }
    for (const field of diff.required ?? []) {
      if (!Object.hasOwn(obj, field))
        this.found.extra.push({
          instancePath: path(),
          schemaPath: '',
          keyword: 'required',
          params: { missingProperty: field },
        });
    }
    for (const edge of node.edges) {
      if (!Object.hasOwn(obj, edge.field)) continue;
      this.keys[depth] = edge.field;
      this.follow(edge, obj[edge.field], depth + 1);
    }
  }

  /** A field that the target lacks, lost, or judges with its own validator, present at `path`. */
  private check(diff: DefinitionDiff, obj: Readonly<Record<string, unknown>>, field: string, path: string): void {
    const { found, version } = this;
    const at = `${path}/${escapeToken(field)}`;
    const since = diff.tooNew?.[field];
    if (since !== undefined) {
      found.under.push(at);
      found.issues.push(
        issue('version/field-too-new', at, `'${field}' needs Argo ${since}; this project targets ${version}`),
      );
      return;
    }
    found.unknown.add(`${path}\u0000${field}`);
    const gone = diff.gone?.[field];
    if (gone !== undefined) {
      // The replacement is then missing too; the removal's message already names it.
      if (gone.use !== undefined) found.notRequired.add(`${path}\u0000${gone.use}`);
      found.issues.push(removed(field, gone, at, version));
      return;
    }
    const name = diff.own?.[field] as string;
    const validate = (validators as unknown as Record<string, StandaloneValidator>)[name];
    if (validate === undefined) throw new Error(`no validator '${name}': run pnpm codegen`);
    found.under.push(at);
    if (!validate(obj[field], { instancePath: at })) found.extra.push(...(validate.errors ?? []));
  }

  /** An edge to a definition, a list of them or a map of them, followed into `value`. */
  private follow(edge: Edge, value: unknown, depth: number): void {
    if (edge.shape === '[]') {
      if (!Array.isArray(value)) return;
      for (let i = 0; i < value.length; i++) {
        this.keys[depth] = i;
        this.visit(edge.def, value[i], depth + 1);
      }
    } else if (edge.shape === '{}') {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        this.keys[depth] = key;
        this.visit(edge.def, (value as Record<string, unknown>)[key], depth + 1);
      }
    } else {
      this.visit(edge.def, value, depth);
    }
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

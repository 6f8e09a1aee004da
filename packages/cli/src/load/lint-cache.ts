import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Issue } from '@argo-gen/model';
import { pruneEntries, writeEntry } from '../cache-entries.js';
import { nearestNodeModules } from '../nearest-node-modules.js';

/**
 * The lint's findings on documents it has linted before, so that a run over unchanged templates does not lint again
 * (the semantic and the security lint are ~45 ms of a ~320 ms `argo-gen generate` of the Burger Stack; see
 * docs/benchmarks.md).
 *
 * The findings are a function of what the cache key covers and nothing else: the document as rendered (its JSON,
 * with undefined, NaN, the infinities and -0 told apart; a document with anything else is not cached), the
 * run's WorkflowTemplates (templateRef targets), the lint's options (Argo version, security settings), and the code
 * that lints: the sha256 of the model's and the CLI's bundles (the CLI reads the YAML inside documents), and Node's
 * version (time zones come from its ICU). An entry is `<sha256 of all that>.json` under node_modules/.cache/argo-gen/lint,
 * holding the findings exactly as the lint returned them (errors too: they fail the run again, located afresh). A
 * damaged or foreign entry is a miss; entries are written atomically (a temporary file, then a rename) and never fail
 * a run: a directory that cannot be written leaves the run uncached. The directory is trusted like node_modules
 * (whoever can write it can change the code that lints, too). ARGO_GEN_LINT_CACHE=off lints every document every time.
 *
 * Only the argo-gen bin turns it on (enableLintCache): a program that imports the CLI as a library, or runs its
 * sources, lints every time.
 */

/** Entries kept: a few runs' worth of every document of a large repository. */
const MAX_ENTRIES = 4000;
/** Pruning lists the directory: at most once in this long, recorded by a stamp file. */
const PRUNE_EVERY_MS = 3600 * 1000;
const PRUNED_STAMP = 'pruned';
/** Bumped when the entries' format changes. */
const FORMAT = 'argo-gen lint cache 1';

let codeIdentity: (() => string) | undefined;

/** Turns the cache on for this process; `identity` gives the sha256 of the code that lints (called once a run). */
export function enableLintCache(identity: () => string): void {
  codeIdentity = identity;
}

/** What a document's findings depend on besides the document and the code. */
export interface LintContext {
  /** The run's WorkflowTemplates and declared stand-ins (one list per run: hashed once). */
  readonly templates: readonly unknown[];
  /** The lint's options, as data (a function in them makes the document uncacheable). */
  readonly options: unknown;
}

export interface LintCache {
  /** `lint()`'s findings on `doc` in `context`: from the cache when the same was linted before, else linted now. */
  lint(doc: unknown, context: LintContext, lint: () => readonly Issue[]): readonly Issue[];
}

/** The cache for a run whose project is `dir`, or undefined when it is off. */
export function lintCacheFor(dir: string): LintCache | undefined {
  const setting = process.env.ARGO_GEN_LINT_CACHE?.trim();
  if (codeIdentity === undefined || (setting && /^(off|0|false|no)$/i.test(setting))) return undefined;
  const modules = nearestNodeModules(dir);
  return modules ? diskLintCache(path.join(modules, '.cache', 'argo-gen', 'lint'), codeIdentity) : undefined;
}

/**
 * The cache in `dir`, for lint code whose identity is `code` (exported for its tests); a function is called once, when
 * the first document is looked up (hashing the bundles, when the code cache has not, is work a run that stops
 * before the lint need not do).
 */
export function diskLintCache(
  dir: string,
  code: string | (() => string),
  { maxEntries = MAX_ENTRIES } = {},
): LintCache {
  const memo: Memo = { texts: new WeakMap(), templates: new WeakMap() };
  let identity: string | undefined;
  let wrote = false;
  return {
    lint(doc, context, lint) {
      identity ??= typeof code === 'string' ? code : code();
      const key = keyOf(identity, doc, context, memo);
      if (key === undefined) return lint();
      const file = path.join(dir, `${key}.json`);
      const cached = read(file);
      if (cached !== undefined) return cached;
      const issues = lint();
      if (write(dir, file, issues) && !wrote) {
        wrote = true;
        pruneNowAndThen(dir, maxEntries);
      }
      return issues;
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

class Uncacheable extends Error {}

/** Stands for what JSON has no text of, in the key: `{"\u0000": "undefined"}`, `{"\u0000": "NaN"}`, …. */
const MARK = '\u0000';

/**
 * JSON of `value` in which any two values the lint could tell apart differ: undefined, NaN, ±Infinity and -0 are
 * written as marks, not dropped or turned into null. Throws Uncacheable for what no text can vouch for: functions,
 * symbols, big integers, objects that are not plain (or have toJSON), and a plain object with the mark as a key.
 */
function keyJson(value: unknown): string {
  return JSON.stringify(value, function replace(this: Record<string, unknown>, key: string, v: unknown) {
    // A value with toJSON (a Date) arrives as what that returned: its text would stand for something else.
    if (this[key] !== v && typeof this[key] === 'object') throw new Uncacheable();
    switch (typeof v) {
      case 'undefined':
        return { [MARK]: 'undefined' };
      case 'number':
        return Number.isFinite(v) && !Object.is(v, -0) ? v : { [MARK]: Object.is(v, -0) ? '-0' : String(v) };
      case 'function':
      case 'symbol':
      case 'bigint':
        throw new Uncacheable();
      case 'object': {
        if (v === null || Array.isArray(v)) return v;
        const proto = Object.getPrototypeOf(v);
        if ((proto !== Object.prototype && proto !== null) || Object.hasOwn(v, MARK)) throw new Uncacheable();
        return v;
      }
      default:
        return v;
    }
  });
}

/**
 * What a run computes once: the key text of each object (the run's WorkflowTemplates are among its documents), and the
 * digest of each templates list.
 */
interface Memo {
  readonly texts: WeakMap<object, string>;
  readonly templates: WeakMap<readonly unknown[], string>;
}

/** The key text of a value, once per object: documents are frozen (the DSL renders them so), their text stays true. */
function textOf(value: unknown, memo: Memo): string {
  if (value === null || typeof value !== 'object') return keyJson(value);
  let text = memo.texts.get(value);
  if (text === undefined) {
    text = keyJson(value);
    memo.texts.set(value, text);
  }
  return text;
}

/** The entry's name, or undefined when something it depends on has no faithful text (keyJson). */
function keyOf(code: string, doc: unknown, { templates, options }: LintContext, memo: Memo): string | undefined {
  try {
    let digest = memo.templates.get(templates);
    if (digest === undefined) {
      // One JSON text per line: JSON has no raw line break, so the lines cannot run into each other.
      digest = sha256(templates.map((t) => textOf(t, memo)).join('\n'));
      memo.templates.set(templates, digest);
    }
    return sha256(`${FORMAT}\n${code}\n${process.version}\n${digest}\n${keyJson(options)}\n${textOf(doc, memo)}`);
  } catch (error) {
    if (error instanceof Uncacheable) return undefined;
    throw error;
  }
}

function read(file: string): readonly Issue[] | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  const e = entry as { format?: unknown; issues?: unknown };
  return e?.format === FORMAT && Array.isArray(e.issues) && e.issues.every(isIssue) ? (e.issues as Issue[]) : undefined;
}

/** The fields of a finding as the lint makes them (no source location: it is added afterwards, from the templates). */
const ISSUE_FIELDS = new Set(['code', 'severity', 'path', 'message', 'subject']);

/** Whether `value` is a finding as the lint makes them, which an entry may hold. */
function isIssue(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const i = value as Record<string, unknown>;
  return (
    Object.keys(i).every((k) => ISSUE_FIELDS.has(k)) &&
    typeof i.code === 'string' &&
    (i.severity === 'error' || i.severity === 'warning') &&
    typeof i.path === 'string' &&
    typeof i.message === 'string' &&
    (i.subject === undefined || typeof i.subject === 'string')
  );
}

/** Writes an entry atomically; false when it could not (or when a finding is not one the entry can hold). */
function write(dir: string, file: string, issues: readonly Issue[]): boolean {
  if (!issues.every(isIssue)) return false;
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return false;
  }
  return writeEntry(file, `${JSON.stringify({ format: FORMAT, issues })}\n`);
}

/** After a write, at most once an hour: the oldest entries beyond `maxEntries` go, and killed runs' temporary files. */
function pruneNowAndThen(dir: string, maxEntries: number): void {
  const stamp = path.join(dir, PRUNED_STAMP);
  if (Date.now() - (statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0) < PRUNE_EVERY_MS) return;
  if (!writeEntry(stamp, '')) return;
  pruneEntries(dir, (name) => name.endsWith('.json'), maxEntries);
}

import { pointerUnder } from '../json-pointer.js';

/** One `{{…}}` tag found in a string value of a document. */
export interface Tag {
  /** The text between the braces, trimmed: `inputs.parameters.x`, or `=…` for an expression. */
  readonly name: string;
  /** The tag as written, spacing kept, the way Argo prints it: `{{ inputs.parameters.x }}`. */
  readonly raw: string;
  /** The JSON pointer of the string holding the tag. */
  readonly path: string;
}

/**
 * A tag whose pointer is built only when read: nearly every tag resolves, and only reported ones need it. (Fields
 * declared, not initialised, so that making one runs no field initialisers.)
 */
class FoundTag implements Tag {
  declare readonly name: string;
  declare readonly text: string;
  declare readonly start: number;
  declare readonly end: number;
  declare readonly base: string;
  declare readonly keys: readonly (string | number)[];

  constructor(
    name: string,
    text: string,
    start: number,
    end: number,
    base: string,
    keys: readonly (string | number)[],
  ) {
    this.name = name;
    this.text = text;
    this.start = start;
    this.end = end;
    this.base = base;
    this.keys = keys;
  }

  /** `{{...}}` as written: cut from the string when read, which is for a message. */
  get raw(): string {
    return this.text.slice(this.start, this.end);
  }

  get path(): string {
    return pointerUnder(this.base, this.keys);
  }
}

/**
 * Adds the tags of `text`, found at `keys` under `base`, to `out`; split the way fasttemplate splits: `{{` up to the
 * next `}}`. The tags of one string share one copy of the keys.
 */
function addTags(out: Tag[], text: string, base: string, keys: readonly (string | number)[]): void {
  let from = 0;
  let at: readonly (string | number)[] | undefined;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) return;
    const end = text.indexOf('}}', start + 2);
    if (end < 0) return;
    at ??= keys.slice();
    const inner = text.lastIndexOf('{{', end);
    if (inner > start + 1) {
      from = addNested(out, text, start, inner, end, base, at);
      continue;
    }
    out.push(new FoundTag(text.slice(start + 2, end).trim(), text, start, end + 2, base, at));
    from = end + 2;
  }
}

/**
 * A tag inside a tag: `{{steps.check-{{inputs.parameters.date}}.outputs.result}}`. Argo substitutes the inner tag
 * first (`simpleReplaceStrict` resolves the last `{{` of a tag it cannot resolve as a whole), which leaves
 * `{{steps.check-<date>.outputs.result}}`; step and task names written with the same inner tag get the same value.
 * So both are tags here: the inner one, and the outer one with the inner tag kept in its name. Returns where to go on.
 */
function addNested(
  out: Tag[],
  text: string,
  start: number,
  inner: number,
  end: number,
  base: string,
  at: readonly (string | number)[],
): number {
  const innerName = text.slice(inner + 2, end).trim();
  out.push(new FoundTag(innerName, text, inner, end + 2, base, at));
  const outerEnd = text.indexOf('}}', end + 2);
  if (outerEnd < 0) return end + 2; // no outer close: after the substitution the rest is plain text
  const name = `${text.slice(start + 2, inner)}{{${innerName}}}${text.slice(end + 2, outerEnd)}`.trim();
  out.push(new FoundTag(name, text, start, outerEnd + 2, base, at));
  return outerEnd + 2;
}

/** A name with its `{{ … }}` tags written without inner spaces, so that a step name and a reference to it compare. */
export function normalizeTags(name: string): string {
  return name.includes('{{') ? name.replace(/\{\{\s*(.*?)\s*\}\}/g, '{{$1}}') : name;
}

/** Where the node name of `steps.<node>.…` (starting at `from`) ends: the first dot outside `{{…}}`, or -1. */
export function nodeNameEnd(name: string, from: number): number {
  let depth = 0;
  for (let i = from; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 123 /* { */ && name.charCodeAt(i + 1) === 123) {
      depth++;
      i++;
    } else if (c === 125 /* } */ && name.charCodeAt(i + 1) === 125 && depth > 0) {
      depth--;
      i++;
    } else if (c === 46 /* . */ && depth === 0) return i;
  }
  return -1;
}

/**
 * Every tag in the strings of a JSON value (map keys are not searched). `skip` names sub-trees, by their keys below
 * the value (`['dag', 'tasks']`), that another rule checks with a different scope (the tasks of a DAG, the steps of a
 * steps template). Given `strings`, the walk also adds every string it passes to it, in `stringsIn`'s order.
 */
export function tagsIn(
  value: unknown,
  path: string,
  skip: readonly (readonly string[])[] = [],
  strings?: string[],
): Tag[] {
  // Always an array, one thrown away when the caller does not want the strings: a walk that sometimes pushes and
  // sometimes does not makes V8 throw away the walk's optimized code when the other kind first comes (a DAG's tasks
  // are walked without, its leaf templates with).
  const walk: TagWalk = { out: [], path, skip, skipDepth: -1, keys: [], strings: strings ?? [] };
  for (const s of skip) walk.skipDepth = Math.max(walk.skipDepth, s.length);
  visit(walk, value);
  return walk.out;
}

/**
 * One walk of `tagsIn`. It keeps the keys from `path` down to where it is, and builds a pointer only for a string that
 * holds a tag: most values are plain strings, and documents are large. (Plain functions over this state, not
 * closures made per call: the lint runs them for every template, step and task, mostly before the JIT has.)
 */
interface TagWalk {
  readonly out: Tag[];
  readonly path: string;
  readonly skip: readonly (readonly string[])[];
  /** The most keys a `skip` entry has: deeper places are never skipped. */
  skipDepth: number;
  readonly keys: (string | number)[];
  readonly strings: string[];
}

function visit(w: TagWalk, v: unknown): void {
  if (typeof v === 'string') {
    w.strings.push(v);
    if (v.includes('{{') && !skipped(w)) addTags(w.out, v, w.path, w.keys);
  } else if (v !== null && typeof v === 'object' && (w.keys.length > w.skipDepth || !skipped(w))) {
    // Strings without a tag are handled in the loop over a map without a call: most values are such strings. A list's
    // items all go through visit(), so that each operation keeps one site: V8 optimizes this walk while it goes
    // through a DAG's tasks, and a site first reached later (a string item of a leaf template's list) would undo that.
    // for-in with an own-key test, not Object.keys: no array of keys per map.
    const { keys, strings } = w;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        keys.push(i);
        visit(w, v[i]);
        keys.pop();
      }
      return;
    }
    for (const k in v) {
      if (!Object.hasOwn(v, k)) continue;
      const child: unknown = (v as Record<string, unknown>)[k];
      if (typeof child === 'string' && !child.includes('{{')) strings.push(child);
      else if (typeof child === 'string' || (child !== null && typeof child === 'object')) {
        keys.push(k);
        visit(w, child);
        keys.pop();
      }
    }
  }
}

function skipped(w: TagWalk): boolean {
  const { keys } = w;
  if (keys.length > w.skipDepth) return false;

  for (let j = 0; j < w.skip.length; j++) {
    const s = w.skip[j] as readonly string[];
    if (s.length !== keys.length) continue;
    let i = 0;
    while (i < s.length && s[i] === keys[i]) i++; // skip entries are field names: a list index never matches
    if (i === s.length) return true;
  }
  return false;
}

/** Every string in a JSON value, for searches that are not about tags (input usage in expressions). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object')
    for (const k of Object.keys(value)) stringsIn((value as Record<string, unknown>)[k], out);
  return out;
}

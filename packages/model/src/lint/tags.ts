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

/** Tags in one string, split the way fasttemplate splits them: `{{` up to the next `}}`. */
export function tagsOfString(text: string): { name: string; raw: string }[] {
  const out: { name: string; raw: string }[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start < 0) return out;
    const end = text.indexOf('}}', start + 2);
    if (end < 0) return out;
    const inner = text.slice(start + 2, end);
    out.push({ name: inner.trim(), raw: `{{${inner}}}` });
    from = end + 2;
  }
}

const NO_SKIP: ReadonlySet<string> = new Set();

/**
 * Every tag in the strings of a JSON value (map keys are not searched). `skip` names sub-trees, by pointer, that
 * another rule checks with a different scope (the tasks of a DAG, the steps of a steps template).
 */
export function tagsIn(value: unknown, path: string, skip: ReadonlySet<string> = NO_SKIP): Tag[] {
  const out: Tag[] = [];
  // The walk keeps the keys from `path` down to where it is, and builds a pointer only for a string that holds a tag,
  // or near the top, as deep as a `skip` entry goes: most values are plain strings, and documents are large.
  const keys: (string | number)[] = [];
  const depth = skipDepth(path, skip);
  const here = () => pointerUnder(path, keys);
  const skipped = () => keys.length <= depth && skip.has(here());
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (!v.includes('{{') || skipped()) return;
      const at = here();
      for (const t of tagsOfString(v)) out.push({ name: t.name, raw: t.raw, path: at });
    } else if (v !== null && typeof v === 'object' && !skipped()) {
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          keys.push(i);
          walk(v[i]);
          keys.pop();
        }
      } else {
        for (const k of Object.keys(v)) {
          keys.push(k);
          walk((v as Record<string, unknown>)[k]);
          keys.pop();
        }
      }
    }
  };
  walk(value);
  return out;
}

/** How many keys below `path` the deepest `skip` entry under it is; -1 when none can match. */
function skipDepth(path: string, skip: ReadonlySet<string>): number {
  let depth = -1;
  for (const s of skip) {
    if (s === path) depth = Math.max(depth, 0);
    else if (s.startsWith(`${path}/`)) depth = Math.max(depth, s.slice(path.length + 1).split('/').length);
  }
  return depth;
}

/** Every string in a JSON value, for searches that are not about tags (input usage in expressions). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object')
    for (const k of Object.keys(value)) stringsIn((value as Record<string, unknown>)[k], out);
  return out;
}

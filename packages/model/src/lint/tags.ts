import { escapeToken } from '../json-pointer.js';

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

/**
 * Every tag in the strings of a JSON value (map keys are not searched). `skip` names sub-trees, by pointer, that
 * another rule checks with a different scope (the tasks of a DAG, the steps of a steps template).
 */
export function tagsIn(value: unknown, path: string, skip: ReadonlySet<string> = new Set()): Tag[] {
  const out: Tag[] = [];
  // Paths are built only for containers and for strings that hold a tag: most values are plain strings.
  const walk = (v: unknown, p: string): void => {
    if (skip.has(p)) return;
    const visit = (item: unknown, key: string): void => {
      if (typeof item === 'string') {
        if (item.includes('{{')) {
          const at = `${p}/${key}`;
          if (!skip.has(at)) for (const t of tagsOfString(item)) out.push({ ...t, path: at });
        }
      } else if (item !== null && typeof item === 'object') walk(item, `${p}/${key}`);
    };
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) visit(v[i], String(i));
    else if (v !== null && typeof v === 'object')
      for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k], escapeToken(k));
  };
  if (typeof value === 'string') {
    if (value.includes('{{') && !skip.has(path)) for (const t of tagsOfString(value)) out.push({ ...t, path });
  } else walk(value, path);
  return out;
}

/** Every string in a JSON value, for searches that are not about tags (input usage in expressions). */
export function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

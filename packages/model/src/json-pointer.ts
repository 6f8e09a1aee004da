/** RFC 6901 JSON pointers, the path format of every Issue. */

export function pointer(segments: readonly (string | number)[]): string {
  return pointerUnder('', segments);
}

/**
 * `base` and then `segments`: the pointer of a place a walk reached. Walks keep their keys on a stack and call this
 * only for the places they report, instead of building a pointer for every value they pass.
 */
export function pointerUnder(base: string, segments: readonly (string | number)[]): string {
  let out = base;
  for (const s of segments) out += `/${typeof s === 'number' ? s : escapeToken(s)}`;
  return out;
}

export function escapeToken(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment; // nearly every key
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function segmentsOf(ptr: string): string[] {
  if (ptr === '') return [];
  if (!ptr.startsWith('/')) throw new Error(`not a JSON pointer: '${ptr}'`);
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The value at a pointer, or undefined when the path leaves the document. */
export function valueAt(doc: unknown, ptr: string): unknown {
  let current: unknown = doc;
  for (const segment of segmentsOf(ptr)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** RFC 6901 JSON pointers, the path format of every Issue. */

export function pointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapeToken(String(s))}`).join('');
}

export function escapeToken(segment: string): string {
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

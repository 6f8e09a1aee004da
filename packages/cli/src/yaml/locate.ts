import { segmentsOf } from '@argo-gen/model';

/**
 * Where each map key and sequence item of a document's values is written: for every object and array the reader
 * builds, the offsets of its entries in order (`Object.keys` order for a map). Kept instead of the yaml@2 document,
 * which weighs several times more than the values.
 */
export type Offsets = WeakMap<object, number[]>;

/**
 * The source offset of the node a JSON pointer names. A map entry is located by its key (the line a reader looks
 * for); a missing node falls back to its nearest existing ancestor, so a "missing field" points at its parent.
 */
export function offsetAt(value: unknown, offsets: Offsets, rootOffset: number, pointer: string): number {
  let node = value;
  let offset = rootOffset;
  for (const segment of segmentsOf(pointer)) {
    if (node === null || typeof node !== 'object') break;
    const entries = offsets.get(node);
    const index = Array.isArray(node) ? Number(segment) : Object.keys(node).indexOf(segment);
    const at = entries?.[index];
    if (at === undefined || index < 0) break;
    offset = at;
    node = (node as Record<string, unknown>)[segment];
  }
  return offset;
}

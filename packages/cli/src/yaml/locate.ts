import { segmentsOf } from '@argo-gen/model';
import { type Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import { jsonKeyOf } from './go-value.js';

/**
 * The source offset of the node a JSON pointer names. A map entry is located by its key (the line a reader looks
 * for); a missing node falls back to its nearest existing ancestor, so a "missing field" points at its parent.
 */
export function nodeAt(doc: Document, pointer: string): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (const segment of segmentsOf(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && jsonKeyOf(p.key) === segment);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

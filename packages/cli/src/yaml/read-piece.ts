import { readBlockSubset } from './block-subset.js';
import { GoDecodeError, toGoValue } from './go-value.js';
import type { Offsets } from './locate.js';
import { parseChunk } from './parse-chunk.js';

/** One piece of a file (argo-chunks.ts) read: its value, and where its nodes are written in the piece's text. */
export interface PieceReading {
  readonly value: unknown;
  readonly offsets: Offsets;
  /** Where the document's root node starts. */
  readonly root: number;
  /** From an offset of `offsets` (or `root`) to the piece's text (the full reader may have re-indented lines). */
  toOriginal(offset: number): number;
}

const same = (offset: number) => offset;

/**
 * Reads a piece as Argo does: by the block subset's reader when the piece is written in that subset (most are), else
 * by the full one. Undefined for a piece with no document; a GoDecodeError (offset in the piece's text) for one that
 * Argo refuses.
 */
export function readPiece(text: string): PieceReading | undefined {
  const offsets: Offsets = new WeakMap();
  const simple = readBlockSubset(text, offsets);
  return simple ? { ...simple, offsets, toOriginal: same } : readPieceFully(text);
}

/** The full reader: yaml@2's parser (parse-chunk.ts), then go-yaml's decoding (go-value.ts). */
export function readPieceFully(text: string): PieceReading | undefined {
  const offsets: Offsets = new WeakMap();
  let parsed: ReturnType<typeof parseChunk>;
  try {
    parsed = parseChunk(text);
    if (!parsed) return undefined;
    const value = toGoValue(parsed.doc, offsets);
    // The yaml@2 document itself is not kept: it weighs several times more than the values.
    return { value, offsets, root: parsed.doc.contents?.range?.[0] ?? 0, toOriginal: parsed.toOriginal };
  } catch (error) {
    if (error instanceof GoDecodeError && parsed)
      throw new GoDecodeError(error.code, error.message, parsed.toOriginal(error.offset));
    throw error;
  }
}

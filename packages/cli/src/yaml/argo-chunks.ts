/** A piece of a file as Argo splits it, with its offset in the file. */
export interface Chunk {
  readonly text: string;
  readonly start: number;
}

/**
 * Argo's split (workflow/common/parse.go): the regex `\n---`, not a YAML document parser, so `\n----` or a `---`
 * line inside a multi-line scalar split too; pieces that are only white space are dropped.
 */
export function argoChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  let start = 0;
  for (;;) {
    const at = text.indexOf('\n---', start);
    const end = at === -1 ? text.length : at;
    const piece = text.slice(start, end);
    if (piece.trim() !== '') chunks.push({ text: piece, start });
    if (at === -1) return chunks;
    start = at + 4;
  }
}

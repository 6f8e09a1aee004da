import { type Document, isMap, isScalar, isSeq } from 'yaml';

/** Text inserted into the original: spaces at a line start, or quotes around a lone `-` in a flow collection. */
export interface Insertion {
  /** Offset in the original text. */
  readonly at: number;
  readonly text: string;
}

/**
 * go-yaml (libyaml) never checks the indentation of a line inside a flow collection or a quoted scalar; YAML 1.2 and
 * yaml@2 require such a line to be indented past the enclosing block. Argo's own examples rely on the former:
 *
 *     args: ["
 *       cd /src &&
 *       make
 *     "]
 *
 * A line's leading white space inside a flow collection or a quoted scalar is never content (flow folding drops
 * it), so indenting such a line up to the column where the construct opened reads the same value. This finds the
 * lines to indent; `verifyInsertions` then proves, on the re-parsed document, that each one landed inside a flow
 * collection or a quoted scalar, so a wrong guess of this light scanner can only lead to a refusal, never to a
 * different value.
 */
export function underIndentedFlowLines(text: string): Insertion[] {
  const insertions: Insertion[] = [];
  let flowDepth = 0;
  let quote = '';
  let openColumn = 0; // column of the outermost open flow collection or quoted scalar
  let blockScalar: { header: number; content?: number } | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let indent = 0;
    while (text[lineStart + indent] === ' ') indent++;
    const blank = isBlankLine(text, lineStart + indent, lineEnd);
    if (blockScalar && !blank) {
      blockScalar.content ??= indent > blockScalar.header ? indent : undefined;
      if (blockScalar.content !== undefined && indent >= blockScalar.content) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockScalar = undefined;
    } else if (blockScalar) {
      lineStart = lineEnd + 1;
      continue;
    }
    const open = flowDepth > 0 || quote !== '';
    if (open && !blank && indent < openColumn && !isDocumentMarker(text, lineStart)) {
      insertions.push({ at: lineStart, text: ' '.repeat(openColumn - indent) });
    }
    // Scan the line's characters.
    let tokenStart = true;
    for (let i = lineStart + indent; i < lineEnd; i++) {
      const c = text[i];
      if (quote === '"') {
        if (c === '\\') i++;
        else if (c === '"') quote = '';
        if (quote === '') tokenStart = false;
        continue;
      }
      if (quote === "'") {
        if (c === "'" && text[i + 1] === "'") i++;
        else if (c === "'") {
          quote = '';
          tokenStart = false;
        }
        continue;
      }
      if (c === ' ' || c === '\t') {
        tokenStart = true;
        continue;
      }
      if (c === '#' && tokenStart) break; // a comment
      if ((c === '"' || c === "'") && tokenStart) {
        if (flowDepth === 0) openColumn = i - lineStart;
        quote = c;
        continue;
      }
      if (c === '[' || c === '{') {
        if (flowDepth === 0) openColumn = i - lineStart;
        flowDepth++;
        tokenStart = true;
        continue;
      }
      if (flowDepth > 0) {
        // go-yaml reads a `-` right before `,`, `]` or `}` in a flow collection (`[cat, -]`) as the string "-"
        // (but `- ]` is an error there); YAML 1.2 has no such plain scalar. Quoted, it reads the same.
        if (c === '-' && tokenStart && ',]}'.includes(text[i + 1] ?? ' ')) {
          insertions.push({ at: i, text: '"' }, { at: i + 1, text: '"' });
        }
        if (c === ']' || c === '}') flowDepth--;
        tokenStart = c === ',' || c === ']' || c === '}' || c === ':';
        continue;
      }
      if ((c === '|' || c === '>') && tokenStart) {
        blockScalar = { header: indent };
        break;
      }
      if ((c === '-' || c === '?' || c === ':') && isBlankAt(text, i + 1, lineEnd)) {
        tokenStart = true;
        continue;
      }
      if (c === '&' || c === '!' || c === '*') {
        while (i + 1 < lineEnd && text[i + 1] !== ' ' && text[i + 1] !== '\t') i++;
        continue;
      }
      // A plain scalar in block context: to the end of the line, or to a `: ` that makes it a key, or a comment.
      while (i + 1 < lineEnd) {
        const n = text[i + 1];
        if (n === ':' && isBlankAt(text, i + 2, lineEnd)) break;
        if (n === '#' && (text[i] === ' ' || text[i] === '\t')) break;
        i++;
      }
      tokenStart = false;
    }
    lineStart = lineEnd + 1;
  }
  return insertions;
}

function isBlankLine(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] !== ' ' && text[i] !== '\t' && text[i] !== '\r') return false;
  return true;
}

function isBlankAt(text: string, i: number, lineEnd: number): boolean {
  return i >= lineEnd || text[i] === ' ' || text[i] === '\t' || text[i] === '\r';
}

/** `---` or `...` at column 0 stays where it is: go-yaml reads it as a document marker wherever it appears. */
function isDocumentMarker(text: string, lineStart: number): boolean {
  const three = text.slice(lineStart, lineStart + 3);
  return (three === '---' || three === '...') && isBlankAt(text, lineStart + 3, text.length);
}

/** The text with the insertions applied. */
export function applyInsertions(text: string, insertions: readonly Insertion[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const ins of insertions) {
    parts.push(text.slice(from, ins.at), ins.text);
    from = ins.at;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Maps an offset in the corrected text back to the original text (inserted text maps to where it was inserted). */
export function originalOffset(insertions: readonly Insertion[], offset: number): number {
  let shift = 0;
  for (const ins of insertions) {
    const start = ins.at + shift;
    if (offset < start) break;
    if (offset < start + ins.text.length) return ins.at;
    shift += ins.text.length;
  }
  return offset - shift;
}

/** True when every insertion lies strictly inside a flow collection or a quoted scalar of the corrected document. */
export function verifyInsertions(doc: Document, insertions: readonly Insertion[]): boolean {
  const ranges: [number, number][] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node) || isSeq(node)) {
      if (node.flow && node.range) ranges.push([node.range[0], node.range[1]]);
      if (isMap(node)) for (const p of node.items) stack.push(p.key, p.value);
      else stack.push(...node.items);
    } else if (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range) {
      ranges.push([node.range[0], node.range[1]]);
    }
  }
  let shift = 0;
  return insertions.every((ins) => {
    const at = ins.at + shift;
    shift += ins.text.length;
    return ranges.some(([start, end]) => start < at && at < end);
  });
}

import { Composer, type Document, isMap, isScalar, isSeq, Lexer, Parser } from 'yaml';
import {
  applyInsertions,
  type Insertion,
  originalOffset,
  underIndentedFlowLines,
  verifyInsertions,
} from './flow-indent.js';
import { GoDecodeError, MAX_DEPTH } from './go-value.js';

/** The first YAML document of one piece of a file, and the way from its offsets back to the piece's text. */
export interface ParsedChunk {
  readonly doc: Document;
  toOriginal(offset: number): number;
}

/**
 * Plain scalars stay text (failsafe): go-yaml's own resolution runs on them afterwards (go-yaml-scalar.ts); duplicate
 * keys are found there too, by go-yaml's notion of key equality.
 */
const OPTIONS = { version: '1.1', schema: 'failsafe', uniqueKeys: false } as const;

/**
 * Parses a piece of a file as go-yaml's `Unmarshal` does: its first document only. When yaml@2 refuses the text, the
 * one difference known to matter (lines of a flow collection or quoted scalar indented at or below their block, which
 * go-yaml accepts) is corrected and the text parsed again; if that does not give a proven-equal reading, the first
 * error stands. Returns undefined for a piece with no document (blank, comments, directives).
 */
export function parseChunk(text: string): ParsedChunk | undefined {
  const first = composeFirst(text);
  if (!first) return undefined;
  if (first.errors.length === 0) return { doc: first, toOriginal: (offset) => offset };
  const insertions = underIndentedFlowLines(text);
  if (insertions.length > 0) {
    const second = composeFirst(applyInsertions(text, insertions));
    if (second && second.errors.length === 0 && verifyInsertions(second, insertions)) {
      return { doc: second, toOriginal: (offset) => originalOffset(insertions, offset) };
    }
  }
  const error = first.errors[0];
  throw new GoDecodeError(
    `yaml/${error?.code.toLowerCase().replace(/_/g, '-') ?? 'syntax'}`,
    `YAML syntax error: ${firstLine(error?.message ?? 'unreadable')}`,
    error?.pos[0] ?? 0,
  );
}

/**
 * Lexes, parses and composes, refusing nesting deeper than MAX_DEPTH while parsing (the parser keeps its open
 * collections on a stack; yaml@2's composer would recurse once per level and could exhaust the call stack).
 */
function composeFirst(text: string): Document | undefined {
  const parser = new Parser();
  const composer = new Composer(OPTIONS);
  const docs: Document[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) for (const doc of composer.next(token)) docs.push(doc);
    // The stack holds the document and, per level, the collection and (for a map) the pending value.
    if (parser.stack.length > MAX_DEPTH + 2) {
      throw new GoDecodeError(
        'yaml/too-deep',
        `nesting deeper than ${MAX_DEPTH} levels (argo-gen's reader limit; Argo's is 10000)`,
        parser.offset,
      );
    }
    if (docs.length > 0) break; // go-yaml's Unmarshal reads the first document only
  }
  if (docs.length === 0) {
    for (const token of parser.end()) for (const doc of composer.next(token)) docs.push(doc);
    for (const doc of composer.end(false, text.length)) docs.push(doc);
  }
  const doc = docs[0];
  if (!doc || isEmpty(doc)) return undefined;
  if (doc.errors.length === 0) unbreakFinalBlockScalar(doc, text);
  return doc;
}

/**
 * A block scalar whose last line ends the text without a line break has no final line break in go-yaml (YAML's own
 * rule); yaml@2 adds one. It matters because Argo's split removes the `\n` before each `---`, so every block scalar
 * that closes a document of a multi-document file ends that way.
 */
function unbreakFinalBlockScalar(doc: Document, text: string): void {
  const lastLine = text.slice(text.lastIndexOf('\n') + 1);
  if (lastLine.trim() === '') return;
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) node = node.items.at(-1)?.value;
    else if (isSeq(node)) node = node.items.at(-1);
    else break;
  }
  if (!isScalar(node) || (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED')) return;
  const header = /^[|>][0-9+-]*/.exec(text.slice(node.range?.[0] ?? 0))?.[0] ?? '';
  const value = node.value;
  if (
    !header.includes('-') &&
    typeof value === 'string' &&
    value.endsWith('\n') &&
    (node.range?.[1] ?? 0) >= text.trimEnd().length
  ) {
    node.value = value.slice(0, -1);
  }
}

/** A document with no content (after a trailing `---`, or only comments) is none; an explicit `null` is one. */
function isEmpty(doc: Document): boolean {
  const c = doc.contents as { value?: unknown; range?: number[]; type?: string } | null;
  return c === null || (c.type === 'PLAIN' && c.value === '' && c.range != null && c.range[0] === c.range[1]);
}

/** yaml@2's message without its position (ours is given apart) and at most 200 characters of quoted text. */
function firstLine(message: string): string {
  const line = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return line.length > 200 ? `${line.slice(0, 197)}...` : line;
}

export type { Insertion };

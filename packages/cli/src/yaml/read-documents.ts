import { ArgoGenError, isStackOverflow, issue, type SourceLocation } from '@argo-gen/model';
import { argoChunks } from './argo-chunks.js';
import { GoDecodeError } from './go-value.js';
import { offsetAt } from './locate.js';
import { type PieceReading, readPiece } from './read-piece.js';
import { decodeUtf8, firstDisallowedCharacter, TextPositions } from './text.js';

/**
 * The largest document (piece of a file) read. yaml@2 holds a whole document's syntax tree while parsing it, about
 * 90 bytes per byte of YAML, so a 50 MB document would need more than 4 GB; the Kubernetes API server refuses
 * objects above 3 MiB anyway. Files of many smaller documents are read one document at a time.
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024; // counted in characters, which is bytes for ASCII

/** One document of a YAML file: its value as Argo would decode it, and a way back to lines and columns. */
export interface YamlDocument {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
  /** Where the node at a JSON pointer starts (the nearest existing ancestor when the node is absent). */
  locate(pointer: string): SourceLocation;
}

/**
 * Reads every document of a YAML file as Argo v4.1.2 does (workflow/common/parse.go): the text is split with Argo's
 * regex `\n---`, and each piece is read as sigs.k8s.io/yaml reads it with go-yaml v2 (first document of the piece,
 * YAML 1.1 scalars, strict: duplicate keys are errors), then converted to JSON values. Bytes are decoded as UTF-8,
 * refused when invalid, as go-yaml refuses them. Any problem fails the whole file with one issue (code `yaml/…`),
 * its line and column: where Argo's lint silently skips a piece it cannot read, argo-gen says so. Each piece is read
 * by read-piece.ts: a fast reader for the plain block YAML most files are written in, else the full one.
 */
export function readDocuments(input: string | Uint8Array, file: string): YamlDocument[] {
  const text = typeof input === 'string' ? input : decodeUtf8(input, file);
  const positions = new TextPositions(text, file);
  const fail = (code: string, message: string, offset: number): never => {
    throw new ArgoGenError([issue(code, '', message, { source: positions.at(offset) })]);
  };
  const bad = firstDisallowedCharacter(text);
  if (bad !== undefined) {
    const code = text.codePointAt(bad)?.toString(16).toUpperCase().padStart(4, '0');
    fail('yaml/control-character', `control character U+${code} is not allowed in YAML (go-yaml refuses it)`, bad);
  }
  const documents: YamlDocument[] = [];
  for (const chunk of argoChunks(text)) {
    if (chunk.text.length > MAX_DOCUMENT_BYTES) {
      const mib = (chunk.text.length / 1048576).toFixed(1);
      const first = chunk.start + chunk.text.length - chunk.text.trimStart().length;
      fail(
        'yaml/document-too-large',
        `a ${mib} MiB document: argo-gen reads documents up to 16 MiB (Kubernetes takes objects up to 3 MiB)`,
        first,
      );
    }
    let piece: PieceReading | undefined;
    try {
      piece = readPiece(chunk.text);
    } catch (error) {
      // MAX_DEPTH keeps well inside the stack; should a caller already be deep, still one line, not a crash.
      if (isStackOverflow(error)) {
        return fail('yaml/too-deep', 'nested too deeply to read here (the call stack ran out)', chunk.start);
      }
      if (!(error instanceof GoDecodeError)) throw error;
      return fail(error.code, error.message, chunk.start + error.offset);
    }
    if (!piece) continue;
    const { value, offsets, root, toOriginal } = piece;
    documents.push({
      file,
      index: documents.length,
      value,
      locate: (pointer) => positions.at(chunk.start + toOriginal(offsetAt(value, offsets, root, pointer))),
    });
  }
  return documents;
}

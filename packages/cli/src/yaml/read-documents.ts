import { ArgoGenError, issue, type SourceLocation } from '@argo-gen/model';
import { type Document, isScalar, LineCounter, parseAllDocuments } from 'yaml';
import { goYamlTags } from './go-yaml-tags.js';
import { nodeAt } from './locate.js';

/** One document of a YAML file: its value as Argo would decode it, and a way back to lines and columns. */
export interface YamlDocument {
  readonly file: string;
  readonly index: number;
  readonly value: unknown;
  /** Where the node at a JSON pointer starts (the nearest existing ancestor when the node is absent). */
  locate(pointer: string): SourceLocation;
}

/**
 * Parses every document of a multi-document YAML text. yaml@2 never throws: it returns documents with an `errors`
 * list and made-up content, so any error fails the whole file here, with its line and column.
 */
export function readDocuments(text: string, file: string): YamlDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    version: '1.1',
    customTags: goYamlTags,
    uniqueKeys: true, // Argo's strict decoding rejects duplicate keys too
    prettyErrors: false,
  });
  const list = Array.isArray(docs) ? docs : [docs];
  const problems = list.flatMap((doc) =>
    doc.errors.map((e) => {
      const pos = lineCounter.linePos(e.pos[0]);
      const message = `YAML ${e.code === 'DUPLICATE_KEY' ? 'duplicate key' : 'syntax error'}: ${firstLine(e.message)}`;
      return issue(`yaml/${e.code.toLowerCase().replace(/_/g, '-')}`, '', message, {
        source: { file, line: pos.line, column: pos.col },
      });
    }),
  );
  if (problems.length > 0) throw new ArgoGenError(problems);
  return list.filter((doc) => !isEmpty(doc)).map((doc, index) => toYamlDocument(doc, index, file, lineCounter));
}

function toYamlDocument(doc: Document, index: number, file: string, lineCounter: LineCounter): YamlDocument {
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  return {
    file,
    index,
    value,
    locate(pointer: string): SourceLocation {
      const offset = nodeAt(doc, pointer) ?? 0;
      const pos = lineCounter.linePos(offset);
      return { file, line: pos.line, column: pos.col };
    },
  };
}

/** A `---` with nothing after it (common at the end of files) is not a document; an explicit `null` is. */
function isEmpty(doc: Document): boolean {
  const c = doc.contents;
  return c === null || (isScalar(c) && c.value === null && c.range != null && c.range[0] === c.range[1]);
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

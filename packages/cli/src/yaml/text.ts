import { ArgoGenError, issue, type SourceLocation } from '@argo-gen/model';

/**
 * The characters go-yaml's reader accepts (readerc.go): tab, line breaks, printable ASCII, NEL and the printable
 * Unicode ranges; anything else is "control characters are not allowed".
 */
const DISALLOWED = /[^\t\n\r\x20-\x7E\x85\xA0-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function firstDisallowedCharacter(text: string): number | undefined {
  const m = DISALLOWED.exec(text);
  return m ? m.index : undefined;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 bytes to text; invalid UTF-8 is an error naming the line and column of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bad; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const source = { file, line, column: bad - lineStart + 1 };
    throw new ArgoGenError([issue('yaml/invalid-utf8', '', 'invalid UTF-8 (go-yaml refuses it)', { source })]);
  }
}

/** The offset of the first byte at which the bytes stop being a prefix of valid UTF-8 (only called on failure). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const validPrefix = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (validPrefix(mid)) lo = mid;
    else hi = mid;
  }
  // A sequence cut short by the end of the text: point at its first byte.
  while (lo > 0 && ((bytes[lo] ?? 0) & 0xc0) === 0x80) lo--;
  return lo;
}

/** Offsets of a text to 1-based lines and columns; the line index is built on first use (errors, issues). */
export class TextPositions {
  private lineStarts: number[] | undefined;
  private readonly text: string;
  private readonly file: string;

  constructor(text: string, file: string) {
    this.text = text;
    this.file = file;
  }

  at(offset: number): SourceLocation {
    this.lineStarts ??= lineStartsOf(this.text);
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  }
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

import type { SourceLocation } from '@argo-gen/model';

/** Frames from the DSL and step library themselves; the user's call site is the first frame outside them. */
// Only the libraries' own code (src, or dist when built): a test or example beside them is a user's file.
const INTERNAL =
  /[/\\](?:packages[/\\](?:dsl|steps)[/\\](?:src|dist)|node_modules[/\\]@argo-gen[/\\](?:dsl|steps))[/\\]/;
const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;

/**
 * Where the user declared a template or task, captured at the DSL call so errors can name the TypeScript line.
 * Stack traces are source-mapped by the loader (tsx) or by `--enable-source-maps`, so this is the .ts position.
 */
export function captureSource(): SourceLocation | undefined {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 16;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  for (const line of stack.split('\n').slice(1)) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    const file = (match[1] as string).replace(/^file:\/\//, '');
    if (INTERNAL.test(file) || file.startsWith('node:')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

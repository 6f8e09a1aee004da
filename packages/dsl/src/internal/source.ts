import type { SourceLocation } from '@argo-gen/model';

/** Frames from the DSL and step library themselves; the user's call site is the first frame outside them. */
// Only the libraries' own code (src, or dist when built): a test or example beside them is a user's file.
const INTERNAL =
  /[/\\](?:packages[/\\](?:dsl|steps)[/\\](?:src|dist)|node_modules[/\\]@argo-gen[/\\](?:dsl|steps))[/\\]/;
const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;

/** How many frames (this function's own included) the search looks at: the user's call is among them. */
const MAX_FRAMES = 16;
/**
 * Frames tried first. The user's call is almost always this close (captureSource, makeTemplate, container, a step
 * factory, the user), and formatting frames (source-mapped, under a loader) is most of what a capture costs, so a
 * short stack is formatted first and the full one only when it holds no user frame.
 */
const NEAR_FRAMES = 5;
const LIMITS = [NEAR_FRAMES, MAX_FRAMES] as const;

/**
 * Where the user declared a template or task, captured at the DSL call so errors can name the TypeScript line.
 * Stack traces are source-mapped by the loader (tsx) or by `--enable-source-maps`, so this is the .ts position.
 */
export function captureSource(): SourceLocation | undefined {
  const saved = Error.stackTraceLimit;
  try {
    for (const limit of LIMITS) {
      Error.stackTraceLimit = limit;
      const lines = (new Error().stack ?? '').split('\n').slice(1);
      const found = userFrame(lines);
      // Fewer frames than asked for means the stack ended there: a longer one would hold nothing more.
      if (found || lines.length < limit) return found;
    }
    return undefined;
  } finally {
    Error.stackTraceLimit = saved;
  }
}

/** The first frame, of formatted stack lines, that is neither the DSL's nor Node's own. */
function userFrame(lines: readonly string[]): SourceLocation | undefined {
  for (const line of lines) {
    const match = FRAME.exec(line.trim());
    if (!match) continue;
    const file = (match[1] as string).replace(/^file:\/\//, '');
    if (INTERNAL.test(file) || file.startsWith('node:')) continue;
    return { file, line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}

import type { SourceLocation } from '@argo-gen/model';

/** Frames from the DSL and step library themselves; the user's call site is the first frame outside them. */
// Only the libraries' own code (src, or dist when built): a test or example beside them is a user's file.
const INTERNAL =
  /[/\\](?:packages[/\\](?:dsl|steps)[/\\](?:src|dist)|node_modules[/\\]@argo-gen[/\\](?:dsl|steps))[/\\]/;
const FRAME = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;

/** How many frames (the capturing function's own included) the search looks at: the user's call is among them. */
const MAX_FRAMES = 16;

/** A captured call: where the user declared a template or task, found when first asked for, then remembered. */
export type CallSite = () => SourceLocation | undefined;

/**
 * Where the user declared a template or task, captured at the DSL call so errors can name the TypeScript line.
 * Stack traces are source-mapped by the loader (tsx) or by `--enable-source-maps`, so this is the .ts position.
 *
 * The frames are captured now, but formatted (source-mapped, the costly part) only when the location is first asked
 * for, which is when there is a problem to report: most declarations never need theirs. Call the result at once
 * (`captureSite()()`) where the location is wanted now.
 */
export function captureSite(): CallSite {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = MAX_FRAMES;
  const error = new Error();
  Error.stackTraceLimit = saved;
  let found: SourceLocation | undefined | null = null;
  return () => {
    if (found === null) found = userFrame((error.stack ?? '').split('\n').slice(1));
    return found;
  };
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

/**
 * Gives `value` its `source`, read from `site` when first asked for, and freezes `value` (whose other fields must be
 * frozen already). The property keeps its place among the keys; it is enumerable, so spreading and comparing values
 * see the location as before.
 */
export function freezeWithSource<T extends { readonly source?: SourceLocation }>(value: T, site: CallSite): T {
  Object.defineProperty(value, 'source', { get: site, enumerable: true });
  return Object.freeze(value);
}

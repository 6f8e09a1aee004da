import type { SourceLocation } from '@argo-gen/model';
import { deepFreeze } from './freeze.js';

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
    if (found === null) found = userSite(error);
    return found;
  };
}

/**
 * The first frame of `error` outside the libraries and Node, formatted (source-mapped) alone. Formatting the whole
 * stack made Node decode the source map of every bundle on it (the DSL's and the step library's, ~165 KB), only for
 * their frames to be skipped; a frame is picked by its file as it runs (a bundle's path says it is ours as its
 * sources' do), and only the picked one goes through the formatter in place, so loaders that map stacks their own way
 * (tsx, vitest) still map it.
 */
function userSite(error: Error): SourceLocation | undefined {
  const format = Error.prepareStackTrace;
  let found: SourceLocation | undefined;
  Error.prepareStackTrace = (e, frames) => {
    for (const frame of frames) {
      const file = frame.getFileName();
      if (!file || file.startsWith('node:') || INTERNAL.test(file)) continue;
      const text = format ? String(format(e, [frame])) : `${e}\n    at ${frame}`;
      found = userFrame(text.split('\n').slice(1));
      if (found) break;
    }
    return '';
  };
  try {
    void error.stack;
  } finally {
    Error.prepareStackTrace = format;
  }
  return found;
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

/** The call site of a value made by `defineSource`: a hidden (non-enumerable, read-only) property of it. */
const SITE = Symbol('argo-gen.site');

/** The `source` getter of every template and task (of a value that inherits from one, too, by the prototype chain). */
function sourceOf(this: { readonly [SITE]?: CallSite }): SourceLocation | undefined {
  return this[SITE]?.();
}

/**
 * Gives `value` (not yet frozen, with no `source` yet) a `source` read from `site` when first asked for. It is an
 * enumerable own property, so spreading and comparing values see the location as before. All values share one getter:
 * a getter of its own would make V8 keep each value as a slow dictionary object. The site is a property of the value
 * rather than an entry of a WeakMap, which the garbage collector would have to trace for every template and task.
 */
export function defineSource(value: object, site: CallSite): void {
  Object.defineProperty(value, SITE, { value: site });
  Object.defineProperty(value, 'source', { get: sourceOf, enumerable: true });
}

/**
 * The frozen value with its `source` read from `site` when first asked for (as templates and tasks do). Formatting
 * the stack is what costs: Node source-maps every frame of it, and decoding a bundle's map for the DSL's own frames
 * took about a fifth of a cold `argo-gen generate`. A clean run never asks.
 */
export function locatedValue<T extends object>(value: T, site: CallSite): T & { readonly source?: SourceLocation } {
  for (const key in value) if (Object.hasOwn(value, key)) deepFreeze(value[key]);
  defineSource(value, site);
  return Object.freeze(value);
}

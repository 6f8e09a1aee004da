/**
 * Whether `error` is V8's stack overflow: a document nested deeper (parentheses in an expression, lists in lists)
 * than a recursive reader can follow. Callers turn it into an issue that says so, instead of a RangeError.
 */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

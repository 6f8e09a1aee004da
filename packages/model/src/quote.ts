/**
 * The longest part of a user's value that a message quotes. Values come from files and command lines we do not
 * control (a 10 MB parameter, a 100 kB path segment, a control character); a message stays one readable line.
 */
export const QUOTE_LIMIT = 80;

/**
 * A user's value as a message quotes it: `'value'`, at most `max` characters of it (then `…` and its length), with
 * line breaks and other control characters escaped so that the message stays on one line.
 */
export function quote(value: unknown, max: number = QUOTE_LIMIT): string {
  return `'${clip(value, max)}'${lengthNote(value, max)}`;
}

/**
 * A user's text shown unquoted (an error message of theirs): at most `max` characters of it, then `…`, with control
 * characters escaped, as `quote` does.
 */
export function clip(value: unknown, max: number = QUOTE_LIMIT): string {
  const text = typeof value === 'string' ? value : String(value);
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
  return shown.replace(/[\u0000-\u001f\u007f]/g, (c) => JSON.stringify(c).slice(1, -1));
}

function lengthNote(value: unknown, max: number): string {
  const length = (typeof value === 'string' ? value : String(value)).length;
  return length > max ? ` (${length} characters)` : '';
}

/**
 * Handles render to Argo's `{{…}}` only at synthesis. Until then a handle is a token that carries its expression
 * between control characters that text does not use, so that:
 *  - a handle can be used anywhere a string can (`\`echo ${inputs.who}\``) and still be recognised;
 *  - dependencies are inferred from the tokens in a task's inputs, with no registry and no global state;
 *  - any `{{` that is *not* inside a token was hand-written, and synthesis refuses it unless it came from `raw()`.
 *
 * The markers are C1 controls meant for private use (U+0091/U+0092 PRIVATE USE ONE/TWO, U+0096/U+0097 START/END OF
 * GUARDED AREA). Being below U+0100 matters: V8 keeps a string whose characters all are as one byte each, so
 * strings with handles, and the `{{…}}` text rendered from them, stay one-byte strings. With markers above U+00FF
 * (they were U+E000–U+E003) every such string, and the whole YAML text written from them, took two bytes a character,
 * and every pattern test on them ran a second, two-byte compilation of its pattern. Every copy of the DSL in a
 * process (a template compiled by the CLI may bring its own) must use the same markers.
 */
const OPEN = '\u0091';
const CLOSE = '\u0092';
const RAW_OPEN = '\u0096';
const RAW_CLOSE = '\u0097';

export function token(expression: string): string {
  return `${OPEN}${expression}${CLOSE}`;
}

export function rawToken(text: string): string {
  return `${RAW_OPEN}${text}${RAW_CLOSE}`;
}

const TOKEN = /\u0091([^\u0092]*)\u0092/g;
const RAW = /\u0096([^\u0097]*)\u0097/g;

/** The expressions of every handle inside a string, in order. */
export function expressionsIn(text: string): readonly string[] {
  let at = text.indexOf(OPEN);
  if (at < 0) return NO_EXPRESSIONS; // most strings hold no handle
  // indexOf, not TOKEN.exec: no match object per handle, and a task's arguments are read this way for every task.
  // Same matches as TOKEN: from a marker to the first closing marker after it, then on from there.
  const found: string[] = [];
  for (; at >= 0; at = text.indexOf(OPEN, at + 1)) {
    const end = text.indexOf(CLOSE, at + 1);
    if (end < 0) break;
    found.push(text.slice(at + 1, end));
    at = end;
  }
  return found;
}

const NO_EXPRESSIONS: readonly string[] = Object.freeze([]);

export function hasTokens(text: string): boolean {
  return text.includes(OPEN) || text.includes(RAW_OPEN);
}

export interface Rendered {
  readonly text: string;
  /** Set when the string holds `{{` that came from neither a handle nor `raw()`. */
  readonly handWritten: boolean;
}

/** Whether `render` has anything to do: a handle, a raw token or a `{{` (most strings have none). */
export function needsRender(text: string): boolean {
  return text.includes('{{') || hasTokens(text);
}

/** Final rendering: handle tokens become `{{expr}}`, raw tokens their text; hand-written `{{` is detected. */
export function render(text: string): Rendered {
  if (!needsRender(text)) return { text, handWritten: false };
  const withoutRaw = text.replace(RAW, '');
  const handWritten = withoutRaw.replace(TOKEN, '').includes('{{');
  return { text: text.replace(TOKEN, (_m, e: string) => `{{${e}}}`).replace(RAW, (_m, r: string) => r), handWritten };
}

/** Inside `{{= … }}` a handle is written as its bare expression path. */
export function renderInExpression(text: string): string {
  return text.replace(TOKEN, (_m, e: string) => e);
}

/**
 * `text` with each handle replaced by `valueFor(expression)`, or undefined when a handle has no known value (or the
 * text holds a raw token, whose value Argo computes): what a string becomes once Argo substitutes it.
 */
export function substituteTokens(
  text: string,
  valueFor: (expression: string) => string | undefined,
): string | undefined {
  if (text.includes(RAW_OPEN)) return undefined;
  let unknown = false;
  const out = text.replace(TOKEN, (_m, e: string) => {
    const v = valueFor(e);
    if (v === undefined) unknown = true;
    return v ?? '';
  });
  return unknown ? undefined : out;
}

/**
 * Handles render to Argo's `{{…}}` only at synthesis. Until then a handle is a token that carries its expression
 * between private-use code points, so that:
 *  - a handle can be used anywhere a string can (`\`echo ${inputs.who}\``) and still be recognised;
 *  - dependencies are inferred from the tokens in a task's inputs, with no registry and no global state;
 *  - any `{{` that is *not* inside a token was hand-written, and synthesis refuses it unless it came from `raw()`.
 */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const RAW_OPEN = '\uE002';
const RAW_CLOSE = '\uE003';

export function token(expression: string): string {
  return `${OPEN}${expression}${CLOSE}`;
}

export function rawToken(text: string): string {
  return `${RAW_OPEN}${text}${RAW_CLOSE}`;
}

const TOKEN = /\uE000([^\uE001]*)\uE001/g;
const RAW = /\uE002([^\uE003]*)\uE003/g;

/** The expressions of every handle inside a string, in order. */
export function expressionsIn(text: string): string[] {
  if (!text.includes(OPEN)) return []; // most strings hold no handle
  // exec, not matchAll: matchAll copies the regex on every call (TOKEN is global; lastIndex is reset)
  const found: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) found.push(m[1] as string);
  return found;
}

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

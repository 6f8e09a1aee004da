import { isIdentifier } from './names.js';

/**
 * A tiny tree of TypeScript expressions, printed Biome-style: flat when the line fits in 120 columns, otherwise one
 * entry per line, with a trailing object or array argument hugging its call (`container('x', {`).
 */
export type Code =
  | string
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Code])[] }
  | { readonly kind: 'array'; readonly items: readonly Code[] }
  | { readonly kind: 'call'; readonly callee: string; readonly args: readonly Code[] }
  | { readonly kind: 'arrow'; readonly params: string; readonly body: Code };

const WIDTH = 120;

export const obj = (entries: readonly (readonly [string, Code | undefined])[]): Code => ({
  kind: 'object',
  entries: entries.filter((e): e is readonly [string, Code] => e[1] !== undefined),
});
export const arr = (items: readonly Code[]): Code => ({ kind: 'array', items });
export const call = (callee: string, ...args: readonly (Code | undefined)[]): Code => {
  const list = [...args];
  while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
  return { kind: 'call', callee, args: list.map((a) => a ?? 'undefined') };
};
export const arrow = (params: string, body: Code): Code => ({ kind: 'arrow', params, body });

/**
 * An object key: bare when it is an identifier, quoted otherwise. `__proto__` (a legal Argo parameter or label name)
 * is computed, `['__proto__']`: written bare or quoted in an object literal, it would set the object's prototype
 * instead of making a property.
 */
export function key(name: string): string {
  if (name === '__proto__') return `[${quote(name)}]`;
  return isIdentifier(name) ? name : quote(name);
}

/** A string literal, single-quoted unless the text has single quotes and no double ones (as Biome formats). */
export function quote(text: string): string {
  const q = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = '';
  for (const c of text) out += c === '\\' || c === q || c < ' ' || c === '\u2028' || c === '\u2029' ? escapeChar(c) : c;
  return `${q}${out}${q}`;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\\':
      return '\\\\';
    case "'":
      return "\\'";
    case '"':
      return '\\"';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/** `key: value`, or the shorthand `key` when the value is the variable of that name. */
function entry(k: string, v: string): string {
  return k === v ? k : `${k}: ${v}`;
}

function flat(c: Code): string {
  if (typeof c === 'string') return c;
  switch (c.kind) {
    case 'object':
      return c.entries.length === 0 ? '{}' : `{ ${c.entries.map(([k, v]) => entry(k, flat(v))).join(', ')} }`;
    case 'array':
      return `[${c.items.map(flat).join(', ')}]`;
    case 'call':
      return `${c.callee}(${c.args.map(flat).join(', ')})`;
    case 'arrow':
      return `${c.params} => ${typeof c.body !== 'string' && c.body.kind === 'object' ? `(${flat(c.body)})` : flat(c.body)}`;
  }
}

/** Prints `c` starting at column `col` of a line indented by `indent` spaces. */
export function print(c: Code, indent = 0, col = indent): string {
  const f = flat(c);
  if (!f.includes('\n') && col + f.length <= WIDTH) return f;
  if (typeof c === 'string') return c;
  const inner = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  switch (c.kind) {
    case 'object':
      return `{\n${c.entries.map(([k, v]) => `${inner}${entry(k, print(v, indent + 2, indent + 4 + k.length))},\n`).join('')}${close}}`;
    case 'array':
      return `[\n${c.items.map((v) => `${inner}${print(v, indent + 2)},\n`).join('')}${close}]`;
    case 'arrow': {
      const body = c.body;
      const wrapped = typeof body !== 'string' && body.kind === 'object';
      const head = `${c.params} => ${wrapped ? '(' : ''}`;
      return `${head}${print(body, indent, col + head.length)}${wrapped ? ')' : ''}`;
    }
    case 'call': {
      const last = c.args[c.args.length - 1];
      const lead = c.args.slice(0, -1).map(flat);
      const head = `${c.callee}(${lead.map((a) => `${a}, `).join('')}`;
      const huggable = last !== undefined && typeof last !== 'string' && last.kind !== 'call';
      if (huggable && !lead.some((a) => a.includes('\n')) && col + head.length <= WIDTH) {
        return `${head}${print(last, indent, col + head.length)})`;
      }
      return `${c.callee}(\n${c.args.map((a) => `${inner}${print(a, indent + 2)},\n`).join('')}${close})`;
    }
  }
}

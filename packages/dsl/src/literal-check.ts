import type { ParamSpec } from './params.js';
import { isRef } from './ref.js';
import { hasTokens, substituteTokens } from './tokens.js';

// `generate` compiles with esbuild, which does not type-check: `'three'` given to a `param.number()` would be written
// as `value: three`. So an argument's value is checked against the declared type here, when synthesis can know it: a
// literal, or a string built from the items of a `withItems` loop (each item is checked), whose handle is typed
// wider than the input (an item of `['fast', 'bogus']` is a `Ref<string>` to TypeScript, accepted by any enum).

/** How a number is written in a string Argo passes around (what `String(n)` gives for a finite n). */
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** Why `value` does not fit `spec`, or undefined when it does (or cannot be known before run time). */
export function literalProblem(
  spec: Pick<ParamSpec, 'type' | 'enum'>,
  value: string | number | boolean | object,
  items: readonly unknown[] | undefined,
): string | undefined {
  const text = isRef(value) ? String(value) : value;
  if (typeof text === 'string' && hasTokens(text)) {
    if (!items) return undefined;
    for (let i = 0; i < items.length; i++) {
      const substituted = substituteTokens(text, (e) => itemValue(items[i], e));
      if (substituted === undefined) return undefined;
      const problem = valueProblem(spec, substituted);
      if (problem) return `${problem}, from item ${i} of withItems`;
    }
    return undefined;
  }
  return valueProblem(spec, text as string | number | boolean);
}

function valueProblem(spec: Pick<ParamSpec, 'type' | 'enum'>, value: string | number | boolean): string | undefined {
  const got = `(got ${typeof value === 'string' ? JSON.stringify(value) : String(value)})`;
  if (spec.enum) {
    const ok = spec.enum.some((e) => e === value || String(e) === String(value));
    return ok ? undefined : `must be one of ${spec.enum.map((v) => JSON.stringify(v)).join(', ')} ${got}`;
  }
  if (spec.type === 'number') {
    const ok = typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && NUMBER.test(value);
    return ok ? undefined : `must be a number ${got}`;
  }
  if (spec.type === 'boolean') {
    const ok = typeof value === 'boolean' || value === 'true' || value === 'false';
    return ok ? undefined : `must be a boolean ${got}`;
  }
  return undefined;
}

/** What Argo substitutes for `item` or `item.key` of one loop item; undefined for any other expression. */
function itemValue(item: unknown, expression: string): string | undefined {
  if (expression === 'item') return argoString(item);
  if (!expression.startsWith('item.') || item === null || typeof item !== 'object') return undefined;
  const key = expression.slice('item.'.length);
  return Object.hasOwn(item, key) ? argoString((item as Record<string, unknown>)[key]) : undefined;
}

function argoString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined; // objects are passed as JSON, which no number, boolean or enum check is about
}

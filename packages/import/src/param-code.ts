import { arr, type Code, call, obj, quote } from './code.js';
import { isObject, type Yaml } from './context.js';
import { type Scope, stringCode, type Tally } from './expressions.js';

/** An object with no entries is left out (`param.string()` rather than `param.string({})`). */
export function emptyToUndefined(o: Code): Code | undefined {
  return typeof o !== 'string' && o.kind === 'object' && o.entries.length === 0 ? undefined : o;
}

/**
 * A parameter declaration: `param.string({ default })`, `param.enum([...])` or `param.fromConfigMap(name, key)`.
 * Template inputs keep their default in `default`, workflow arguments in `value`.
 */
export function paramSpecCode(p: Yaml, valueKey: 'default' | 'value', scope: Scope, counts: Tally): Code {
  counts.imports.add('param');
  const text = (v: unknown) => (typeof v === 'string' ? stringCode(v, scope, counts) : quote(String(v)));
  const description = p.description === undefined ? undefined : text(p.description);
  if (isObject(p.valueFrom) && isObject(p.valueFrom.configMapKeyRef)) {
    const ref = p.valueFrom.configMapKeyRef;
    const o = obj([
      ['description', description],
      ['optional', ref.optional === undefined ? undefined : String(ref.optional)],
    ]);
    return call('param.fromConfigMap', text(ref.name), text(ref.key), emptyToUndefined(o));
  }
  const value = p[valueKey];
  const o = emptyToUndefined(
    obj([
      ['default', value === undefined ? undefined : text(value)],
      ['description', description],
    ]),
  );
  if (Array.isArray(p.enum)) return call('param.enum', arr(p.enum.map(text)), o);
  return call('param.string', o);
}

/**
 * `target[key] = value`, for keys that come from the user (parameter, output, hook, label and field names). The one
 * key that needs care is `__proto__`, a legal Argo name: assigned, it would replace the object's prototype (or be
 * dropped, for a string) instead of becoming a property, so it is defined as an own property.
 */
export function setKey(target: Record<string | symbol, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * A scope is a table of names: a prototype-less object, or a layer over one (`Object.create(base)`, its own names
 * shadowing the base's), so that a DAG's tasks can share their DAG's names instead of each copying them. Every
 * object of such a chain is prototype-less, so `__proto__`, `constructor` or `toString` are plain names there. Any
 * other object (a caller's plain `{…}`) is read by its own names only: what `Object.prototype` holds is never a name.
 */
type Names = Readonly<Record<string, unknown>>;

/** Whether `scope` names `name`, in itself or in a layer below it. */
export function hasName(scope: Names, name: string): boolean {
  return Object.hasOwn(scope, name) || (name in scope && isPrototypeLess(scope));
}

/** Every name of `scope`, each once (a layer's before the ones below it it does not shadow). */
export function namesOf(scope: Names): string[] {
  if (!isPrototypeLess(scope)) return Object.keys(scope);
  const names: string[] = [];
  for (const name in scope) names.push(name);
  return names;
}

/** Whether the prototype chain of `scope` ends without `Object.prototype`: a table of names and its layers. */
function isPrototypeLess(scope: Names): boolean {
  for (let p = Object.getPrototypeOf(scope); p !== null; p = Object.getPrototypeOf(p)) {
    if (p === Object.prototype) return false;
  }
  return true;
}

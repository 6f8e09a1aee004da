import { pathToFileURL } from 'node:url';

let registered: Promise<void> | undefined;

/**
 * Imports a TypeScript (or JavaScript) module. Node 20 cannot run .ts itself, so the tsx loader is registered once,
 * lazily (only commands that load TypeScript pay for it). Stack traces then point at .ts lines, which the DSL
 * records as source locations.
 */
export async function importModule(file: string): Promise<unknown> {
  if (/\.[mc]?tsx?$/.test(file)) {
    registered ??= import('tsx/esm/api').then(({ register }) => {
      register();
    });
    await registered;
  }
  return import(pathToFileURL(file).href);
}

/**
 * The pieces of work a command is waiting for (a module being loaded), by name, so that a run that stops with one
 * of them unfinished can say which (see exit-guard.ts).
 */
const pending = new Map<number, string>();
let next = 0;

/** `work`, recorded as waiting under `label` until it settles. */
export async function tracked<T>(label: string, work: Promise<T>): Promise<T> {
  const id = next++;
  pending.set(id, label);
  try {
    return await work;
  } finally {
    pending.delete(id);
  }
}

/** The labels of the work not yet settled, in the order it started, each once. */
export function unfinished(): string[] {
  return [...new Set(pending.values())];
}

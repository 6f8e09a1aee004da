import path from 'node:path';
import { ArgoGenError, issue } from '@argo-gen/model';
import { tracked } from '../in-flight.js';
import { formatBound, LIMIT_ENV, limits } from '../limits.js';

/**
 * Evaluates a module (`load` imports it) within the run's module time bound (`--module-timeout`). A module that
 * takes longer, because its top-level code awaits something slow or never settles while a timer keeps the process
 * alive, fails with `input/module-timeout` naming it. The module is tracked while it loads, so that a run whose event
 * loop empties while it is still pending can name it too (exit-guard.ts).
 *
 * The timer does not keep the process alive itself: when nothing else does, the exit guard reports the module at
 * once instead of after the whole bound.
 */
export async function withinModuleBound<T>(file: string, load: () => Promise<T>): Promise<T> {
  const ms = limits().moduleTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut(file, ms)), ms);
    timer.unref();
  });
  try {
    return await tracked(displayName(file), Promise.race([load(), bound]));
  } finally {
    clearTimeout(timer);
  }
}

function timedOut(file: string, ms: number): ArgoGenError {
  return new ArgoGenError([
    issue(
      'input/module-timeout',
      '',
      `did not finish loading within ${formatBound(ms)} (its top-level code is still running); ` +
        `raise the bound with --module-timeout or $${LIMIT_ENV.moduleTimeout} if it is merely slow`,
      { source: { file, line: 0, column: 0 } },
    ),
  ]);
}

/** The module as the user would name it: relative to the working directory when below it. */
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel.split(path.sep).join('/');
}

import { existsSync } from 'node:fs';
import path from 'node:path';

/** The node_modules directory nearest above `dir` (the one Node resolves packages from first), if any. */
export function nearestNodeModules(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'node_modules'))) return path.join(d, 'node_modules');
    if (path.dirname(d) === d) return undefined;
  }
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HEADER_MARK, type Plan, toPosix } from './plan.js';

export interface Differences {
  readonly stale: readonly string[];
  readonly missing: readonly string[];
  /** Generated files (they carry our header) that no input produces any more. */
  readonly extra: readonly string[];
  readonly changed: ReadonlyMap<string, string>;
}

/** What `generate` would change on disk, and what `check` reports. */
export function compare(plan: Plan, root: string): Differences {
  const stale: string[] = [];
  const missing: string[] = [];
  const changed = new Map<string, string>();
  for (const f of plan.files) {
    const abs = path.resolve(root, f.path);
    if (!existsSync(abs)) {
      missing.push(f.path);
      changed.set(f.path, f.content);
    } else if (readFileSync(abs, 'utf8') !== f.content) {
      stale.push(f.path);
      changed.set(f.path, f.content);
    }
  }
  // Compare absolute paths: an output directory may be given relative to the root or absolute (`--out /tmp/x`).
  const planned = new Set(plan.files.map((f) => path.resolve(root, f.path)));
  const extra = [...new Set(plan.outDirs.flatMap((d) => generatedFilesIn(path.resolve(root, d))))]
    .filter((abs) => !planned.has(abs))
    .map((abs) => displayPath(root, abs))
    .sort();
  return { stale, missing, extra, changed };
}

/** Inside the root: relative with forward slashes, as generate prints its outputs; elsewhere: absolute. */
function displayPath(root: string, abs: string): string {
  const rel = path.relative(root, abs);
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : toPosix(rel);
}

function generatedFilesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name.startsWith('.') ? [] : generatedFilesIn(full);
    if (!/\.ya?ml$/.test(e.name)) return [];
    return readFileSync(full, 'utf8').startsWith(HEADER_MARK) ? [full] : [];
  });
}

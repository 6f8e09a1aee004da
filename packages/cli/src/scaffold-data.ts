import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScaffoldData } from './init/scaffold.js';

// Beside src/ and dist/ alike (this module sits at the top of both; the bundle keeps it there), shipped in the package.
const ROOT = fileURLToPath(new URL('../scaffold/', import.meta.url));

/** The data files of `argo-gen init`, by their path under packages/cli/scaffold/. */
export function readScaffoldData(): ScaffoldData {
  const data: Record<string, string> = {};
  const visit = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else data[path.relative(ROOT, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  visit(ROOT);
  return data;
}

/** This package's version: the scaffold's package.json asks for exactly it, of every argo-gen package. */
export function cliVersion(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

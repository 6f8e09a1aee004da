import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../test/paths.js';

/**
 * Scratch projects for CLI tests, under `.cache/<name>` in the repository (ignored): their modules must resolve
 * `@argo-gen/dsl` from the workspace. `project` writes the given files into a fresh directory; `cleanup` (for
 * `afterAll`) removes them all.
 */
export function scratchProjects(name: string): {
  project: (files: Record<string, string>) => string;
  cleanup: () => void;
} {
  const root = path.join(REPO_ROOT, '.cache', name);
  let counter = 0;
  return {
    project(files) {
      const dir = path.join(root, `p${process.pid}-${counter++}`);
      mkdirSync(dir, { recursive: true });
      for (const [file, content] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), content);
      }
      return dir;
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

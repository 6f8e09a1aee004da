import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a set of files so that a failure leaves every target as it was: all contents go to temporary files beside
 * their targets first; only when every one is written are they renamed into place (a rename within a directory is
 * atomic). Deletions happen last.
 */
export function writeAtomically(
  root: string,
  files: ReadonlyMap<string, string>,
  deletions: readonly string[] = [],
): void {
  const staged: [string, string][] = [];
  try {
    for (const [rel, content] of files) {
      const target = path.resolve(root, rel);
      mkdirSync(path.dirname(target), { recursive: true });
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.argo-gen-${process.pid}.tmp`);
      staged.push([temp, target]);
      writeFileSync(temp, content);
    }
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const [temp, target] of staged) renameSync(temp, target);
  for (const rel of deletions) rmSync(path.resolve(root, rel), { force: true });
}

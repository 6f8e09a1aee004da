import { randomBytes } from 'node:crypto';
import { readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Files of argo-gen's caches (the code cache, the lint cache): written whole or not at all, and pruned by age. A cache
 * never fails a run: these return or skip quietly where the disk refuses (a read-only install, a full disk).
 */

/** A temporary file this old is a leftover of a killed run (a write takes milliseconds). */
const STALE_TEMPORARY_MS = 3600 * 1000;
const TEMPORARY = /\.tmp$/;

/**
 * Writes `data` to `file` through a temporary file beside it and a rename, so that a reader finds the old content or
 * the new one whole, never part of it; false when it could not (the temporary file is removed).
 */
export function writeEntry(file: string, data: string | Uint8Array): boolean {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // no temporary file was made (its directory is not one)
    }
    return false;
  }
}

/**
 * Removes the least recently written entries (names `isEntry` accepts) beyond the newest `keep`, and temporary files
 * that killed runs left (an hour old); another run's temporary file being written is not touched, nor anything else.
 */
export function pruneEntries(dir: string, isEntry: (name: string) => boolean, keep: number): void {
  try {
    const now = Date.now();
    const entries: { file: string; written: number }[] = [];
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      const written = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
      if (written === undefined) continue;
      if (isEntry(name)) entries.push({ file, written });
      else if (TEMPORARY.test(name) && now - written > STALE_TEMPORARY_MS) rmSync(file, { force: true });
    }
    entries.sort((a, b) => b.written - a.written);
    for (const { file } of entries.slice(keep)) rmSync(file, { force: true });
  } catch {
    // pruning is housekeeping: a directory that cannot be listed or written only keeps its files
  }
}

import { randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * All-or-nothing replacement of a set of files in one or more output directories, as seen by the next run, however
 * the process ends (an error, SIGINT, SIGKILL). A redo journal with a single commit point:
 *
 * 1. prepare: for each output directory D, the new contents go to `D/.argo-gen-staging/new/` (same directory tree,
 *    so the same file system, so the renames below are atomic), then `D/.argo-gen-staging/journal.json` (written
 *    to a temporary name and renamed, so it is either absent or complete) lists the files to move and to delete, the
 *    transaction id, every participating directory, and where the commit marker is;
 * 2. commit: the marker `committed` (holding the id) is renamed into the first directory's staging directory. This
 *    one rename is the switch-over: before it, no output has been touched; after it, the run counts as done;
 * 3. apply: each staged file is renamed over its output, then the deletions are made. Each step can be repeated: a
 *    staged file that is gone has been moved, a deleted file that is gone has been deleted;
 * 4. clean up: once every directory is applied, each journal is removed, then its staging directory.
 *
 * Recovery (the start of every `generate`) finds a staging directory and reads its journal. Without a journal, or
 * with one whose marker is absent, nothing was applied (the marker exists from the moment any output changes until
 * every directory is applied), so removing the staging directory rolls back. With the marker, every participating
 * directory is applied (step 3 again) and cleaned up: roll forward. A crash during recovery leaves the same
 * situation, so the next recovery ends the same way. A staging directory whose owner (the pid it records) is still
 * alive belongs to a concurrent run and is left alone (Busy). The guarantee is against the process dying, not the
 * machine: nothing is fsynced.
 */
export const STAGING = '.argo-gen-staging';

const NEW = 'new';
const OWNER = 'owner';
const JOURNAL = 'journal.json';
const MARKER = 'committed';

export interface DirChanges {
  /** Absolute output directory. */
  readonly dir: string;
  readonly writes: readonly { readonly relative: string; readonly content: string }[];
  /** Paths relative to `dir`, with forward slashes. */
  readonly deletes: readonly string[];
}

interface Journal {
  readonly id: string;
  /** The directory whose staging directory holds the commit marker. */
  readonly commit: string;
  readonly participants: readonly string[];
  readonly writes: readonly string[];
  readonly deletes: readonly string[];
}

export interface Steps {
  /** Called after every change to the file system (tests stop the process here, at a chosen step). */
  readonly step: () => Promise<void>;
  /** Whether the user asked to stop (SIGINT); honoured until the commit, after which the run finishes. */
  readonly stopRequested: () => boolean;
}

/** Another live process is writing into this directory (its staging directory names its pid). */
export class Busy extends Error {
  readonly staging: string;
  readonly pid: number;

  constructor(staging: string, pid: number) {
    super(`${staging} belongs to the running process ${pid}`);
    this.staging = staging;
    this.pid = pid;
  }
}

/** The transaction stopped before its commit point, on request: nothing was changed. */
export class Stopped extends Error {}

/** The transaction failed after its commit point: the next run finishes it. */
export class CommittedButIncomplete extends Error {
  constructor(cause: unknown) {
    super('committed but not completed', { cause });
  }
}

export async function transact(changes: readonly DirChanges[], steps: Steps): Promise<void> {
  const parts = changes.filter((c) => c.writes.length > 0 || c.deletes.length > 0);
  if (parts.length === 0) return;
  const id = randomUUID();
  const commitDir = (parts[0] as DirChanges).dir;
  const created: string[] = [];
  const made = new Set<string>();
  try {
    for (const c of parts) {
      const staging = path.join(c.dir, STAGING);
      mkdirSync(c.dir, { recursive: true });
      // Not recursive: an existing staging directory is another run's (recovery removed any leftover first).
      mkdirSync(staging);
      created.push(staging);
      // Recovery in a concurrent run leaves a staging directory alone while its owner lives.
      writeFileSync(path.join(staging, OWNER), String(process.pid));
      await steps.step();
      for (const w of c.writes) {
        const file = path.join(staging, NEW, w.relative);
        makeDirectory(path.dirname(file), made);
        writeFileSync(file, w.content);
        await checkpoint(steps);
      }
      const journal: Journal = {
        id,
        commit: commitDir,
        participants: parts.map((p) => p.dir),
        writes: c.writes.map((w) => w.relative),
        deletes: [...c.deletes],
      };
      writeAtomically(path.join(staging, JOURNAL), `${JSON.stringify(journal)}\n`);
      await checkpoint(steps);
    }
    writeAtomically(path.join(commitDir, STAGING, MARKER), id);
  } catch (error) {
    for (const staging of created) removeQuietly(staging);
    throw error;
  }
  // The switch-over happened: from here on the run completes, whatever is asked.
  try {
    await steps.step();
    await rollForward(
      parts.map((p) => p.dir),
      id,
      steps,
    );
  } catch (error) {
    throw new CommittedButIncomplete(error);
  }
}

/**
 * A step before the switch-over, where a stop is honoured. The file operations are synchronous (several times faster
 * than their promise forms for many small files), so this is where the event loop gets a turn to run a signal handler.
 */
async function checkpoint(steps: Steps): Promise<void> {
  await steps.step();
  await new Promise((resolve) => setImmediate(resolve));
  if (steps.stopRequested()) throw new Stopped('stopped before the switch-over');
}

function makeDirectory(dir: string, made: Set<string>): void {
  if (made.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  made.add(dir);
}

function removeQuietly(file: string): void {
  try {
    rmSync(file, { recursive: true, force: true });
  } catch {
    // best effort: what is left is a staging directory without a marker, which the next run removes
  }
}

/** What recovery did in one directory. */
export interface Recovered {
  readonly dir: string;
  readonly outcome: 'finished' | 'rolled back';
}

/** Finishes or rolls back every interrupted transaction found in the given output directories. */
export async function recover(dirs: readonly string[], steps: Steps): Promise<Recovered[]> {
  const done: Recovered[] = [];
  for (const dir of dirs) {
    const staging = path.join(dir, STAGING);
    if (!exists(staging)) continue;
    const owner = liveOwner(staging);
    if (owner !== undefined) throw new Busy(staging, owner);
    const journal = readJournal(dir);
    if (journal && isCommitted(journal)) {
      await rollForward(journal.participants, journal.id, steps);
      done.push({ dir, outcome: 'finished' });
    } else {
      rmSync(staging, { recursive: true, force: true });
      await steps.step();
      done.push({ dir, outcome: 'rolled back' });
    }
  }
  return done;
}

/** The output directories holding an interrupted run's staging directory (what `check` reports). */
export function interrupted(dirs: readonly string[]): string[] {
  return dirs.filter((dir) => exists(path.join(dir, STAGING)));
}

/** Step 3 and 4 for every participant of a committed transaction (the ones already cleaned up are skipped). */
async function rollForward(participants: readonly string[], id: string, steps: Steps): Promise<void> {
  const journals: [string, Journal][] = [];
  for (const dir of participants) {
    const j = readJournal(dir);
    if (j && j.id === id) journals.push([dir, j]);
  }
  const made = new Set<string>();
  for (const [dir, j] of journals) {
    const staging = path.join(dir, STAGING);
    for (const rel of j.writes) {
      const staged = path.join(staging, NEW, rel);
      if (!exists(staged)) continue; // moved before the interruption
      const target = path.join(dir, rel);
      makeDirectory(path.dirname(target), made);
      renameSync(staged, target);
      await steps.step();
    }
    for (const rel of j.deletes) {
      rmSync(path.join(dir, rel), { force: true });
      await steps.step();
    }
  }
  // Every directory is applied before any marker or journal goes (see the comment at the top).
  for (const [dir] of journals) {
    unlinkSync(path.join(dir, STAGING, JOURNAL));
    await steps.step();
    rmSync(path.join(dir, STAGING), { recursive: true, force: true });
    await steps.step();
  }
}

function readJournal(dir: string): Journal | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path.join(dir, STAGING, JOURNAL), 'utf8'));
  } catch {
    return undefined;
  }
  return isJournal(parsed) ? parsed : undefined;
}

/** A journal names only paths inside its own directory: a damaged or planted one cannot move files elsewhere. */
function isJournal(j: unknown): j is Journal {
  const v = j as Partial<Journal> | null;
  const safe = (p: unknown) =>
    typeof p === 'string' && p !== '' && !path.isAbsolute(p) && !p.split(/[\\/]/).some((s) => s === '..' || s === '');
  return (
    typeof v?.id === 'string' &&
    typeof v.commit === 'string' &&
    path.isAbsolute(v.commit) &&
    Array.isArray(v.participants) &&
    v.participants.every((p) => typeof p === 'string' && path.isAbsolute(p)) &&
    Array.isArray(v.writes) &&
    v.writes.every(safe) &&
    Array.isArray(v.deletes) &&
    v.deletes.every(safe)
  );
}

/** The pid recorded in a staging directory, when that process is alive and is not this one. */
function liveOwner(staging: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(path.join(staging, OWNER), 'utf8'));
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return pid;
  } catch (error) {
    // EPERM: it exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : undefined;
  }
}

function isCommitted(j: Journal): boolean {
  try {
    return readFileSync(path.join(j.commit, STAGING, MARKER), 'utf8') === j.id;
  } catch {
    return false;
  }
}

/** A temporary name, then a rename: the file is either absent or complete. */
function writeAtomically(file: string, content: string): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, content);
  renameSync(temp, file);
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

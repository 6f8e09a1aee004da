import { closeSync, constants, type Dirent, openSync, readdirSync, readSync } from 'node:fs';
import path from 'node:path';
import { parseHeader } from './header.js';
import { type Plan, toPosix } from './plan.js';

/**
 * The generated files a run may delete. A file is an orphan of the run only when all of these hold:
 * - the run covers its target whole (`owned`: the configured inputs and output directory, not a subset, not `-o`
 *   elsewhere);
 * - it lies in that target's output directory, and not deeper in another configured target's output directory;
 * - it is a regular `.yaml`/`.yml` file whose first two lines are exactly our header (header.ts);
 * - the input its header names lies within the target's inputs, so this run has read everything that could produce
 *   it;
 * - and the run does not write it: its input no longer exists, is no longer a module of the target, or no longer
 *   exports that value under that path.
 * Anything else (a hand-written file, another target's output, a symbolic link, a file we cannot read) is left alone.
 * Also orphans: the temporary files (`.x.yaml.argo-gen-<pid>.tmp`) that versions before the staging directory left
 * beside their outputs when interrupted; their name is theirs alone.
 */
export function findOrphans(plan: Plan, root: string, configuredOuts: readonly string[]): OwnedScan {
  const planned = new Set(plan.files.map((f) => path.join(f.outDir, f.relative)));
  const orphans = new Map<string, { outDir: string; relative: string }>();
  const foreign: Foreign[] = [];
  for (const target of plan.targets.filter((t) => t.owned)) {
    const outDir = path.resolve(root, target.out);
    const deeper = new Set(
      configuredOuts.map((o) => path.resolve(root, o)).filter((o) => o.startsWith(`${outDir}${path.sep}`)),
    );
    const inputs = target.inputs.map((i) => toPosix(path.relative(root, path.resolve(root, i))));
    for (const file of yamlFilesIn(outDir, deeper)) {
      if (planned.has(file) || orphans.has(file)) continue;
      if (LEGACY_TEMP.test(path.basename(file))) {
        orphans.set(file, { outDir, relative: toPosix(path.relative(outDir, file)) });
        continue;
      }
      const header = parseHeader(firstBytes(file));
      if (!header) continue;
      if (!inputs.some((i) => within(header.source, i))) {
        foreign.push({ outDir, relative: toPosix(path.relative(outDir, file)), source: header.source });
        continue;
      }
      orphans.set(file, { outDir, relative: toPosix(path.relative(outDir, file)) });
    }
  }
  const byPath = (a: { outDir: string; relative: string }, b: { outDir: string; relative: string }) =>
    path.join(a.outDir, a.relative) < path.join(b.outDir, b.relative) ? -1 : 1;
  return { orphans: [...orphans.values()].sort(byPath), foreign: foreign.sort(byPath) };
}

/**
 * A file in a target's output directory with our header, generated from a source outside that target's inputs (a
 * fixture or scratch module given on the command line with `-o`). No run of the target produces it or may delete
 * it, so `check` names it: left there, it would sit in review unguarded.
 */
export interface Foreign {
  readonly outDir: string;
  readonly relative: string;
  readonly source: string;
}

export interface OwnedScan {
  readonly orphans: readonly { outDir: string; relative: string }[];
  readonly foreign: readonly Foreign[];
}

const LEGACY_TEMP = /^\..+\.ya?ml\.argo-gen-\d+\.tmp$/;

function within(source: string, input: string): boolean {
  return input === '' || source === input || source.startsWith(`${input}/`);
}

/** Regular YAML files (and legacy temporary files) below `dir`, skipping dot directories, node_modules and the given directories. */
function yamlFilesIn(dir: string, skip: ReadonlySet<string>): string[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // missing or unreadable: nothing here can be shown to be ours
  }
  return entries.flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isFile() && LEGACY_TEMP.test(e.name)) return [full];
    if (e.name.startsWith('.') || e.name === 'node_modules') return [];
    if (e.isDirectory()) return skip.has(full) ? [] : yamlFilesIn(full, skip);
    // Dirent types come from lstat: a symbolic link, FIFO or device is never opened.
    return e.isFile() && /\.ya?ml$/.test(e.name) ? [full] : [];
  });
}

/** Enough of a file for its header, without reading a large file whole. */
function firstBytes(file: string): string {
  let fd: number | undefined;
  try {
    // Non-blocking and not following links, in case the file was swapped for a FIFO or link since the listing.
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const buffer = Buffer.alloc(4096);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8');
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

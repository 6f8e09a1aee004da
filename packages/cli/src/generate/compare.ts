import { lstatSync, readFileSync, type Stats, statSync } from 'node:fs';
import path from 'node:path';
import { type Issue, issue } from '@argo-gen/model';
import { findOrphans } from './ownership.js';
import { displayPath, type Plan, type PlannedFile } from './plan.js';

/** A generated file a run removes: no input of the target that owns it produces it any more. */
export interface Orphan {
  readonly outDir: string;
  readonly relative: string;
  /** As printed: relative to the working directory, absolute outside it. */
  readonly path: string;
}

export interface Differences {
  readonly stale: readonly string[];
  readonly missing: readonly string[];
  /** Generated files the run owns (ownership.ts) that no input produces any more. */
  readonly extra: readonly Orphan[];
  /** Generated files in an owned output directory whose source is not an input of its target (`check` fails). */
  readonly foreign: readonly (Orphan & { readonly source: string })[];
  /** Planned files whose content differs from the disk (stale or missing). */
  readonly changed: readonly PlannedFile[];
  /** Output paths that cannot be written: a symbolic link, FIFO or directory in the way, `-o` naming a file. */
  readonly blocked: readonly Issue[];
}

/**
 * What `generate` would change on disk, and what `check` reports. Reads only regular files: a FIFO or a dangling
 * symbolic link where an output goes is reported (blocked), never opened.
 */
export function compare(plan: Plan, root: string, configuredOuts: readonly string[]): Differences {
  const stale: string[] = [];
  const missing: string[] = [];
  const changed: PlannedFile[] = [];
  const blocked: Issue[] = [];
  const badDirs = new Set<string>();
  for (const outDir of new Set(plan.files.map((f) => f.outDir))) {
    const problem = outDirProblem(outDir);
    if (problem) {
      badDirs.add(outDir);
      blocked.push(issue('generate/output-not-directory', '', problem, { source: at(displayPath(root, outDir)) }));
    }
  }
  for (const f of plan.files) {
    if (badDirs.has(f.outDir)) continue;
    const state = fileState(f);
    if (state === 'missing') {
      missing.push(f.path);
      changed.push(f);
    } else if (typeof state === 'object') blocked.push({ ...state, source: at(f.path) });
    else if (state !== f.content) {
      stale.push(f.path);
      changed.push(f);
    }
  }
  const scan = findOrphans(plan, root, configuredOuts);
  const shown = <T extends { outDir: string; relative: string }>(o: T) => ({
    ...o,
    path: displayPath(root, path.join(o.outDir, o.relative)),
  });
  return { stale, missing, extra: scan.orphans.map(shown), foreign: scan.foreign.map(shown), changed, blocked };
}

function at(file: string) {
  return { file, line: 0, column: 0 };
}

function outDirProblem(outDir: string): string | undefined {
  let stats: Stats;
  try {
    stats = statSync(outDir);
  } catch (error) {
    // A missing directory is created (with its missing parents).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return `cannot use the output directory: ${errorText(error)}`;
  }
  return stats.isDirectory() ? undefined : `the output directory is ${kindOf(stats)}, not a directory`;
}

/**
 * The current content of a planned output, `missing`, or why it cannot be replaced. Every directory between the
 * output directory and the file must be a real directory (a symbolic link there could lead outside it), and the
 * file itself a regular file or absent.
 */
function fileState(f: PlannedFile): string | 'missing' | Issue {
  const parts = f.relative.split('/');
  let current = f.outDir;
  for (const [i, part] of parts.entries()) {
    current = path.join(current, part);
    let stats: Stats;
    try {
      stats = lstatSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return 'missing';
      return issue('generate/unreadable-output', '', `cannot inspect: ${errorText(error)}`);
    }
    const last = i === parts.length - 1;
    if (last ? !stats.isFile() : !stats.isDirectory()) {
      const what = last ? 'the output' : `${parts.slice(0, i + 1).join('/')} in its path`;
      return issue(
        'generate/output-not-file',
        '',
        `${what} is ${kindOf(stats)}; argo-gen writes only regular files in real directories (remove it)`,
      );
    }
  }
  try {
    return readFileSync(current, 'utf8');
  } catch (error) {
    return issue('generate/unreadable-output', '', `cannot read: ${errorText(error)}`);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'a symbolic link';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isDirectory()) return 'a directory';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  return 'a file';
}

/** An errno message without the absolute paths Node appends (the issue already names the file). */
export function errorText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const known: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on device',
    ENOTDIR: 'a parent is not a directory',
    EEXIST: 'already exists',
    EISDIR: 'is a directory',
    ENOENT: 'no such file or directory',
    EXDEV: 'not on the same file system as the output directory',
  };
  return e.code && known[e.code] ? `${known[e.code]} (${e.code})` : String(e.message ?? e).slice(0, 200);
}

import { type Dirent, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Issue, issue, quote } from '@argo-gen/model';
import type Picomatch from 'picomatch';
import { reasonOf, refusal } from './input-file.js';

export interface ExpandedInputs {
  readonly files: readonly string[];
  readonly problems: readonly Issue[];
}

const MAGIC = /[*?[{]/;

/**
 * Files, directories (searched recursively) and quoted globs (`'examples/**\/*.yaml'`) into a sorted list of files
 * with one of the given extensions. Every argument that yields nothing is a problem, never silently ignored.
 *
 * Symbolic links are followed, to files and to directories (each real directory is searched once, so a link cycle
 * ends). What cannot be an input is a problem naming it, found before anything is read: a directory that cannot be
 * read, a link to nothing, and a FIFO, device or file above the size limit (input-file.ts) with a wanted extension.
 */
export function expandInputs(args: readonly string[], cwd: string, extensions: readonly string[]): ExpandedInputs {
  const files = new Set<string>();
  const problems: Issue[] = [];
  const wanted = (f: string) => extensions.some((e) => f.endsWith(e));
  const at = (file: string) => ({ source: { file, line: 0, column: 0 } });
  for (const arg of args) {
    // A name that exists is that file or directory, even with glob characters in it (`deploy[v2].yaml`, `{app}/`):
    // the shell has already expanded what the user meant as a glob.
    const glob = MAGIC.test(arg) && !exists(path.resolve(cwd, arg));
    const found = glob ? expandGlob(arg, cwd) : expandPath(arg, cwd, wanted);
    if ('missing' in found) {
      problems.push(issue(found.code, '', found.missing, at(arg)));
      continue;
    }
    problems.push(...found.problems);
    const matching = glob ? found.files.filter(wanted) : found.files;
    if (matching.length === 0 && found.problems.length === 0) {
      const what = glob ? 'matches no' : 'contains no';
      problems.push(issue('input/empty', '', `${what} ${extensions.join('/')} files`, at(arg)));
    }
    for (const f of matching) {
      const refused = refusalOf(path.resolve(cwd, f), f);
      if (refused) problems.push(refused);
      else files.add(f);
    }
  }
  return { files: [...files].sort(), problems };
}

function exists(absolute: string): boolean {
  try {
    lstatSync(absolute);
    return true;
  } catch {
    return false;
  }
}

/** The stat check of input-file.ts for a file found here; a failing stat is the file's problem too. */
function refusalOf(absolute: string, file: string): Issue | undefined {
  try {
    return refusal(statSync(absolute), file);
  } catch (error) {
    return issue('input/unreadable', '', `cannot read: ${reasonOf(error)}`, { source: { file, line: 0, column: 0 } });
  }
}

interface Walked {
  readonly files: string[];
  readonly problems: Issue[];
}

/** Why an argument yields nothing at all: `input/not-found`, or `input/unreadable` when it exists but cannot be read. */
interface Missing {
  readonly code: 'input/not-found' | 'input/unreadable';
  readonly missing: string;
}

function expandPath(arg: string, cwd: string, wanted: (f: string) => boolean): Walked | Missing {
  const absolute = path.resolve(cwd, arg);
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = isLink(absolute) ? `is a symbolic link to nothing (${reasonOf(error)})` : reasonOf(error);
    return { code: code === 'ENOENT' || code === 'ENOTDIR' ? 'input/not-found' : 'input/unreadable', missing };
  }
  if (!stats.isDirectory()) return { files: [arg], problems: [] }; // an explicit file is read whatever its extension
  const walked = walk(absolute, (f) => path.join(arg, path.relative(absolute, f)), wanted);
  return { files: walked.files.filter(wanted), problems: walked.problems };
}

function expandGlob(pattern: string, cwd: string): Walked | Missing {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((s) => MAGIC.test(s));
  const base = segments.slice(0, firstMagic).join('/') || '.';
  // picomatch: `**` spans directories, `*` and `?` stay within one, `[...]` and `{a,b}` as in the shell; dot files
  // match only when named, as a shell glob's do.
  // Required here, not imported: picomatch (CommonJS, five modules, ~5 ms to load) is needed only when a glob is
  // expanded, and most runs name files and directories.
  const isMatch = (createRequire(import.meta.url)('picomatch') as typeof Picomatch)(pattern);
  const absolute = path.resolve(cwd, base);
  const missing: Missing = { code: 'input/not-found', missing: `no such directory ${quote(base)}` };
  try {
    if (!statSync(absolute).isDirectory()) return missing;
  } catch {
    return missing;
  }
  const shown = (f: string) => toPosix(path.join(base, path.relative(absolute, f)));
  const matches = (f: string) => isMatch(f) || isMatch(`./${f}`);
  const walked = walk(absolute, shown, matches);
  return { files: walked.files.filter(matches), problems: walked.problems };
}

/**
 * Every file below `root` (absolute paths), following symbolic links. `shown` names a path for messages;
 * `wanted` (on the shown name) decides whether a link to nothing or an entry that is not a regular file is worth a
 * problem (a dangling `notes.txt` link is not; a dangling `deploy.yaml` link is) or is passed on to be refused by name.
 */
function walk(root: string, shown: (absolute: string) => string, wanted: (shownName: string) => boolean): Walked {
  const out: Walked = { files: [], problems: [] };
  const seen = new Set<string>();
  const at = (full: string) => ({ source: { file: shown(full), line: 0, column: 0 } });
  const visit = (dir: string) => {
    let real: string;
    let entries: Dirent[];
    try {
      real = realpathSync(dir);
      if (seen.has(real)) return; // a link back to a directory already searched
      seen.add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      out.problems.push(issue('input/unreadable', '', `cannot read directory: ${reasonOf(error)}`, at(dir)));
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      let kind: 'dir' | 'file' | 'other' = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : 'other';
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(full);
          kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : 'other';
        } catch (error) {
          if (wanted(shown(full)))
            out.problems.push(
              issue('input/dangling-link', '', `is a symbolic link to nothing (${reasonOf(error)})`, at(full)),
            );
          continue;
        }
      }
      if (kind === 'dir') visit(full);
      // A FIFO or device with a wanted name is passed on, to be refused by name rather than skipped in silence.
      else if (kind === 'file' || wanted(shown(full))) out.files.push(full);
    }
  };
  visit(root);
  return { files: out.files.map(shown), problems: out.problems };
}

function isLink(absolute: string): boolean {
  try {
    return lstatSync(absolute).isSymbolicLink();
  } catch {
    return false;
  }
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

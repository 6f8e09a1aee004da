import {
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { importedFrom } from '@argo-gen/import';
import { type Issue, issue } from '@argo-gen/model';
import { reasonOf } from '../input-file.js';

/** One imported module, ready to be written. */
export interface ImportedFile {
  /** The YAML file, as given. */
  readonly file: string;
  readonly text: string;
}

export interface PlacedFile extends ImportedFile {
  /** The .ts file it is written to (absolute). */
  readonly target: string;
}

/**
 * Where each imported module goes in `out` (`<out>/<yaml name>.ts`), refusing what would overwrite something
 * silently: two inputs that map to the same file (both refused, naming each other), and an existing file that
 * `argo-gen import` did not write from this same input (unless `force`). A target that is not a regular file (a
 * directory, a link, a FIFO) is refused even with `force`. Nothing is written here.
 */
export function placeOutputs(
  files: readonly ImportedFile[],
  out: string,
  cwd: string,
  force: boolean,
): { placed: PlacedFile[]; refused: Issue[] } {
  const outDir = path.resolve(cwd, out);
  const shown = (target: string) => path.relative(cwd, target).split(path.sep).join('/') || '.';
  const refuse = (code: string, file: string, message: string) =>
    issue(code, '', message, { source: { file, line: 0, column: 0 } });
  const outKind = kindOf(outDir);
  if (outKind !== undefined && outKind !== 'directory')
    return {
      placed: [],
      refused: [
        refuse('import/out-not-a-directory', out, `-o must name a directory, but this is ${described(outKind)}`),
      ],
    };
  const byTarget = new Map<string, ImportedFile[]>();
  for (const f of files) {
    const target = path.join(outDir, `${path.basename(f.file).replace(/\.ya?ml$/i, '')}.ts`);
    byTarget.set(target, [...(byTarget.get(target) ?? []), f]);
  }
  const placed: PlacedFile[] = [];
  const refused: Issue[] = [];
  for (const [target, group] of byTarget) {
    if (group.length > 1) {
      for (const f of group) {
        const others = group.filter((g) => g !== f).map((g) => g.file);
        refused.push(
          refuse(
            'import/same-output',
            f.file,
            `would be written to ${shown(target)}, as would ${others.join(', ')}; nothing was written for either: import them into different directories or rename one`,
          ),
        );
      }
      continue;
    }
    const f = group[0] as ImportedFile;
    const why = overwriteProblem(target, f.file, cwd, force);
    if (why) refused.push(refuse(why.code, f.file, `would overwrite ${shown(target)}, ${why.reason}`));
    else placed.push({ ...f, target });
  }
  return { placed, refused };
}

/** Why writing `target` for `file` would overwrite something it should not; undefined when it may be written. */
function overwriteProblem(
  target: string,
  file: string,
  cwd: string,
  force: boolean,
): { code: string; reason: string } | undefined {
  const kind = kindOf(target);
  if (kind === undefined) return undefined;
  if (kind !== 'file') return { code: 'import/not-a-file', reason: `which is ${described(kind)}, not a regular file` };
  const source = importedFrom(firstLine(target));
  if (source !== undefined && path.resolve(cwd, source) === path.resolve(cwd, file)) return undefined;
  if (force) return undefined;
  const what =
    source === undefined
      ? 'which `argo-gen import` did not write'
      : `which \`argo-gen import\` wrote from another file, ${source}`;
  return { code: 'import/would-overwrite', reason: `${what}; pass --force to overwrite it` };
}

/** What is at `p`, following a link only to a directory (a link in place of an output file is not written through). */
function kindOf(p: string): 'file' | 'directory' | string | undefined {
  let stats: ReturnType<typeof lstatSync>;
  try {
    stats = lstatSync(p);
  } catch {
    return undefined;
  }
  if (stats.isSymbolicLink()) {
    try {
      return statSync(p).isDirectory() ? 'directory' : 'a symbolic link';
    } catch {
      return 'a symbolic link to nothing';
    }
  }
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'directory';
  return stats.isFIFO() ? 'a FIFO (named pipe)' : 'not a regular file';
}

const described = (kind: string) => (kind === 'file' ? 'a regular file' : kind === 'directory' ? 'a directory' : kind);

/** The first line of a (regular) file, reading at most a few hundred bytes of it. */
function firstLine(file: string): string {
  const buffer = Buffer.alloc(512);
  const fd = openSync(file, 'r');
  try {
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, n).toString('utf8').split('\n')[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes each module through a temporary file in the same directory and a rename, so that a file is either its old
 * or its new content. A file that cannot be written is one issue naming it (its input).
 */
export function writeOutputs(placed: readonly PlacedFile[], out: string, cwd: string): Issue[] {
  const at = (file: string) => ({ source: { file, line: 0, column: 0 } });
  if (placed.length === 0) return [];
  try {
    mkdirSync(path.resolve(cwd, out), { recursive: true });
  } catch (error) {
    return [issue('import/cannot-write', '', `cannot create the output directory: ${reasonOf(error)}`, at(out))];
  }
  const problems: Issue[] = [];
  for (const p of placed) {
    const temp = `${p.target}.${process.pid}.tmp`;
    try {
      rmSync(temp, { force: true }); // left by an interrupted run of a process with the same id
      writeFileSync(temp, p.text, { flag: 'wx' });
      renameSync(temp, p.target);
    } catch (error) {
      rmSync(temp, { force: true });
      const shown = path.relative(cwd, p.target).split(path.sep).join('/');
      problems.push(issue('import/cannot-write', '', `cannot write ${shown}: ${reasonOf(error)}`, at(p.file)));
    }
  }
  return problems;
}

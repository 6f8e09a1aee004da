import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Issue, issue } from '@argo-gen/model';

export interface ExpandedInputs {
  readonly files: readonly string[];
  readonly problems: readonly Issue[];
}

const MAGIC = /[*?[]/;

/**
 * Files, directories (searched recursively) and quoted globs (`'examples/**\/*.yaml'`) into a sorted list of files
 * with one of the given extensions. Every argument that yields nothing is a problem, never silently ignored.
 */
export function expandInputs(args: readonly string[], cwd: string, extensions: readonly string[]): ExpandedInputs {
  const files = new Set<string>();
  const problems: Issue[] = [];
  const wanted = (f: string) => extensions.some((e) => f.endsWith(e));
  for (const arg of args) {
    const found = MAGIC.test(arg) ? expandGlob(arg, cwd) : expandPath(arg, cwd, wanted);
    if (typeof found === 'string') {
      problems.push(issue('input/not-found', '', found, { source: { file: arg, line: 0, column: 0 } }));
      continue;
    }
    const matching = MAGIC.test(arg) ? found.filter(wanted) : found;
    if (matching.length === 0) {
      const what = MAGIC.test(arg) ? 'matches no' : 'contains no';
      problems.push(
        issue('input/empty', '', `${what} ${extensions.join('/')} files`, {
          source: { file: arg, line: 0, column: 0 },
        }),
      );
    }
    for (const f of matching) files.add(f);
  }
  return { files: [...files].sort(), problems };
}

function expandPath(arg: string, cwd: string, wanted: (f: string) => boolean): string[] | string {
  let stats: ReturnType<typeof statSync>;
  try {
    stats = statSync(path.resolve(cwd, arg));
  } catch {
    return 'no such file or directory';
  }
  if (!stats.isDirectory()) return [arg]; // an explicit file is read whatever its extension
  return walk(path.resolve(cwd, arg))
    .filter(wanted)
    .map((f) => path.join(arg, path.relative(path.resolve(cwd, arg), f)));
}

function expandGlob(pattern: string, cwd: string): string[] | string {
  const segments = pattern.split('/');
  const firstMagic = segments.findIndex((s) => MAGIC.test(s));
  const base = segments.slice(0, firstMagic).join('/') || '.';
  const regex = globToRegExp(pattern);
  let all: string[];
  try {
    all = walk(path.resolve(cwd, base));
  } catch {
    return `no such directory '${base}'`;
  }
  return all
    .map((f) => toPosix(path.join(base, path.relative(path.resolve(cwd, base), f))))
    .filter((f) => regex.test(f) || regex.test(`./${f}`));
}

/** `**` spans directories, `*` and `?` stay within one, `[...]` is a character class. */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      out += end === -1 ? '\\[' : pattern.slice(i, end + 1);
      i = end === -1 ? i : end;
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out.sort();
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

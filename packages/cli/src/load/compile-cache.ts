import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A cache of compiled TypeScript, so that a run whose modules have not changed since the last one neither loads nor
 * starts esbuild (~0.1 s of a ~0.4 s `argo-gen generate`).
 *
 * One entry per set of entry points (`<root>/<key>.json`, key = hash of the entry paths and the compiler's options),
 * naming its build directory and the sha256 of every local file that went into it (esbuild's metafile inputs). An
 * entry is used only when every one of those files still has that content; otherwise the modules are compiled again
 * into a fresh directory and the entry is replaced by an atomic rename, so concurrent runs never read a half-written
 * build. Package imports are external to the build, so changes in node_modules need no invalidation.
 *
 * Entries not used for a week are removed, and at most MAX_ENTRIES are kept (test suites compile many scratch sets);
 * pruning runs after a compile, at most once an hour, so that a run does not usually pay for deleting files.
 */
const MAX_ENTRIES = 200;
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;
/** Pruning deletes files (tens of ms with many builds): at most once in this long, recorded by a stamp file. */
const PRUNE_EVERY_MS = 3600 * 1000;
/** The file, in the cache's root, whose mtime is the last pruning. */
const PRUNED_STAMP = 'pruned';

export interface CompiledSet {
  /** Entry point (absolute source path) → compiled module (absolute path). */
  readonly outputs: Readonly<Record<string, string>>;
}

interface Manifest extends CompiledSet {
  readonly dir: string;
  /** Local input file (absolute) → sha256 of its content when compiled. */
  readonly inputs: Readonly<Record<string, string>>;
}

export interface BuildResult extends CompiledSet {
  /**
   * Every local file the build read (absolute), with the sha256 of the content it compiled: hashed as read, not
   * afterwards, so that a file saved while the build ran cannot be recorded with text the build never saw.
   */
  readonly inputs: Readonly<Record<string, string>>;
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function fileHash(file: string): string | undefined {
  try {
    return sha256(readFileSync(file));
  } catch {
    return undefined;
  }
}

function readManifest(file: string): Manifest | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The entry's build, when every input still has the content it was compiled from. */
function fresh(manifest: Manifest | undefined): Manifest | undefined {
  if (!manifest || typeof manifest.inputs !== 'object' || typeof manifest.outputs !== 'object') return undefined;
  for (const [file, hash] of Object.entries(manifest.inputs)) if (fileHash(file) !== hash) return undefined;
  for (const output of Object.values(manifest.outputs)) {
    try {
      statSync(output);
    } catch {
      return undefined;
    }
  }
  return manifest;
}

/**
 * The compiled modules of `entries`: from the cache under `root` when fresh, else from `build(outdir)`, which must
 * write into the (new, empty) `outdir` it is given. With `reuse: false` it always compiles (and records the build).
 */
export async function cachedBuild(
  root: string,
  entries: readonly string[],
  options: unknown,
  build: (outdir: string) => Promise<BuildResult>,
  { reuse = true }: { readonly reuse?: boolean } = {},
): Promise<CompiledSet> {
  const key = sha256(JSON.stringify({ entries: [...entries].sort(), options })).slice(0, 32);
  const manifestFile = path.join(root, `${key}.json`);
  const hit = reuse ? fresh(readManifest(manifestFile)) : undefined;
  if (hit) {
    // Last use, for pruning: a build used in the last minute may be being imported by a run, even if superseded.
    touch(manifestFile);
    touch(hit.dir);
    return hit;
  }
  mkdirSync(root, { recursive: true });
  const dir = path.join(root, `build-${key.slice(0, 8)}-${randomBytes(6).toString('hex')}`);
  let result: BuildResult;
  try {
    result = await build(dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const { inputs } = result;
  const temp = `${manifestFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ dir, inputs, outputs: result.outputs } satisfies Manifest)}\n`);
  renameSync(temp, manifestFile);
  if (Date.now() - mtimeOf(path.join(root, PRUNED_STAMP)) >= PRUNE_EVERY_MS) {
    writeFileSync(path.join(root, PRUNED_STAMP), '');
    prune(root);
  }
  return { outputs: result.outputs };
}

function touch(file: string): void {
  const now = new Date();
  try {
    utimesSync(file, now, now);
  } catch {
    // a read-only cache still serves
  }
}

/**
 * Removes entries unused for MAX_AGE_MS or beyond MAX_ENTRIES (least recently used first), and the builds no entry
 * names once they have not been used for a minute (a run that read the entry they were replaced from may still be
 * importing them; one being written has no entry yet).
 */
function prune(root: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  const now = Date.now();
  const entries = names
    .filter((n) => n.endsWith('.json'))
    .map((n) => {
      const file = path.join(root, n);
      return { file, mtime: mtimeOf(file) };
    })
    .sort((a, b) => b.mtime - a.mtime);
  const kept = new Set<string>();
  entries.forEach((e, i) => {
    const manifest = readManifest(e.file);
    if (i < MAX_ENTRIES && now - e.mtime < MAX_AGE_MS && manifest?.dir) kept.add(path.resolve(manifest.dir));
    else rmSync(e.file, { force: true });
  });
  for (const n of names) {
    const full = path.join(root, n);
    if (!n.startsWith('build-') || kept.has(full) || now - mtimeOf(full) < 60_000) continue;
    rmSync(full, { recursive: true, force: true });
  }
}

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

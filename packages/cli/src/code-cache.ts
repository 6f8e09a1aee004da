import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { recordBodyDigest } from './body-digests.js';
import { pruneEntries, writeEntry } from './cache-entries.js';

/**
 * A cache of the code V8 compiles for argo-gen's own bundles, so that a run does not parse and compile again what the
 * last run of the same command compiled (the role of Node 22's `module.enableCompileCache()`, which Node 20 lacks).
 *
 * What is cached: the CommonJS bodies that scripts/bundle.mjs writes (the model, the DSL, the step library and the
 * CLI), recognised by their first line. Each is compiled as Node would compile it, as a `vm.Script` of the module
 * wrapper, given the code V8 serialised at the end of an earlier run: every function that run called, not only the
 * top level, which is where most of a cold run's compile time goes. A cache entry is keyed by the body's content
 * (sha256), the command (what a run calls depends on it), and Node's version, architecture and flags (the directory
 * main.ts names: V8 refuses code compiled under other flags, so runs under alternating flags would each replace the
 * other's entries). An entry carries the
 * sha256 of its data, checked before V8 sees it: V8 refuses data from another V8 or other flags
 * (`cachedDataRejected`), but checks only the header of what it reads, and a damaged payload (a bad disk block, a
 * copy cut short) crashed the process. Whatever fails either check is compiled afresh and its entry replaced. Entries
 * are written when the process exits, atomically (a temporary file, then a rename), only for bodies compiled without
 * one, and never fail a run: a directory that cannot be written leaves the run uncached. The directory is trusted
 * like node_modules (code is run from it): `ARGO_GEN_CODE_CACHE` must name one that only its user can write.
 *
 * Not cached: every other module (the user's templates are ES modules, which Node compiles itself on every run; only
 * esbuild's output for them is cached, by load/compile-cache.ts), and any run with source maps on
 * (`--enable-source-maps`), whose stack traces need Node's own compile path.
 */
const BODY_MARK = '// argo-gen body: compiled code cacheable';
/** Entries kept in the directory: a few commands' worth for the current bodies and the ones just replaced. */
const MAX_ENTRIES = 48;
const ENTRY = /\.v8$/;
const DIGEST_BYTES = 32;
const digestOf = (data: Uint8Array) => createHash('sha256').update(data).digest();

/** The part of `module.Module` that compiles a module's text (Node's internal API, stable since Node 0.x). */
interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

/** Caches the bodies' compiled code in `dir`, under `label` (the command, or `other`: see main.ts). */
export function enableCodeCache(dir: string, label: string): void {
  // Module.prototype has no public type for _compile; this is the one place that patches it.
  const proto = Module.prototype as unknown as CompilingModule;
  const original = proto._compile;
  const unsaved: { file: string; script: vm.Script }[] = [];
  proto._compile = function compile(content, filename, ...rest) {
    if (!content.startsWith(BODY_MARK)) return original.call(this, content, filename, ...rest);
    const digest = createHash('sha256').update(content).digest('hex');
    recordBodyDigest(filename, digest);
    const file = path.join(dir, `${label}-${digest.slice(0, 40)}.v8`);
    const cachedData = readCached(file);
    const script = new vm.Script(Module.wrap(content), { filename, ...(cachedData ? { cachedData } : {}) });
    if (cachedData === undefined || script.cachedDataRejected) unsaved.push({ file, script });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, path.dirname(filename));
  };
  process.once('exit', () => {
    if (unsaved.length > 0) save(dir, unsaved);
  });
}

/** An entry's data, if it is there and whole (its digest matches); undefined otherwise. */
function readCached(file: string): Buffer | undefined {
  let entry: Buffer;
  try {
    entry = readFileSync(file);
  } catch {
    return undefined;
  }
  const data = entry.subarray(DIGEST_BYTES);
  return entry.length > DIGEST_BYTES && digestOf(data).equals(entry.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

function save(dir: string, entries: readonly { file: string; script: vm.Script }[]): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch {
    return; // a cache that cannot be written only makes the next run compile again
  }
  for (const { file, script } of entries) {
    const data = script.createCachedData();
    writeEntry(file, Buffer.concat([digestOf(data), data]));
  }
  // The least recently written entries beyond MAX_ENTRIES: bodies of earlier builds or versions.
  pruneEntries(dir, (name) => ENTRY.test(name), MAX_ENTRIES);
}

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The sha256 of argo-gen's bundles as this process loaded them. The code cache (code-cache.ts, in the bin's module)
 * hashes every body it compiles anyway; the CLI's body, a separate bundle, reads the digests here to know which code
 * it runs (the lint cache's key), through one process-wide symbol instead of hashing ~1 MB again.
 */
const DIGESTS = Symbol.for('argo-gen.body-digests');

function digests(): Map<string, string> {
  const holder = globalThis as { [DIGESTS]?: Map<string, string> };
  holder[DIGESTS] ??= new Map();
  return holder[DIGESTS];
}

export function recordBodyDigest(file: string, sha256: string): void {
  digests().set(file, sha256);
}

/** The sha256 of a body's text: as the code cache recorded it, else read now (the code cache is off). */
export function bodyDigest(file: string): string {
  return digests().get(file) ?? createHash('sha256').update(readFileSync(file, 'utf8')).digest('hex');
}

import { spawnSync } from 'node:child_process';
import { isArgoGenError } from '@argo-gen/model';
import { readDocuments } from '../../packages/cli/src/yaml/read-documents.js';
import { buildGoTool } from '../go-tools.js';

/** One piece of a file as the Go oracle reads it: JSON text on success, go-yaml's or sigs.k8s.io/yaml's error. */
interface OracleChunk {
  readonly offset: number;
  readonly json?: unknown;
  readonly error?: string;
}

/** A file's reading, on either side: the document values, or a refusal. */
export type Reading = { readonly values: readonly unknown[] } | { readonly refused: string };

/** Builds the oracle (cached outside git) and returns its path; a missing Go fails, never skips. */
export function buildYamlOracle(): string {
  return buildGoTool('the YAML oracle', 'test/yaml-oracle/build.sh');
}

/**
 * Argo's reading of each text. A piece whose JSON is `null` (an empty or `~` document) is no object for Argo, which
 * skips it; the comparison leaves those out on both sides.
 */
export function oracleReadings(bin: string, texts: readonly string[]): Reading[] {
  const r = spawnSync(bin, ['-batch'], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`yaml-oracle failed: ${r.stderr}`);
  const results = JSON.parse(r.stdout) as { chunks: OracleChunk[] }[];
  return results.map(({ chunks }) => {
    const failed = chunks.find((c) => c.error !== undefined);
    if (failed) return { refused: failed.error ?? '' };
    return { values: chunks.map((c) => c.json).filter((v) => v !== null) };
  });
}

/** Our reading of a text (or of a file's bytes), in the same shape, values through JSON as Argo's are. */
export function ourReading(input: string | Uint8Array): Reading {
  try {
    const values = readDocuments(input, 'x.yaml').map((d) => d.value);
    return { values: JSON.parse(JSON.stringify(values.filter((v) => v !== null))) as unknown[] };
  } catch (error) {
    if (!isArgoGenError(error)) throw error;
    return { refused: error.message };
  }
}

/** Both accept with equal values, or both refuse. */
export function sameReading(ours: Reading, theirs: Reading): boolean {
  if ('refused' in ours || 'refused' in theirs) return 'refused' in ours && 'refused' in theirs;
  return JSON.stringify(sortKeys(ours.values)) === JSON.stringify(sortKeys(theirs.values));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

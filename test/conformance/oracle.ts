import { spawnSync } from 'node:child_process';
import { buildGoTool } from '../go-tools.js';
import { REPO_ROOT } from '../paths.js';

/** One line of the oracle's output (docs/oracle.md). */
export interface OracleVerdict {
  readonly file: string;
  readonly index: number;
  readonly line: number;
  readonly kind: string;
  readonly name: string;
  readonly verdict: 'valid' | 'invalid' | 'skipped' | 'unparseable';
  readonly error: string;
  /** The document as JSON, as go-yaml reads it (Argo kinds only; with `objects`). */
  readonly object?: unknown;
}

/**
 * Builds the oracle for one Argo release (`v4.1.2`, `v4.0.10`, …) with test/oracle/build.sh (a cache hit takes
 * milliseconds) and returns the binary's path.
 * Throws with a clear message when it cannot be built (no Go, no network for the modules): the conformance
 * comparison must fail then, never skip.
 */
export function buildOracle(release: string): string {
  return buildGoTool(`the Argo ${release} validation oracle`, 'test/oracle/build.sh', [release]);
}

/** Runs the oracle once over all files (so templateRefs resolve across them, as `argo lint --offline` does). */
export function runOracle(
  bin: string,
  files: readonly string[],
  cwd: string = REPO_ROOT,
  objects = false,
): OracleVerdict[] {
  if (files.length === 0) return [];
  const result = spawnSync(bin, [...(objects ? ['-objects'] : []), ...files], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error || result.status !== 0)
    throw new Error(`argo-oracle failed (exit ${result.status}): ${result.error?.message ?? result.stderr}`);
  return result.stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as OracleVerdict);
}

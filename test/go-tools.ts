import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

/**
 * Builds one of the tests' Go programs with its build.sh (test/oracle, test/yaml-oracle, test/expr-oracle: each
 * caches its binary outside git, so a hit takes milliseconds) and returns the binary's path, which the script prints
 * last on stdout. A failure (no Go, no module proxy, a missing ../shared) throws, naming the program, the command
 * and the script's last lines: the tests that need the program must fail then, never skip.
 */
export function buildGoTool(what: string, script: string, args: readonly string[] = []): string {
  const r = spawnSync('bash', [path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const bin = r.stdout?.trim().split('\n').pop() ?? '';
  if (r.error || r.status !== 0 || bin === '') {
    const why = r.error?.message ?? r.stderr?.trim().split('\n').slice(-5).join('\n') ?? '';
    throw new Error(
      `cannot build ${what} (bash ${[script, ...args].join(' ')} exited ${r.status}; it needs Go and ../shared):\n${why}`,
    );
  }
  return bin;
}

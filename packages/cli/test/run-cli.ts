import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { run } from '../src/program.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The signal that ended the process (runBuiltCli only). */
  readonly signal?: NodeJS.Signals | null;
}

/** `argo-gen <args>` in-process, capturing its output (not a terminal). */
export async function runCli(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    isTTY: false,
    cwd,
    env,
  });
  return { code, stdout, stderr };
}

/**
 * `argo-gen <args>` as a whole process from the build, for what only a real process shows: source-mapped stack
 * traces (vitest replaces Node's own stack formatting in its workers, so in-process runs see compiled positions).
 * `as` runs it as another user (tests of permissions, which root would bypass).
 */
export function runBuiltCli(
  args: readonly string[],
  cwd: string,
  env: Record<string, string> = {},
  as?: { readonly uid: number; readonly gid: number },
): CliResult {
  const bin = fileURLToPath(new URL('../dist/main.cjs', import.meta.url));
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    ...as,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    // Only a guard against a hang failing the whole suite: a killed run has no status, so its test fails.
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

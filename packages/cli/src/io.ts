/** The streams a command writes to; injected so that tests can run commands in-process. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is an interactive terminal (live progress displays only then). */
  readonly isTTY: boolean;
  readonly cwd: string;
}

export const EXIT = {
  ok: 0,
  /** Something the user gave us is invalid, or an operation failed. */
  failed: 1,
  /** The command line itself was wrong. */
  usage: 2,
  timeout: 3,
} as const;

export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
  };
}

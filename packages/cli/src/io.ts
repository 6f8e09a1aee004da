/** The streams a command writes to; injected so that tests can run commands in-process. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stdout is an interactive terminal (live progress displays only then). */
  readonly isTTY: boolean;
  readonly cwd: string;
  /** The process's interrupt signals, for commands that must not stop halfway (absent in in-process tests). */
  readonly signals?: Signals;
  /** Environment variables a command reads (limits); tests pass their own or none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const EXIT = {
  ok: 0,
  /** Something the user gave us is invalid, or an operation failed. */
  failed: 1,
  /** The command line itself was wrong. */
  usage: 2,
  timeout: 3,
  /** Stopped by SIGINT (128 + 2, as a shell reports it). */
  interrupted: 130,
} as const;

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface Signals {
  /** Calls `handler` on SIGINT or SIGTERM instead of Node's default (exit at once); returns the un-listen function. */
  readonly listen: (handler: (signal: StopSignal) => void) => () => void;
  readonly exit: (code: number) => never;
  /**
   * Test hook, from `ARGO_GEN_TEST_FAULT=<SIGKILL|SIGINT>@<k>`: the process sends itself that signal right after its
   * k-th file-system step of a `generate` run, so tests can interrupt at exact points without racing a timer.
   */
  readonly fault?: { readonly signal: 'SIGKILL' | 'SIGINT'; readonly afterStep: number };
  readonly raise: (signal: 'SIGKILL' | 'SIGINT') => void;
}

export function processIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    signals: processSignals(),
    env: process.env,
  };
}

function processSignals(): Signals {
  const m = /^(SIGKILL|SIGINT)@(\d+)$/.exec(process.env.ARGO_GEN_TEST_FAULT ?? '');
  return {
    listen: (handler) => {
      const names: StopSignal[] = ['SIGINT', 'SIGTERM'];
      for (const n of names) process.on(n, handler);
      return () => {
        for (const n of names) process.off(n, handler);
      };
    },
    exit: (code) => process.exit(code),
    fault: m ? { signal: m[1] as 'SIGKILL' | 'SIGINT', afterStep: Number(m[2]) } : undefined,
    raise: (signal) => process.kill(process.pid, signal),
  };
}

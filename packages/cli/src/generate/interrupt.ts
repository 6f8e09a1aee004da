import { EXIT, type Io, type StopSignal } from '../io.js';
import type { Steps } from './transaction.js';

/**
 * SIGINT and SIGTERM during `generate`. While nothing is being written (loading, synthesising), the process stops at
 * once: nothing was written. While files are being written (recovery, a transaction), the signal is only recorded;
 * the transaction stops at its next step if it has not reached its switch-over, or finishes if it has (transaction.ts),
 * and the command then exits 130 saying which.
 */
export interface WriteGuard extends Steps {
  /** Runs `f` with signals deferred (see above). */
  readonly writing: <T>(f: () => Promise<T>) => Promise<T>;
  readonly signal: () => StopSignal | undefined;
  readonly dispose: () => void;
}

/** 130 for SIGINT, 143 for SIGTERM: what a shell reports for a process those signals ended. */
export function exitFor(signal: StopSignal | undefined): number {
  return signal === 'SIGTERM' ? 128 + 15 : EXIT.interrupted;
}

export function guardWrites(io: Io): WriteGuard {
  let received: StopSignal | undefined;
  let inWrite = false;
  let count = 0;
  const signals = io.signals;
  const unlisten = signals?.listen((s) => {
    received ??= s;
    if (inWrite) return;
    io.stderr(`argo-gen: interrupted (${s}); nothing was written\n`);
    signals.exit(exitFor(s));
  });
  return {
    writing: async (f) => {
      inWrite = true;
      try {
        return await f();
      } finally {
        inWrite = false;
      }
    },
    step: async () => {
      count++;
      const fault = signals?.fault;
      if (!fault || fault.afterStep !== count) return;
      signals.raise(fault.signal);
      // A SIGINT handler runs on a later turn of the event loop: wait for it, so the stop lands at this exact step.
      for (let turn = 0; turn < 1000 && !received; turn++) await new Promise((r) => setImmediate(r));
    },
    stopRequested: () => received !== undefined,
    signal: () => received,
    dispose: () => unlisten?.(),
  };
}

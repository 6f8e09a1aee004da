/** Capped exponential backoff: the delay before the (n+1)-th try doubles from `baseDelayMs` up to `maxDelayMs`. */
export interface BackoffPolicy {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** A source of numbers in [0, 1), as `Math.random`; injected so that tests see fixed delays. */
export type Random = () => number;

/** Waits `ms`, or less when `signal` aborts first (then it resolves: the caller checks the signal). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real clock. The timer is cleared on abort, so that nothing keeps the process alive after a give-up. */
export const sleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * The delay after `n` earlier tries (n = 0: `baseDelayMs`), jittered down by up to 20% so that clients that failed
 * together do not retry together, and never above `maxDelayMs`.
 */
export function backoffDelay(n: number, policy: BackoffPolicy, random: Random = Math.random): number {
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** n);
  return Math.round(capped * (1 - 0.2 * random()));
}

import { type BackoffPolicy, backoffDelay, type Random, type Sleep, sleep } from './backoff.js';
import { isTransient, toFailure } from './errors.js';

export interface RetryPolicy extends BackoffPolicy {
  /** Total tries, including the first. */
  readonly attempts: number;
  /** Injected so that tests do not wait. */
  readonly sleep?: Sleep;
  readonly random?: Random;
}

/** 4 tries; 250 ms before the second, doubling, at most 4 s (minus up to 20% jitter). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };

/**
 * Runs `fn`, retrying only transient failures (connection refused/reset, 429, 5xx, etcd timeouts), a bounded number
 * of times. Anything else (403, 404, 409, 422, a request that ran out of time…) is thrown at once: retrying cannot
 * fix it, or would multiply the time the caller waits. `retryable` narrows what is retried for requests that are not
 * idempotent (create): there, only failures where the request cannot have been acted on. Once `signal` aborts, no
 * further try is made.
 */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  retryable: (error: unknown) => boolean = (e) => isTransient(toFailure(e)),
  signal?: AbortSignal,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= policy.attempts || !retryable(error) || signal?.aborted) throw error;
      await (policy.sleep ?? sleep)(backoffDelay(attempt - 1, policy, policy.random), signal);
      if (signal?.aborted) throw error;
    }
  }
}

/** For create: the request never reached the server (refused) or was turned away before processing (429). */
export function retryableCreate(error: unknown): boolean {
  const f = toFailure(error);
  return f.errno === 'ECONNREFUSED' || f.status === 429;
}

import { isTransient, toFailure } from './errors.js';

export interface RetryPolicy {
  /** Total tries, including the first. */
  readonly attempts: number;
  /** Delay before the second try; doubles each time, with ±20% jitter, up to `maxDelayMs`. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Injected so that tests do not wait. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 4000 };

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn`, retrying only transient failures (connection refused/reset, 429, 5xx, etcd timeouts), a bounded number
 * of times. Anything else (403, 404, 409, 422…) is thrown at once: retrying cannot fix it.
 * `safe` narrows what is retried for requests that are not idempotent (create): there, only failures where the
 * request cannot have been acted on.
 */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  retryable: (error: unknown) => boolean = (e) => isTransient(toFailure(e)),
): Promise<T> {
  const sleep = policy.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= policy.attempts || !retryable(error)) throw error;
      const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.round(delay * (0.8 + Math.random() * 0.4)));
    }
  }
}

/** For create: the request never reached the server (refused) or was turned away before processing (429). */
export function retryableCreate(error: unknown): boolean {
  const f = toFailure(error);
  return f.errno === 'ECONNREFUSED' || f.status === 429;
}

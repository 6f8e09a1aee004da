/**
 * kubectl's `--request-timeout` default is 0 (no limit): client-go still gives up connecting after 30 s and drops a
 * dead HTTP/2 connection after its health pings fail. Node has neither, so argo-gen bounds every request by default.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Calls `fire` after `ms` unless the returned function cancels it first; injected by tests instead of the clock. */
export type StartTimer = (ms: number, fire: () => void) => () => void;

export const startTimer: StartTimer = (ms, fire) => {
  const timer = setTimeout(fire, ms);
  return () => clearTimeout(timer);
};

/** A request that got no complete answer (connection, headers and body) within the request timeout. */
export class RequestTimeoutError extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`no complete answer within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Runs one request with a deadline covering all of it: connecting, the response headers and the whole body. `fn`
 * receives the signal to hand to the HTTP client, which aborts it (closing the socket) when the deadline passes or
 * when `outer` aborts. The returned promise settles then at the latest, whatever the HTTP client does with the
 * signal. `timeoutMs` 0 means no deadline, as kubectl's `--request-timeout=0`.
 */
export function withDeadline<T>(
  timeoutMs: number,
  outer: AbortSignal | undefined,
  fn: (signal: AbortSignal) => Promise<T>,
  timer: StartTimer = startTimer,
): Promise<T> {
  const controller = new AbortController();
  let cancel: (() => void) | undefined;
  let onOuter: (() => void) | undefined;
  const stopped = new Promise<never>((_, reject) => {
    const stop = (reason: unknown) => {
      reject(reason);
      controller.abort(reason);
    };
    if (timeoutMs > 0) cancel = timer(timeoutMs, () => stop(new RequestTimeoutError(timeoutMs)));
    if (outer) {
      onOuter = () => stop(outer.reason);
      if (outer.aborted) onOuter();
      else outer.addEventListener('abort', onOuter, { once: true });
    }
  });
  // The losing side of the race must not surface as an unhandled rejection.
  stopped.catch(() => {});
  const work = controller.signal.aborted ? stopped : fn(controller.signal);
  return Promise.race([work, stopped]).finally(() => {
    cancel?.();
    if (onOuter) outer?.removeEventListener('abort', onOuter);
  });
}

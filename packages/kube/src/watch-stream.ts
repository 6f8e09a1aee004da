import http from 'node:http';
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { RequestTimeoutError, type StartTimer, startTimer } from './request-timeout.js';

export interface WatchStreamOptions {
  /** Until the response headers arrive (0: no limit). */
  readonly requestTimeoutMs: number;
  /** Once streaming: the stream is ended here even if the server holds it open (0: no limit). */
  readonly streamLimitMs: number;
  readonly timer?: StartTimer;
}

/** A watch stream's raw event: `{"type": "MODIFIED", "object": {...}}`, one per line. */
export interface RawWatchEvent {
  readonly type: string;
  readonly object: unknown;
}

/** One JSON line may hold a whole Workflow (etcd stores at most ~1.5 MiB); more than this is not a watch event. */
const MAX_LINE = 32 * 1024 * 1024;
/** Of an error response, the Status is kept; a longer body is not one. */
const MAX_ERROR_BODY = 64 * 1024;

/**
 * One watch request, written on node:http(s) rather than client-node's `Watch`, which cannot be aborted before the
 * response headers arrive (its AbortController is returned only then) and has no deadline at all. The kubeconfig
 * supplies the TLS agent and the credentials, as for every other request.
 *
 * `onDone` is called once: `undefined` when the stream ended (the server closed it, or the stream limit passed),
 * else the failure: a connection error, a `RequestTimeoutError` (no headers in time), or an error with the response's
 * `statusCode` and `body` (a 410 Gone among them). Never called after `stop()`.
 */
export function openWatchStream(
  kc: KubeConfig,
  url: URL,
  options: WatchStreamOptions,
  onEvent: (event: RawWatchEvent) => void,
  onDone: (error: unknown) => void,
): { stop(): void } {
  const controller = new AbortController();
  let finished = false;
  let cancel: (() => void) | undefined;
  const end = () => {
    finished = true;
    cancel?.();
    controller.abort();
  };
  const finish = (error: unknown) => {
    if (finished) return;
    end();
    onDone(error);
  };
  const limit = (ms: number, reason: () => unknown) => {
    cancel?.();
    cancel = ms > 0 ? (options.timer ?? startTimer)(ms, () => finish(reason())) : undefined;
  };
  limit(options.requestTimeoutMs, () => new RequestTimeoutError(options.requestTimeoutMs));

  const start = async () => {
    const opts: https.RequestOptions = {};
    await kc.applyToHTTPSOptions(opts);
    if (finished) return;
    const request = (url.protocol === 'http:' ? http : https).request(url, {
      ...opts,
      method: 'GET',
      headers: { ...opts.headers, Accept: 'application/json' },
      signal: controller.signal,
    });
    request.on('error', finish);
    request.on('response', (response) => {
      limit(options.streamLimitMs, () => undefined);
      response.on('error', finish);
      response.on('close', () => finish(undefined));
      response.setEncoding('utf8');
      if (response.statusCode !== 200) return readError(response, finish);
      let buffered = '';
      response.on('data', (chunk: string) => {
        buffered += chunk;
        for (let nl = buffered.indexOf('\n'); nl !== -1 && !finished; nl = buffered.indexOf('\n')) {
          const line = buffered.slice(0, nl).trim();
          buffered = buffered.slice(nl + 1);
          if (line) parseLine(line, onEvent, finish);
        }
        if (buffered.length > MAX_LINE) finish(new Error(`a watch event longer than ${MAX_LINE} bytes`));
      });
    });
    request.end();
  };
  start().catch(finish);
  return { stop: end };
}

function parseLine(line: string, onEvent: (event: RawWatchEvent) => void, finish: (error: unknown) => void) {
  let event: RawWatchEvent;
  try {
    event = JSON.parse(line) as RawWatchEvent;
  } catch {
    finish(new Error(`the watch stream sent a line that is not JSON: ${line.slice(0, 80)}`));
    return;
  }
  onEvent(event);
}

function readError(response: http.IncomingMessage, finish: (error: unknown) => void) {
  let body = '';
  response.on('data', (chunk: string) => {
    if (body.length < MAX_ERROR_BODY) body += chunk;
  });
  response.on('end', () => {
    const status = response.statusCode ?? 0;
    finish(Object.assign(new Error(http.STATUS_CODES[status] ?? `HTTP ${status}`), { statusCode: status, body }));
  });
}

import { InvalidArgumentError } from 'commander';

const GO_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * `--request-timeout`, read as kubectl reads it (client-go's `clientcmd.ParseTimeout`): a bare integer is seconds,
 * anything else a Go duration (`300ms`, `1.5s`, `1m30s`, units ns/us/ms/s/m/h); `0` means no timeout. Milliseconds,
 * or undefined when malformed. Unlike kubectl, a negative duration is refused rather than read as "none".
 */
export function parseRequestTimeout(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const body = text.startsWith('+') ? text.slice(1) : text;
  const re = /(\d+\.?\d*|\.\d+)(ns|us|\u00b5s|\u03bcs|ms|s|m|h)/y;
  let total = 0;
  let end = 0;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    total += Number(m[1]) * (GO_UNITS[m[2] as string] as number);
    end = re.lastIndex;
  }
  return end > 0 && end === body.length ? total : undefined;
}

/**
 * The option's parser: a malformed value is a usage error (exit 2) before any command runs. Outside `kube/` on
 * purpose: the program imports it statically, and nothing here loads client-node.
 */
export function requestTimeoutArg(value: string): number {
  const ms = parseRequestTimeout(value);
  if (ms === undefined)
    throw new InvalidArgumentError('expected an integer (seconds) or a duration like 500ms, 30s, 2m; 0 means none');
  return ms;
}

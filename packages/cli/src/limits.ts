import { type Issue, issue, quote } from '@argo-gen/model';
import { parseDuration } from './kube/duration.js';

/** The bounds a run works within; each is set by a flag, else an environment variable, else its default. */
export interface Limits {
  /** How long one module (a template, the config) may take to load: its top-level code, including `await`. */
  readonly moduleTimeoutMs: number;
  /** The largest input file read (YAML, and TypeScript modules given as inputs). */
  readonly maxFileBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  // A module normally loads in milliseconds; a minute leaves room for slow disks and cold caches.
  moduleTimeoutMs: 60_000,
  // Argo's own limit on a workflow object is etcd's 1.5 MiB; 16 MiB leaves room for long multi-document files.
  maxFileBytes: 16 * 1024 * 1024,
};

export const LIMIT_ENV = { moduleTimeout: 'ARGO_GEN_MODULE_TIMEOUT', maxFileSize: 'ARGO_GEN_MAX_FILE_SIZE' } as const;

let current: Limits = DEFAULT_LIMITS;
let given: Given = { flags: {}, env: {} };

/**
 * The limits of the running command. They are set once per command line by `run` (program.ts), before the command
 * starts, so that code deep in a load (a module import, a file read) sees them without every caller passing them on;
 * a project's `argo-gen.config.ts` may then set those that no flag or variable set (`applyConfigLimits`).
 */
export function limits(): Limits {
  return current;
}

/** The limits as set (text) by a flag, an environment variable or the config file. */
export interface LimitFlags {
  readonly moduleTimeout?: string;
  readonly maxFileSize?: string;
}

interface Given {
  readonly flags: LimitFlags;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Sets the run's limits from its flags and environment (and defaults); returns the problems of malformed values. */
export function setLimitsFrom(flags: LimitFlags, env: Readonly<Record<string, string | undefined>>): Issue[] {
  given = { flags, env };
  const resolved = resolveLimits(flags, env, {});
  current = 'limits' in resolved ? resolved.limits : DEFAULT_LIMITS;
  return 'problems' in resolved ? resolved.problems : [];
}

/** The config file's `limits`, for each limit no flag or environment variable set; problems name the file. */
export function applyConfigLimits(config: LimitFlags): Issue[] {
  const resolved = resolveLimits(given.flags, given.env, config);
  if ('problems' in resolved) return resolved.problems;
  current = resolved.limits;
  return [];
}

/**
 * The limits from the flags, else the environment, else the config file, else the defaults; a malformed value is a
 * problem naming where it was set.
 */
function resolveLimits(
  flags: LimitFlags,
  env: Readonly<Record<string, string | undefined>>,
  config: LimitFlags,
): { limits: Limits } | { problems: Issue[] } {
  const problems: Issue[] = [];
  const pick = <T>(
    flag: string,
    name: keyof LimitFlags,
    parse: (text: string) => T | undefined,
    fallback: T,
    expected: string,
  ): T => {
    const envText = env[LIMIT_ENV[name]] || undefined;
    const [text, where, code] =
      flags[name] !== undefined
        ? [flags[name], flag, 'usage/bad-limit']
        : envText !== undefined
          ? [envText, `$${LIMIT_ENV[name]}`, 'usage/bad-limit']
          : [config[name], `limits.${name}`, 'config/invalid'];
    if (text === undefined) return fallback;
    const value = typeof text === 'string' ? parse(text) : undefined;
    if (value !== undefined) return value;
    problems.push(issue(code, '', `${where} ${quote(text)}: expected ${expected}`));
    return fallback;
  };
  const positive = (n: number | undefined) => (n !== undefined && n > 0 && Number.isFinite(n) ? n : undefined);
  const result: Limits = {
    moduleTimeoutMs: pick(
      '--module-timeout',
      'moduleTimeout',
      (t) => positive(parseDuration(t)),
      DEFAULT_LIMITS.moduleTimeoutMs,
      'a duration like 500ms, 30s or 2m',
    ),
    maxFileBytes: pick(
      '--max-file-size',
      'maxFileSize',
      (t) => positive(parseSize(t)),
      DEFAULT_LIMITS.maxFileBytes,
      'a size like 4096, 512KiB or 16MiB',
    ),
  };
  return problems.length > 0 ? { problems } : { limits: result };
}

const UNITS: Readonly<Record<string, number>> = {
  '': 1,
  b: 1,
  k: 1000,
  kb: 1000,
  kib: 1024,
  m: 1000 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1000 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/** `4096`, `512KiB`, `16MiB`, `1.5MB`, `2G` → bytes (whole); undefined if malformed. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = m ? UNITS[(m[2] as string).toLowerCase()] : undefined;
  return m && unit !== undefined ? Math.floor(Number(m[1]) * unit) : undefined;
}

/** `16 MiB`, `512 KiB`, `19.1 MiB`, `100 bytes`: a size as messages show it (one decimal at most). */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** `60s`, `1.5s`, `250ms`, `2m`: a time bound as messages show it. */
export function formatBound(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000 || ms % 60_000 !== 0) return `${ms / 1000}s`;
  return `${ms / 60_000}m`;
}

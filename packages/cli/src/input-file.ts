import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from 'node:fs';
import { ArgoGenError, type Issue, isArgoGenError, issue } from '@argo-gen/model';
import { formatSize, LIMIT_ENV, limits } from './limits.js';

/**
 * Input files are read only when they are regular files within the size limit, checked before anything is read:
 * a FIFO would block the run for ever, a device (`/dev/zero`) never ends, and a 50 MB file would take gigabytes once
 * parsed. Each refusal is one line naming the file.
 */

/** Why a file cannot be an input, from its stat (of the file a symlink points to); undefined when it can. */
export function refusal(stats: Stats, file: string): Issue | undefined {
  const at = { source: { file, line: 0, column: 0 } };
  if (!stats.isFile()) return issue('input/not-a-file', '', `is ${kindOf(stats)}, not a regular file`, at);
  const max = limits().maxFileBytes;
  if (stats.size > max)
    return issue(
      'input/too-large',
      '',
      `is ${sizeAbove(stats.size, max)}, larger than the ${formatSize(max)} limit (--max-file-size or $${LIMIT_ENV.maxFileSize})`,
      at,
    );
  return undefined;
}

/** The size, in bytes when rounding would show it equal to the limit. */
function sizeAbove(size: number, max: number): string {
  return formatSize(size) === formatSize(max) ? `${size} bytes` : formatSize(size);
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A file system error as a short reason, without the path Node repeats in its messages. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Readonly<Record<string, string>> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'a component of the path is not a directory',
    ELOOP: 'too many levels of symbolic links',
    EMFILE: 'too many open files',
    EIO: 'input/output error',
  };
  if (code && reasons[code]) return reasons[code] as string;
  return code ?? (error instanceof Error ? (error.message.split('\n')[0] as string) : String(error));
}

/**
 * The bytes of an input file: refused (an ArgoGenError) when it is not a regular file or above the size limit, before
 * it is read. The file is opened non-blocking and checked again on the open descriptor, so a file swapped for a FIFO
 * after the first check is refused too, and at most the limit (plus one byte) is ever read.
 */
export function readInputFile(absolute: string, file: string): Buffer {
  const fail = (i: Issue): never => {
    throw new ArgoGenError([i]);
  };
  const unreadable = (error: unknown) =>
    fail(issue('input/unreadable', '', `cannot read: ${reasonOf(error)}`, { source: { file, line: 0, column: 0 } }));
  let stats: Stats | undefined;
  try {
    stats = statSync(absolute);
  } catch (error) {
    unreadable(error);
  }
  const before = refusal(stats as Stats, file);
  if (before) fail(before);
  let fd: number | undefined;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const opened = fstatSync(fd);
    const after = refusal(opened, file);
    if (after) fail(after);
    return readUpTo(fd, limits().maxFileBytes, file, opened.size);
  } catch (error) {
    if (isArgoGenError(error)) throw error;
    return unreadable(error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Reads to the end, but never more than `max` bytes: a file that grew past the limit since its stat is refused. The
 * first read asks for the size the stat gave plus one byte, the next (which normally finds the end) for a few KiB, so
 * that a small file does not take a buffer of 1 MiB: allocated per file, those count as external memory and made V8
 * collect garbage far more often over a run of many files.
 */
function readUpTo(fd: number, max: number, file: string, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let want = expected + 1;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(want, 1 << 20, max + 1 - total));
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, total);
    chunks.push(chunk.subarray(0, n));
    total += n;
    want = n < chunk.length ? 4096 : 1 << 20; // a short read was most likely the end
    if (total > max)
      throw new ArgoGenError([
        issue('input/too-large', '', `grew larger than the ${formatSize(max)} limit while it was read`, {
          source: { file, line: 0, column: 0 },
        }),
      ]);
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { readDocuments } from '../../packages/cli/src/yaml/read-documents.js';
import type { Comparison, Side } from './compare.js';

export const ALLOW_LIST = path.join(path.dirname(new URL(import.meta.url).pathname), 'allow-list.yaml');

/** A known disagreement: which documents, which verdicts, and why it is acceptable. */
export interface AllowEntry {
  /** Only for this target Argo version (`4.1`, …); every version when absent. */
  readonly version?: string;
  readonly corpus: string;
  /** Relative to the corpus root; `*` matches any characters except `/`, `**` any characters, `{a,b}` either. */
  readonly file: string;
  readonly index?: number;
  readonly ours?: Side;
  readonly oracle?: Side;
  readonly reason: string;
}

export function readAllowList(file: string = ALLOW_LIST): AllowEntry[] {
  const [doc] = readDocuments(readFileSync(file, 'utf8'), file);
  const list = (doc?.value as { entries?: unknown } | null)?.entries;
  if (!Array.isArray(list)) throw new Error(`${file}: expected a top-level 'entries:' list`);
  return list.map((e, i) => {
    const entry = e as Partial<AllowEntry>;
    if (typeof entry.corpus !== 'string' || typeof entry.file !== 'string' || typeof entry.reason !== 'string')
      throw new Error(`${file}: entry ${i} needs corpus, file and reason`);
    return entry as AllowEntry;
  });
}

/** An entry's `file`: a glob as the CLI's inputs read it (picomatch: `*`, `**`, `?`, `[…]`, `{a,b}`). */
const fileMatches = (glob: string, file: string) => picomatch.isMatch(file, glob, { dot: true });

export function matches(entry: AllowEntry, c: Comparison): boolean {
  return (
    entry.corpus === c.corpus &&
    (entry.version === undefined || entry.version === c.argoVersion) &&
    fileMatches(entry.file, c.file) &&
    (entry.index === undefined || entry.index === c.index) &&
    (entry.ours === undefined || entry.ours === c.ours) &&
    (entry.oracle === undefined || entry.oracle === c.oracle)
  );
}

/** Splits disagreements into allowed (with the first entry that covers each) and unexplained; finds stale entries. */
export function applyAllowList(entries: readonly AllowEntry[], disagreements: readonly Comparison[]) {
  const allowed = new Map<Comparison, AllowEntry>();
  const unexplained: Comparison[] = [];
  const used = new Set<AllowEntry>();
  for (const c of disagreements) {
    const hits = entries.filter((e) => matches(e, c));
    for (const e of hits) used.add(e);
    const first = hits[0];
    if (first) allowed.set(c, first);
    else unexplained.push(c);
  }
  return { allowed, unexplained, stale: entries.filter((e) => !used.has(e)) };
}

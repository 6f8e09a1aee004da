import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

const README = path.join(REPO_ROOT, 'README.md');

/**
 * The numbers one README sentence states, read by a pattern with one capture group per number, each
 * given a name. A number may be
 * written with thin or plain spaces between its thousands ("1 493"). The pattern must match exactly once, so a
 * sentence reworded without its test fails here instead of going unchecked; the tests that produce a figure compare
 * it with what the README says, so every count the README states is produced by a command and checked.
 */
export function readmeNumbers<K extends string>(pattern: RegExp, names: readonly K[]): Record<K, number> {
  // Lines are joined so that a sentence may wrap anywhere.
  const text = readFileSync(README, 'utf8').replace(/\s*\n\s*/g, ' ');
  const matches = [...text.matchAll(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`))];
  const [match] = matches;
  if (matches.length !== 1 || !match)
    throw new Error(`README.md: expected the pattern ${pattern} to match once, it matched ${matches.length} times`);
  const groups = match.slice(1);
  if (groups.length !== names.length)
    throw new Error(`README.md: ${pattern} captures ${groups.length} numbers, named ${names.length}`);
  const figures = {} as Record<K, number>;
  names.forEach((name, i) => {
    const value = Number((groups[i] ?? '').replace(/[\s\u202f]/g, ''));
    if (!Number.isInteger(value)) throw new Error(`README.md: '${groups[i]}' in ${pattern} is not a number`);
    figures[name] = value;
  });
  return figures;
}

/** A number as the README may write it: digits, optionally grouped by thousands with a (thin) space. */
export const N = '(\\d{1,3}(?:[ \\u202f]\\d{3})*|\\d+)';

// Compares simulate() with a corpus's last controller record (.cache/simulate-diff/<corpus>.json, written by the
// differential suite), without a cluster: for studying a disagreement, or an engine change, in seconds.
//   npx tsx test/e2e/simulate-replay.ts <burger|upstream|generated|hooks> [title filter]   (after `pnpm -s build`)
import { readFileSync } from 'node:fs';
import { REPO_ROOT } from '../paths.js';
import { compareCorpus } from './simulate-compare.js';
import type { DiffCase, Observed } from './simulate-harness.js';

const [corpus = 'burger', filter = ''] = process.argv.slice(2);
const record = JSON.parse(readFileSync(`${REPO_ROOT}.cache/simulate-diff/${corpus}.json`, 'utf8')) as (DiffCase & {
  name: string;
  observed: Observed;
})[];
const chosen = record.filter((r) => r.title.includes(filter));
const r = compareCorpus(
  corpus,
  chosen,
  chosen.map((c) => c.name),
  chosen.map((c) => c.observed),
);
process.stdout.write(`${r.unexplained.join('\n')}\n${r.summary}\n`);

// Corpus (a): every failure point of the Burger Stack strategies. For each strategy's workflow: one run where everything
// succeeds, every leaf task or step of the forward path failing in turn, every step of the rollback path failing while
// the rollback runs (after the strategy's first gate failed), and every approval rejected in turn.
import { REPO_ROOT } from '../paths.js';
import { callSites, readYaml } from './simulate-documents.js';
import type { CaseOutcome, DiffCase } from './simulate-harness.js';

interface Strategy {
  /** The generated YAML, relative to the repository (its .ts is the source). */
  readonly file: string;
  readonly parameters?: Readonly<Record<string, string>>;
  /** Outcomes every run of this strategy starts from (one set of runs per entry): the outputs a branch reads. */
  readonly bases?: readonly Readonly<Record<string, CaseOutcome>>[];
  /**
   * The forward failure points, when not every leaf: deploy-canary composes the strategies whose every point the
   * canary-release and statefulset-canary examples run, so it runs the points where they meet (the approval, each
   * component's first and last gate) and not each again.
   */
  readonly points?: readonly string[];
  /** How a failure point fails, when not a plain `Failed`. */
  readonly failure?: CaseOutcome;
  /** More runs than one failure at a time: a retried step that fails once, then succeeds. */
  readonly extra?: readonly { readonly title: string; readonly outcomes: Readonly<Record<string, CaseOutcome>> }[];
}

const IMAGES = {
  'frontend-image': 'registry.example/frontend@sha256:f1',
  'backend-image': 'registry.example/backend@sha256:b1',
  'database-image': 'registry.example/database@sha256:d1',
};

export const STRATEGIES: readonly Strategy[] = [
  { file: 'examples/canary-release.yaml' },
  { file: 'examples/statefulset-canary.yaml' },
  { file: 'examples/daemonset-rolling.yaml' },
  {
    file: 'examples/retry-timeout-exit.yaml',
    // Argo stops retrying once the next backoff would end after `maxDuration` (1m), counted in real time from the
    // first attempt's start (operator.go processNodeRetries). With pods that take no time, whether the fourth attempt
    // (after 5 + 10 + 20 s of backoff) starts depends on the controller's latency, so the failing attempts take 40 s:
    // the second attempt's end (85 s) is past the limit and the first's (40 s + 5 s of backoff) well before it, on any
    // machine, so both sides make exactly two attempts.
    failure: { phase: 'Failed', durationSeconds: 40 },
    extra: [
      { title: 'flaky fails once, then succeeds', outcomes: { flaky: ['Failed', 'Succeeded'] } },
      { title: 'flaky fails twice, then succeeds', outcomes: { flaky: ['Failed', 'Failed', 'Succeeded'] } },
    ],
  },
  {
    file: 'examples/conditions.yaml',
    bases: [{ flip: { parameters: { side: 'heads' } } }, { flip: { parameters: { side: 'tails' } } }],
  },
  {
    file: 'examples/loops.yaml',
    extra: [{ title: 'only the backend item fails', outcomes: { 'each(1:backend)': 'Failed' } }],
  },
  { file: 'examples/dag-data.yaml' },
  {
    file: 'generated/deploy-canary.yaml',
    parameters: IMAGES,
    extra: [{ title: 'database-approve left waiting', outcomes: { 'database-approve': 'wait' } }],
    points: [
      'database-source-image',
      'database-1-gate',
      'backend-10-gate',
      'backend-100-gate',
      'frontend-10-gate',
      'frontend-100-gate',
    ],
  },
  { file: 'generated/deploy-rolling.yaml', parameters: IMAGES },
  { file: 'generated/rollback.yaml' },
];

const describeBase = (base: Readonly<Record<string, CaseOutcome>>) =>
  Object.entries(base)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(' ');

/** The steps that run only to roll back, by the names the strategies give them. */
const ROLLBACK_PATH = /-(rollback|rolled-back)/;

/** The runs of one strategy: all succeed, each failure point, each approval rejected (the others approved). */
export function strategyCases(s: Strategy): DiffCase[] {
  const [workflow] = readYaml(`${REPO_ROOT}${s.file}`);
  if (!workflow) throw new Error(`${s.file}: no document`);
  const { leaves, suspends } = callSites(workflow);
  const forward = s.points ?? leaves.filter((l) => !ROLLBACK_PATH.test(l));
  const rollbackPath = s.points ? [] : leaves.filter((l) => ROLLBACK_PATH.test(l));
  // The first gate in the order the strategy runs them (the lowest weight or partition step).
  const firstGate = leaves
    .filter((l) => l.endsWith('-gate'))
    .sort((a, b) => Number(/-(\d+)-gate$/.exec(a)?.[1] ?? 0) - Number(/-(\d+)-gate$/.exec(b)?.[1] ?? 0))[0];
  const approveAll = Object.fromEntries(suspends.map((n) => [n, 'approve' as const]));
  const cases: DiffCase[] = [];
  const add = (title: string, outcomes: Record<string, CaseOutcome>) =>
    cases.push({
      title: `${s.file}: ${title}`,
      workflow,
      outcomes,
      ...(s.parameters ? { parameters: s.parameters } : {}),
    });
  for (const base of s.bases ?? [{}]) {
    const on = Object.keys(base).length ? ` (${describeBase(base)})` : '';
    add(`all succeed${on}`, { ...approveAll, ...base });
    const failure = s.failure ?? 'Failed';
    for (const leaf of forward) add(`${leaf} fails${on}`, { ...approveAll, ...base, [leaf]: failure });
    for (const leaf of rollbackPath)
      add(`${firstGate} fails, then ${leaf} fails${on}`, {
        ...approveAll,
        ...base,
        ...(firstGate ? { [firstGate]: failure } : {}),
        [leaf]: failure,
      });
    for (const sus of suspends) add(`${sus} rejected${on}`, { ...approveAll, ...base, [sus]: 'reject' });
  }
  for (const e of s.extra ?? []) add(e.title, { ...approveAll, ...e.outcomes });
  return cases;
}

export const burgerCases = (): DiffCase[] => STRATEGIES.flatMap(strategyCases);

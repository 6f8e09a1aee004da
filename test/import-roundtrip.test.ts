import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CorpusResult, roundTripCorpus } from './import-roundtrip-run.js';
import { EXAMPLES_DIR, REPO_ROOT } from './paths.js';
import { N, readmeNumbers } from './readme-claims.js';

/**
 * YAML → `argo-gen import` → TypeScript → `tsc --noEmit` → generate's pipeline (with Argo's lint) → YAML, equal after
 * normalisation (./import-roundtrip-run.ts), over two corpora: Argo's examples and test/import-corpus (workflows in the
 * shapes teams write, kept apart from the examples). Every file that does not come back equal is listed with its
 * reason, so the list cannot grow silently; the escape hatches are capped per kind, so an importer that falls back to
 * raw more often fails here; and no file may lose a field (docs/import.md).
 */
interface Expectation {
  readonly misses: Readonly<Record<string, string>>;
  /** Escape hatches over all the corpus's imported files: each is a ceiling. */
  readonly raw: { readonly rawTemplate: number; readonly rawCall: number; readonly raw: number };
}

const UPSTREAM: Expectation = {
  misses: {
    // Argo's strict decoding refuses it too (test/upstream-corpus.test.ts); the import fails it with line and column.
    'k8s-patch-json-workflow.yaml':
      "unparseable: YAML duplicate key 'annotations' (Argo's strict decoding refuses duplicate keys)",
    // Nothing to import: the file holds no workflow kind.
    'configmaps/simple-parameters-configmap.yaml': 'no workflow document (ConfigMap)',
    'testvolume.yaml': 'no workflow document (PersistentVolumeClaim)',
    'workflow-count-resourcequota.yaml': 'no workflow document (ResourceQuota)',
    'workflow-event-binding/event-consumer-workfloweventbinding.yaml': 'no workflow document (WorkflowEventBinding)',
    'workflow-event-binding/github-path-filter-workfloweventbinding.yaml':
      'no workflow document (WorkflowEventBinding)',
    // The input has neither metadata.name nor generateName: the import keeps it so, and generate's lint refuses it
    // (the API server would too).
    'fun-with-gifs.yaml': 'generate: /metadata: metadata.name or metadata.generateName is required',
    'k8s-jobs.yaml': 'generate: /metadata: metadata.name or metadata.generateName is required',
  },
  raw: { rawTemplate: 27, rawCall: 21, raw: 148 },
};

const CORPUS: Expectation = {
  misses: {},
  raw: { rawTemplate: 2, rawCall: 0, raw: 4 },
};

/** The figures the README's round-trip table states for a corpus (the upstream row also counts the misses). */
interface RowFigures {
  readonly files: number;
  readonly equal: number;
  readonly misses?: number;
  readonly rawTemplate: number;
  readonly rawCall: number;
  readonly raw: number;
  readonly losses: number;
}
type ReadmeRow = () => RowFigures;

function check(result: () => CorpusResult, files: number, expected: Expectation, readmeRow: ReadmeRow) {
  it('comes back equal through tsc and generate, except the listed misses, each for its stated reason', () => {
    const { outcomes, equal } = result();
    const misses = Object.fromEntries([...outcomes].filter(([, o]) => !o.ok).map(([f, o]) => [f, o.reason ?? '']));
    expect(outcomes.size).toBe(files);
    expect(Object.keys(misses).sort()).toEqual(Object.keys(expected.misses).sort());
    for (const [file, reason] of Object.entries(expected.misses)) expect(misses[file], file).toContain(reason);
    expect(equal).toBe(files - Object.keys(expected.misses).length);
  });
  it('uses no more escape hatches of each kind than committed, and loses nothing', () => {
    const { totals, outcomes } = result();
    expect(totals.rawTemplate).toBeLessThanOrEqual(expected.raw.rawTemplate);
    expect(totals.rawCall).toBeLessThanOrEqual(expected.raw.rawCall);
    expect(totals.raw).toBeLessThanOrEqual(expected.raw.raw);
    const lossy = [...outcomes].filter(([, o]) => (o.losses ?? []).length > 0).map(([f, o]) => [f, o.losses]);
    expect(lossy).toEqual([]);
  });
  it("is what the README's round-trip table states", () => {
    const { totals, outcomes, equal } = result();
    const stated = readmeRow();
    expect(stated).toEqual({
      files: outcomes.size,
      equal,
      ...(stated.misses === undefined ? {} : { misses: outcomes.size - equal }),
      ...totals,
    });
  });
}

describe('argo-gen import round trip: the upstream examples', () => {
  let result: CorpusResult;
  beforeAll(async () => {
    result = await roundTripCorpus(EXAMPLES_DIR, 'upstream');
    console.log(`upstream examples: ${result.equal}/${result.outcomes.size} equal; ${JSON.stringify(result.totals)}`);
  }, 900_000);
  check(
    () => result,
    217,
    UPSTREAM,
    () => {
      return readmeNumbers(
        new RegExp(
          `\\| Argo's ${N} examples \\| ${N} \\(the ${N} others: [^|]*\\| ${N} \\| ${N} \\| ${N} \\| ${N} \\|`,
        ),
        ['files', 'equal', 'misses', 'rawTemplate', 'rawCall', 'raw', 'losses'],
      );
    },
  );
});

describe('argo-gen import round trip: test/import-corpus (the shapes teams write)', () => {
  let result: CorpusResult;
  beforeAll(async () => {
    result = await roundTripCorpus(path.join(REPO_ROOT, 'test/import-corpus'), 'corpus');
    console.log(`import corpus: ${result.equal}/${result.outcomes.size} equal; ${JSON.stringify(result.totals)}`);
  }, 300_000);
  check(
    () => result,
    17,
    CORPUS,
    () => {
      return readmeNumbers(
        new RegExp(
          `\\| \`test/import-corpus/\` \\(${N} realistic team workflows\\) \\| ${N} \\| ${N} \\| ${N} \\| ${N} \\| ${N} \\|`,
        ),
        ['files', 'equal', 'rawTemplate', 'rawCall', 'raw', 'losses'],
      );
    },
  );
});

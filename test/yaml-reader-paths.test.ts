import { readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { argoChunks } from '../packages/cli/src/yaml/argo-chunks.js';
import { readBlockSubset } from '../packages/cli/src/yaml/block-subset.js';
import { type Offsets, offsetAt } from '../packages/cli/src/yaml/locate.js';
import { type PieceReading, readPieceFully } from '../packages/cli/src/yaml/read-piece.js';
import { listYamlFiles } from './corpus.js';
import { REPO_ROOT, SHARED } from './paths.js';
import { yamlText } from './yaml-oracle/yaml-text.js';
import { subsetText } from './yaml-subset-text.js';

/**
 * The YAML reader's fast path (block-subset.ts, Argo's everyday subset of YAML read directly) against its full reader
 * (yaml@2, then go-yaml's decoding; held to go-yaml itself by test/yaml-oracle): wherever the fast path answers, the
 * full reader reads the same value, with the same keys in the same order, and every node at the same offset.
 */

type Outcome = { reading: PieceReading } | { none: true } | { refused: string };

function full(text: string): Outcome {
  try {
    const reading = readPieceFully(text);
    return reading ? { reading } : { none: true };
  } catch (error) {
    return { refused: String(error) };
  }
}

/** Every JSON pointer of a value (its root included), parents before children. */
function pointers(value: unknown, at = ''): string[] {
  if (value === null || typeof value !== 'object') return [at];
  const keys = Array.isArray(value) ? value.map((_, i) => String(i)) : Object.keys(value);
  return [
    at,
    ...keys.flatMap((k) =>
      pointers((value as Record<string, unknown>)[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`),
    ),
  ];
}

/** Where each node (and a missing child of each) is located: what `locate` gives in the piece's text. */
function places(value: unknown, offsets: Offsets, root: number, toOriginal: (o: number) => number): number[] {
  return pointers(value).flatMap((p) => [
    toOriginal(offsetAt(value, offsets, root, p)),
    toOriginal(offsetAt(value, offsets, root, `${p}/absent`)),
  ]);
}

/** Undefined when the two agree (or the fast path left the piece to the full reader), else what differs. */
function disagreement(text: string): string | undefined {
  const offsets: Offsets = new WeakMap();
  const fast = readBlockSubset(text, offsets);
  if (fast === undefined) return undefined;
  const theirs = full(text);
  if (!('reading' in theirs)) return `the fast path read it, the full reader: ${JSON.stringify(theirs)}`;
  const { value, root } = theirs.reading;
  // JSON text without sorting: the keys' order matters (locate finds a key by its index).
  if (JSON.stringify(fast.value) !== JSON.stringify(value))
    return `values differ: ${JSON.stringify(fast.value)} vs ${JSON.stringify(value)}`;
  if (Object.is(fast.value, -0) !== Object.is(value, -0)) return 'values differ: -0';
  const ours = places(fast.value, offsets, fast.root, (o) => o);
  const expected = places(value, theirs.reading.offsets, root, theirs.reading.toOriginal);
  if (JSON.stringify(ours) !== JSON.stringify(expected))
    return `offsets differ: ${JSON.stringify(ours)} vs ${JSON.stringify(expected)}`;
  return undefined;
}

/** Argo's examples, the YAML of Argo's sources (manifests, CRDs, CI) at each version, and this repository's YAML. */
const CORPUS = [
  `${SHARED}argo/v4.1.2/examples`,
  ...['v4.1.2', 'v4.0.10', 'v3.7.18'].map((v) => `${SHARED}argo/src/${v}`),
  ...['examples', 'generated', 'test', 'packages/cli/test'].map((d) => `${REPO_ROOT}${d}`),
]
  .flatMap((dir) => listYamlFiles(dir))
  .filter((f) => statSync(f).size < 200_000); // not the full CRDs (MBs): this test walks every node's pointer

describe('the fast path of the YAML reader reads what the full reader reads', () => {
  it("on every piece of Argo's examples, Argo's YAML at 4.1, 4.0 and 3.7, and this repository's, reading most", () => {
    let pieces = 0;
    let fast = 0;
    const differ: string[] = [];
    for (const file of CORPUS) {
      for (const chunk of argoChunks(readFileSync(file, 'utf8'))) {
        pieces++;
        if (readBlockSubset(chunk.text, new WeakMap())) fast++;
        const d = disagreement(chunk.text);
        if (d) differ.push(`${file}@${chunk.start}: ${d}`);
      }
    }
    expect(differ).toEqual([]);
    // The point of the fast path: Argo's own files are written in its subset (the rest is read by the full reader).
    expect(fast / pieces).toBeGreaterThan(0.8);
  });

  it('on random documents of the YAML oracle (all of YAML, valid or not)', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        for (const chunk of argoChunks(text)) {
          const d = disagreement(chunk.text);
          if (d) throw new Error(`${d}\n--- text\n${chunk.text}`);
        }
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it('on random block documents near the subset (odd indentation, comments, block scalars, quotes, flow lists)', () => {
    let fastRead = 0;
    fc.assert(
      fc.property(subsetText, (text) => {
        if (readBlockSubset(text, new WeakMap())) fastRead++;
        const d = disagreement(text);
        if (d) throw new Error(`${d}\n--- text\n${text}`);
      }),
      { numRuns: 1500, seed: 20261207 },
    );
    // Not vacuous: a good share of the texts is read by the fast path (the rest is outside the subset or invalid).
    expect(fastRead).toBeGreaterThan(150);
  });
});

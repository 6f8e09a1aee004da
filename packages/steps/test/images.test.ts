import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { images, UNPINNED } from '../src/index.js';

// The registries cannot be reached from the build machine, so these tests check the table itself: each reference is
// `name:tag@sha256:<64 hex>`, the comment repeats its tag, and no digest is used for two different images. Whether a
// digest really is that tag's is confirmed with `crane digest` when it is pinned (see images.ts).
const SOURCE = readFileSync(new URL('../src/images.ts', import.meta.url), 'utf8');
const REFERENCE =
  /^(?<name>[a-z0-9][\w./-]*(?::\d+\/[\w./-]+)?):(?<tag>[\w][\w.-]{0,127})(?:@sha256:(?<digest>[0-9a-f]{64}))?$/;

describe('images.ts', () => {
  const entries = Object.entries(images);

  it.each(entries)('%s is name:tag@sha256:<digest>, or listed as unpinned with a reason', (key, ref) => {
    const m = REFERENCE.exec(ref);
    expect(m, `${key}: ${ref}`).not.toBeNull();
    if (m?.groups?.digest === undefined) expect(UNPINNED[key as keyof typeof images]).toMatch(/\S{20}/);
    else expect(UNPINNED[key as keyof typeof images]).toBeUndefined();
  });

  it.each(entries)('%s keeps its tag as the comment of its line', (key, ref) => {
    const tag = REFERENCE.exec(ref)?.groups?.tag;
    const line = new RegExp(`${key}:\\s*'${ref.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}',\\s*// (\\S+)`).exec(SOURCE);
    expect(line?.[1]).toBe(tag);
  });

  it('uses each digest for one image only', () => {
    const digests = entries.map(([, ref]) => REFERENCE.exec(ref)?.groups?.digest).filter((d) => d !== undefined);
    expect(new Set(digests).size).toBe(digests.length);
  });
});

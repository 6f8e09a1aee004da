import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { captureSource } from '../src/internal/source.js';
import { fileOf, lineHere } from './helpers.js';

// captureSource formats a short stack first and the full one only when the short one holds no user frame. These
// calls go through more library frames than the short stack has (a step factory calling another, say), so the
// location must come from the second, full-length look; beyond the full length there is no location, as before.
describe('captureSource: user frames below many library frames', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'argo-gen-source-'));
  // A module whose path looks like the DSL's own code, so that its frames count as the library's.
  const dir = path.join(root, 'packages', 'dsl', 'dist');
  mkdirSync(dir, { recursive: true });
  const nest = path.join(dir, 'nest.mjs');
  writeFileSync(nest, 'export function nest(depth, f) {\n  return depth === 0 ? f() : nest(depth - 1, f);\n}\n');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const load = async () => (await import(pathToFileURL(nest).href)) as { nest: <T>(depth: number, f: () => T) => T };

  it('finds the user frame among the first few frames', async () => {
    const { nest } = await load();
    const [source, line] = [nest(1, captureSource), lineHere()];
    expect(source).toEqual({ file: fileOf(import.meta.url), line, column: expect.any(Number) });
  });

  it('finds the user frame below more library frames than the first look formats', async () => {
    const { nest } = await load();
    const [source, line] = [nest(10, captureSource), lineHere()];
    expect(source).toEqual({ file: fileOf(import.meta.url), line, column: expect.any(Number) });
  });

  it('gives no location when sixteen frames hold no user frame', async () => {
    const { nest } = await load();
    expect(nest(20, captureSource)).toBeUndefined();
  });
});

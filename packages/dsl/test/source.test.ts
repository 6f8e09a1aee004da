import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { container, task } from '../src/index.js';
import { captureSite } from '../src/internal/source.js';
import { fileOf, lineHere } from './helpers.js';

// captureSite captures sixteen frames at the call and formats them only when the location is asked for. The location
// is the first frame outside the library, however many library frames come first (a step factory calling another,
// say); beyond sixteen frames there is none.
describe('captureSite: user frames below library frames', () => {
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
    const [site, line] = [nest(1, captureSite), lineHere()];
    expect(site()).toEqual({ file: fileOf(import.meta.url), line, column: expect.any(Number) });
  });

  it('finds the user frame below many library frames', async () => {
    const { nest } = await load();
    const [site, line] = [nest(10, captureSite), lineHere()];
    expect(site()).toEqual({ file: fileOf(import.meta.url), line, column: expect.any(Number) });
  });

  it('gives no location when sixteen frames hold no user frame', async () => {
    const { nest } = await load();
    expect(nest(20, captureSite)()).toBeUndefined();
  });
});

// Templates and tasks read their location from the call site the first time `source` is read.
describe('source of templates and tasks', () => {
  const file = fileOf(import.meta.url);

  it('is the line of the call, read late, once, and kept by spreading', () => {
    const [t, line] = [container('c', { image: 'alpine:3.20' }), lineHere()];
    const [k, kLine] = [task('k', t), lineHere()];
    expect(t.source).toEqual({ file, line, column: expect.any(Number) });
    expect(t.source).toBe(t.source);
    expect(k.source).toEqual({ file, line: kLine, column: expect.any(Number) });
    expect({ ...k }.source).toEqual(k.source);
    expect((Object.create(k) as typeof k).source).toEqual(k.source);
    expect(Object.keys(k)).toContain('source');
  });

  it('stays frozen', () => {
    const t = container('c', { image: 'alpine:3.20' });
    expect(Object.isFrozen(t)).toBe(true);
    expect(() => {
      (t as { source?: unknown }).source = undefined;
    }).toThrow();
    expect(Object.getOwnPropertyDescriptor(t, 'source')?.configurable).toBe(false);
  });
});

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Issue, lintDocument, lintSecurity } from '@argo-gen/model';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, REPO_ROOT } from '../../../test/paths.js';
import { readableArgoDocuments } from '../../../test/upstream-documents.js';
import { diskLintCache, type LintContext } from '../src/load/lint-cache.js';

mkdirSync(path.join(REPO_ROOT, '.cache'), { recursive: true });
const root = mkdtempSync(path.join(REPO_ROOT, '.cache', 'lint-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dirs = 0;
const freshDir = () => path.join(root, `c${dirs++}`);

const DOC = { kind: 'Workflow', metadata: { name: 'w' }, spec: { entrypoint: 'main' } };
const CONTEXT: LintContext = { templates: [], options: { argoVersion: '4.1', security: null } };
const FINDINGS: Issue[] = [
  { code: 'lint/x', severity: 'error', path: '/spec', message: 'x', subject: "template 'main'" },
  { code: 'lint/y', severity: 'warning', path: '', message: 'y' },
];

/** A lint that counts its calls and returns `findings`. */
function counting(findings: readonly Issue[] = FINDINGS) {
  const calls = { n: 0 };
  const lint = () => {
    calls.n++;
    return findings;
  };
  return { calls, lint };
}

const entries = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.json'));

describe('the lint cache', () => {
  it('lints a document once, then gives the same findings for it in the same context and code', () => {
    const dir = freshDir();
    const { calls, lint } = counting();
    const first = diskLintCache(dir, 'code-a').lint(DOC, CONTEXT, lint);
    // A later run: a new cache object on the same directory, an equal (not the same) document and context.
    const again = diskLintCache(dir, 'code-a').lint(structuredClone(DOC), structuredClone(CONTEXT), lint);
    expect(calls.n).toBe(1);
    expect(first).toEqual(FINDINGS);
    expect(again).toEqual(FINDINGS);
    expect(entries(dir)).toHaveLength(1);
  });

  it('lints again when the document, the templates, the options or the code differ', () => {
    const dir = freshDir();
    const { calls, lint } = counting();
    const cached = (code: string, doc: unknown, context: LintContext) =>
      diskLintCache(dir, code).lint(doc, context, lint);
    cached('code-a', DOC, CONTEXT);
    cached('code-a', { ...DOC, metadata: { name: 'v' } }, CONTEXT);
    cached('code-a', DOC, { ...CONTEXT, templates: [{ kind: 'WorkflowTemplate', metadata: { name: 't' } }] });
    cached('code-a', DOC, { ...CONTEXT, options: { argoVersion: '3.7', security: null } });
    cached('code-a', DOC, { ...CONTEXT, options: { argoVersion: '4.1', security: { mode: 'strict' } } });
    cached('code-b', DOC, CONTEXT);
    expect(calls.n).toBe(6);
    cached('code-a', DOC, CONTEXT);
    cached('code-b', DOC, CONTEXT);
    expect(calls.n).toBe(6);
  });

  it('tells apart documents that JSON would write alike: undefined, NaN, infinities, -0', () => {
    const dir = freshDir();
    const { calls, lint } = counting();
    const variants = [
      {},
      { a: undefined },
      { a: null },
      { a: Number.NaN },
      { a: Number.POSITIVE_INFINITY },
      { a: 0 },
      { a: -0 },
      { a: [undefined] },
      { a: [null] },
    ];
    for (const v of variants) diskLintCache(dir, 'code-a').lint(v, CONTEXT, lint);
    expect(calls.n).toBe(variants.length);
    for (const v of variants) diskLintCache(dir, 'code-a').lint(structuredClone(v), CONTEXT, lint);
    expect(calls.n).toBe(variants.length);
  });

  it('never caches what has no faithful text: a Date, a class instance, a symbol, a big integer', () => {
    const dir = freshDir();
    const { calls, lint } = counting();
    class Spec {
      readonly entrypoint = 'main';
    }
    const docs = [{ at: new Date(0) }, { spec: new Spec() }, { s: Symbol('x') }, { n: 1n }, { '\u0000': 'undefined' }];
    for (const doc of docs) {
      diskLintCache(dir, 'code-a').lint(doc, CONTEXT, lint);
      diskLintCache(dir, 'code-a').lint(doc, CONTEXT, lint);
    }
    expect(calls.n).toBe(2 * docs.length);
    expect(readdirSync(root).includes(path.basename(dir))).toBe(false);
  });

  it('reads a damaged, foreign or altered entry as a miss and replaces it', () => {
    const dir = freshDir();
    const { calls, lint } = counting();
    diskLintCache(dir, 'code-a').lint(DOC, CONTEXT, lint);
    const [name] = entries(dir);
    const file = path.join(dir, name as string);
    const good = readFileSync(file, 'utf8');
    const bad = [
      good.slice(0, good.length / 2), // cut short
      '', // empty
      good.replace('argo-gen lint cache 1', 'argo-gen lint cache 0'), // another format
      good.replace('"severity":"error"', '"severity":"fatal"'), // not a finding
      good.replace('"code":"lint/x"', '"code":"lint/x","source":{"file":"a.ts","line":1,"column":1}'), // a field more
      JSON.stringify({ format: 'argo-gen lint cache 1', issues: {} }),
    ];
    for (const text of bad) {
      writeFileSync(file, text);
      expect(diskLintCache(dir, 'code-a').lint(DOC, CONTEXT, lint)).toEqual(FINDINGS);
      expect(readFileSync(file, 'utf8')).toBe(good);
    }
    expect(calls.n).toBe(1 + bad.length);
  });

  it('serves what its entry holds: the directory is trusted as node_modules is', () => {
    const dir = freshDir();
    diskLintCache(dir, 'code-a').lint(DOC, CONTEXT, counting().lint);
    const file = path.join(dir, entries(dir)[0] as string);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"message":"x"', '"message":"changed"'));
    const { calls, lint } = counting();
    expect(diskLintCache(dir, 'code-a').lint(DOC, CONTEXT, lint)[0]?.message).toBe('changed');
    expect(calls.n).toBe(0);
  });

  it('never caches a document linted with a function among its options', () => {
    const dir = freshDir();
    const { calls, lint } = counting();
    const context = { ...CONTEXT, options: { security: { parsePatch: (t: string) => t } } };
    diskLintCache(dir, 'code-a').lint(DOC, context, lint);
    diskLintCache(dir, 'code-a').lint(DOC, context, lint);
    expect(calls.n).toBe(2);
    expect(readdirSync(root).includes(path.basename(dir))).toBe(false);
  });

  it('lints uncached where the directory cannot be written, and fails nothing', () => {
    const blocker = path.join(root, `file-${dirs++}`);
    writeFileSync(blocker, '');
    const { calls, lint } = counting();
    const cache = diskLintCache(path.join(blocker, 'lint'), 'code-a');
    expect(cache.lint(DOC, CONTEXT, lint)).toEqual(FINDINGS);
    expect(cache.lint(DOC, CONTEXT, lint)).toEqual(FINDINGS);
    expect(calls.n).toBe(2);
  });

  it('keeps the newest entries and removes killed runs’ temporary files, at most once an hour', () => {
    const dir = freshDir();
    mkdirSync(dir, { recursive: true });
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    const leftover = path.join(dir, 'abc.json.123.deadbeef.tmp');
    writeFileSync(leftover, '{');
    utimesSync(leftover, old, old);
    const write = (i: number) => diskLintCache(dir, 'code-a', { maxEntries: 3 }).lint({ i }, CONTEXT, counting().lint);
    for (let i = 0; i < 5; i++) write(i);
    // The first write pruned (nothing to prune yet but the leftover); the others fell within the hour.
    expect(readdirSync(dir).includes(path.basename(leftover))).toBe(false);
    expect(entries(dir)).toHaveLength(5);
    const stamp = path.join(dir, 'pruned');
    utimesSync(stamp, old, old);
    for (const [i, name] of entries(dir).entries()) {
      const at = new Date(Date.now() - (10 - i) * 60_000);
      utimesSync(path.join(dir, name), at, at);
    }
    const newest = entries(dir).slice(-2);
    write(5);
    expect(entries(dir)).toHaveLength(3);
    expect(entries(dir)).toEqual(expect.arrayContaining(newest));
  });

  it("gives Argo's examples and the Burger Stack exactly the findings the lint gives them", () => {
    const docs = [...readableArgoDocuments(EXAMPLES_DIR), ...readableArgoDocuments(path.join(REPO_ROOT, 'generated'))];
    const templates = docs
      .map((d) => d.value)
      .filter((v) => /WorkflowTemplate$/.test(String((v as { kind?: unknown }).kind)));
    const context: LintContext = { templates, options: { argoVersion: '4.1', security: {} } };
    const fresh = (doc: unknown) => [...lintDocument(doc, { templates }), ...lintSecurity(doc, {})];
    const dir = freshDir();
    const stored = docs.map((d) => diskLintCache(dir, 'code-a').lint(d.value, context, () => fresh(d.value)));
    let linted = 0;
    const served = docs.map((d) =>
      diskLintCache(dir, 'code-a').lint(d.value, context, () => {
        linted++;
        return fresh(d.value);
      }),
    );
    expect(linted).toBe(0);
    expect(served).toEqual(stored);
    expect(served).toEqual(docs.map((d) => fresh(d.value)));
    // The corpus has findings of both severities, and subjects: the entries hold all of them.
    const all = served.flat();
    expect(new Set(all.map((i) => i.severity))).toEqual(new Set(['error', 'warning']));
    expect(all.some((i) => i.subject !== undefined)).toBe(true);
    expect(docs.length).toBeGreaterThan(200);
  });
});

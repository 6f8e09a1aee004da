import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';

/**
 * The step library and the DSL compile without the casts that switch the type checker off: `as never`,
 * `as unknown as X` and `as any`. A step's factory that casts its result to the type it promises would let an input
 * be renamed without a compile error (test/types/steps.test-d.ts would still pass, as it only sees the promise).
 * Found in the syntax tree, so comments and strings do not count.
 */
const SCANNED = ['packages/steps/src', 'packages/dsl/src'];

/**
 * The casts that stay, by file and count, each with its reason. None is in a factory a user calls: these are the
 * DSL's internals that build a value whose type TypeScript cannot express from the code that builds it. A count
 * that drops must be lowered here too, so that the list never allows more than is there.
 */
const ALLOWED: Readonly<Record<string, { readonly count: number; readonly why: string }>> = {
  'packages/dsl/src/render.ts': {
    count: 5,
    why:
      "renders the DSL's specs into Argo's generated (readonly) model objects field by field, through a plain record " +
      "so that user-chosen names such as '__proto__' stay own keys; synth() validates the result against Argo's schema",
  },
  'packages/dsl/src/item.ts': {
    count: 1,
    why: "a loop item's handle gets one property per key of the items, defined at run time: Item<T> is that mapping",
  },
  'packages/dsl/src/synth.ts': {
    count: 1,
    why: 'renders the tokens of any document, keeping its shape: a generic walk over a tree of unknown values',
  },
};

interface Cast {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(path.join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
    .sort();
}

/** `x as never`, `x as any`, `x as unknown as T` (or the `<T>x` forms): casts that check nothing. */
function isErasingCast(node: ts.Node): boolean {
  if (!ts.isAsExpression(node) && !ts.isTypeAssertionExpression(node)) return false;
  const kind = node.type.kind;
  if (kind === ts.SyntaxKind.NeverKeyword || kind === ts.SyntaxKind.AnyKeyword) return true;
  const inner = node.expression;
  return (
    (ts.isAsExpression(inner) || ts.isTypeAssertionExpression(inner)) &&
    inner.type.kind === ts.SyntaxKind.UnknownKeyword
  );
}

function castsIn(file: string, text: string): Cast[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const found: Cast[] = [];
  const visit = (node: ts.Node): void => {
    if (isErasingCast(node)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push({ file, line, text: node.getText(source).replace(/\s+/g, ' ') });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no casts that switch the type checker off', () => {
  const files = SCANNED.flatMap(typeScriptFiles);

  it('scans the step library and the DSL', () => {
    expect(files).toContain('packages/steps/src/kaniko.ts');
    expect(files).toContain('packages/dsl/src/template.ts');
  });

  it('finds such a cast in code, and not in comments or strings', () => {
    const probe = castsIn(
      'probe.ts',
      'const a = b as never; // c as never\nconst d = e as unknown as F; const s = "g as any";',
    );
    expect(probe.map((c) => [c.line, c.text])).toEqual([
      [1, 'b as never'],
      [2, 'e as unknown as F'],
    ]);
  });

  it('packages/steps/src and packages/dsl/src have none beyond the argued allow-list', () => {
    const unexpected: string[] = [];
    for (const file of files) {
      const casts = castsIn(file, readFileSync(path.join(REPO_ROOT, file), 'utf8'));
      const allowed = ALLOWED[file]?.count ?? 0;
      if (casts.length > allowed)
        unexpected.push(...casts.map((c) => `${c.file}:${c.line}: ${c.text} (${allowed} allowed in this file)`));
      else if (casts.length < allowed)
        unexpected.push(`${file}: ${casts.length} casts, the allow-list says ${allowed}: lower it`);
    }
    for (const file of Object.keys(ALLOWED))
      if (!files.includes(file)) unexpected.push(`${file}: in the allow-list but not found`);
    expect(unexpected).toEqual([]);
  });
});

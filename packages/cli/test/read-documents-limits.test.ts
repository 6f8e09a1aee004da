import { type ArgoGenError, isArgoGenError } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../src/yaml/go-value.js';
import { MAX_DOCUMENT_BYTES, readDocuments } from '../src/yaml/read-documents.js';

/** The one issue a refused file gives, as `file:line:col: message [code]`. */
function refusal(input: string | Uint8Array): string {
  try {
    readDocuments(input, 'f.yaml');
  } catch (error) {
    if (!isArgoGenError(error)) throw error;
    expect((error as ArgoGenError).issues).toHaveLength(1);
    return error.message;
  }
  throw new Error('expected the file to be refused');
}

const values = (text: string) => readDocuments(text, 'f.yaml').map((d) => d.value);

/** The billion laughs: ten levels of ten aliases each, 10^10 nodes if expanded. */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i <= 9; i++)
    lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

describe('the YAML reader refuses what Argo refuses, with one line', () => {
  it("refuses an alias bomb by go-yaml's own alias-expansion rule, without expanding it", () => {
    expect(refusal(aliasBomb())).toMatch(
      /^f\.yaml:\d+:\d+: document contains excessive aliasing .*\[yaml\/too-many-aliases\]$/,
    );
  });

  it('still expands ordinary aliases and merges', () => {
    expect(values('base: &b {image: alpine}\nx: *b\nz:\n  <<: *b\n  name: z\n')).toEqual([
      { base: { image: 'alpine' }, x: { image: 'alpine' }, z: { image: 'alpine', name: 'z' } },
    ]);
  });

  it('refuses a merge that repeats a key, as strict decoding does', () => {
    expect(refusal('b: &b {a: 1}\nx:\n  <<: *b\n  a: 2\n')).toMatch(
      /^f\.yaml:4:3: YAML duplicate key 'a'.*\[yaml\/duplicate-key\]$/,
    );
  });

  it('refuses keys that are equal for go-yaml (0x1 and 1, yes and on) and keys that collide only in JSON', () => {
    expect(refusal('0x1: a\n1: b\n')).toMatch(/^f\.yaml:2:1: YAML duplicate key '1'/);
    expect(refusal('yes: a\non: b\n')).toMatch(/^f\.yaml:2:1: YAML duplicate key 'true'/);
    expect(refusal('1: a\n"1": b\n')).toMatch(/two different YAML types .*random/);
  });

  it('refuses an alias of a node that contains it, and an unknown anchor', () => {
    expect(refusal('a: &a [*a]\n')).toMatch(/anchor 'a' value contains itself \[yaml\/recursive-alias\]$/);
    expect(refusal('a: *nope\n')).toMatch(/^f\.yaml:1:4: unknown anchor 'nope' referenced \[yaml\/unknown-anchor\]$/);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH} levels, in flow and in block style, at the place it happens`, () => {
    const flow = `a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`;
    expect(refusal(flow)).toMatch(/^f\.yaml:1:\d+: nesting deeper than 500 levels .*\[yaml\/too-deep\]$/);
    const block = Array.from({ length: MAX_DEPTH + 1 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(refusal(`${block} x\n`)).toMatch(/\[yaml\/too-deep\]$/);
    // Argo's reader stops at 10000; far beyond it is refused the same way, not with a crash.
    expect(refusal(`${'['.repeat(100_000)}`)).toMatch(/\[yaml\/too-deep\]$/);
    expect(values(`a: ${'['.repeat(MAX_DEPTH - 2)}${']'.repeat(MAX_DEPTH - 2)}\n`)).toHaveLength(1);
  });

  it('refuses nesting that aliases build up beyond the limit', () => {
    const deep = `${'['.repeat(300)}${']'.repeat(300)}`;
    expect(
      refusal(`a: &a ${deep}\nb: &b [*a]\nc: &c [[*b, *b]]\nd: [*c]\ne: ${'['.repeat(250)}*a${']'.repeat(250)}\n`),
    ).toMatch(/\[yaml\/too-deep\]$/);
  });

  it('refuses a document larger than 16 MiB before parsing it, and reads the documents of a large file one by one', () => {
    const big = `a: 1\n---\nb: ${'x'.repeat(MAX_DOCUMENT_BYTES)}\n`;
    expect(refusal(big)).toBe(
      'f.yaml:3:1: a 16.0 MiB document: argo-gen reads documents up to 16 MiB (Kubernetes takes objects up to 3 MiB) [yaml/document-too-large]',
    );
    const many = Array.from({ length: 3 }, (_, i) => `n${i}: ${'y'.repeat(MAX_DOCUMENT_BYTES / 2)}`).join('\n---\n');
    expect(readDocuments(many, 'f.yaml')).toHaveLength(3);
  });

  it('refuses invalid UTF-8 with the line and column of the first bad byte', () => {
    const bytes = new Uint8Array([...Buffer.from('a: 1\nb: x'), 0xff, ...Buffer.from('y\n')]);
    expect(refusal(bytes)).toBe('f.yaml:2:5: invalid UTF-8 (go-yaml refuses it) [yaml/invalid-utf8]');
    expect(refusal(new Uint8Array([...Buffer.from('a: '), 0xe2, 0x82]))).toMatch(/^f\.yaml:1:4: invalid UTF-8/);
    expect(values('a: "é ✓ 😀"\n')).toEqual([{ a: 'é ✓ 😀' }]);
  });

  it('refuses control characters, as go-yaml does', () => {
    expect(refusal('a: "x\u0007"\n')).toBe(
      'f.yaml:1:6: control character U+0007 is not allowed in YAML (go-yaml refuses it) [yaml/control-character]',
    );
  });

  it("quotes at most a bounded prefix of the user's text in a message", () => {
    const long = 'x'.repeat(5000);
    for (const text of [`a: !!int ${long}\n`, `a: *${long}\n`, `a: b\n${long}\n`, `${long}: 1\n${long}: 2\n`]) {
      expect(refusal(text).length).toBeLessThan(300);
    }
  });

  it('refuses values and keys that have no JSON form', () => {
    expect(refusal('a: .inf\n')).toMatch(/^f\.yaml:1:4: \+Inf has no JSON form.*\[yaml\/unsupported-value\]$/);
    expect(refusal('null: x\n')).toMatch(/^f\.yaml:1:1: a null map key has no JSON form.*\[yaml\/unsupported-key\]$/);
  });
});

describe('the YAML reader accepts what go-yaml accepts', () => {
  it("reads quoted scalars and flow collections continued at or below their key's indentation", () => {
    const text = 'spec:\n  args: ["\n    cd /src &&\n    make\n  "]\n  msg: "one\ntwo"\n  list: [a,\nb]\n';
    expect(values(text)).toEqual([{ spec: { args: [' cd /src && make '], msg: 'one two', list: ['a', 'b'] } }]);
  });

  it('keeps line and column of every node on and after the corrected lines', () => {
    const [doc] = readDocuments('a:\n  b: [x,\ny, {z: 1}]\n  c: 2\n', 'f.yaml');
    expect(doc?.locate('/a/b/1')).toEqual({ file: 'f.yaml', line: 3, column: 1 });
    expect(doc?.locate('/a/b/2/z')).toEqual({ file: 'f.yaml', line: 3, column: 5 });
    expect(doc?.locate('/a/c')).toEqual({ file: 'f.yaml', line: 4, column: 3 });
  });

  it('reads a lone - in a flow collection as the string "-"', () => {
    expect(values('command: [cat, -]\n')).toEqual([{ command: ['cat', '-'] }]);
  });

  it('splits as Argo does, so a block scalar that ends a document has no final line break', () => {
    expect(values('a: |\n  x\n---\nb: |\n  y\n')).toEqual([{ a: 'x' }, { b: 'y\n' }]);
  });

  it('resolves YAML 1.1 scalars as go-yaml does', () => {
    expect(values('[0o17, 0b101, 1__0, .5_0, y, 0x_1F, 08, 1e3, 9223372036854775808, 1e400, +.5, "0755"]\n')).toEqual([
      [15, 5, 10, 0.5, true, 31, 8, 1000, 2 ** 63, '1e400', 0.5, '0755'],
    ]);
    expect(values('1.5: a\n1e6: b\n0.1: c\ntrue: d\n7: e\n')).toEqual([
      { '1.5': 'a', '1e+06': 'b', '0.1': 'c', true: 'd', '7': 'e' },
    ]);
  });

  it('keeps a __proto__ key as an ordinary field', () => {
    const [v] = values('__proto__: {polluted: true}\n') as Record<string, unknown>[];
    expect(Object.keys(v ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

import { isArgoGenError } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../src/yaml/read-documents.js';

const values = (text: string) => readDocuments(text, 'x.yaml').map((d) => d.value);

describe('readDocuments reads YAML the way Argo (go-yaml v2, YAML 1.1) does', () => {
  it('reads every document of a multi-document file and drops a trailing empty one', () => {
    expect(values('a: 1\n---\nb: 2\n---\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it('reads octal modes, 1.1 booleans (keys too: `n` is false), and keeps dates, times and a lone dot as strings', () => {
    expect(values('mode: 0755\non: yes\nn: n\nday: 2024-01-01\nt: 12:30:00\nargs: [".", .]\nf: .5\n')).toEqual([
      { mode: 493, true: true, false: false, day: '2024-01-01', t: '12:30:00', args: ['.', '.'], f: 0.5 },
    ]);
  });

  it('fails loudly on a syntax error, with line and column', () => {
    try {
      readDocuments('a: 1\nb: [1, 2\nc: 3\n', 'bad.yaml');
      expect.unreachable('must throw');
    } catch (error) {
      if (!isArgoGenError(error)) throw error;
      expect(error.issues[0]?.source).toMatchObject({ file: 'bad.yaml', line: 3, column: 1 });
      expect(error.issues[0]?.message).toMatch(/^YAML syntax error: /);
    }
  });

  it('refuses duplicate keys, as strict decoding does', () => {
    expect(() => readDocuments('a: 1\na: 2\n', 'dup.yaml')).toThrow(/dup.yaml:2:1: YAML duplicate key/);
  });

  it('locates JSON pointers: keys for fields, the parent when the node is absent', () => {
    const [doc] = readDocuments('spec:\n  templates:\n    - name: m\n      contianer:\n        image: a\n', 'f.yaml');
    expect(doc?.locate('/spec/templates/0/contianer')).toEqual({ file: 'f.yaml', line: 4, column: 7 });
    expect(doc?.locate('/spec/templates/0/missing')).toEqual({ file: 'f.yaml', line: 3, column: 7 });
    expect(doc?.locate('')).toEqual({ file: 'f.yaml', line: 1, column: 1 });
  });
});

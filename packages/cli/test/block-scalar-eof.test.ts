import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { synth, toYaml } from '@argo-gen/dsl';
import { describe, expect, it } from 'vitest';
// The library path is what toYaml falls back to; both must write the same.
import { toYamlWithLibrary } from '../../dsl/src/yaml.js';
import { run } from '../src/program.js';
import { readDocuments } from '../src/yaml/read-documents.js';

// A block scalar that ends the file without a final newline: go-yaml (Argo's reader) clips it to no line break at
// all, so Argo runs `echo a\necho b`, not `echo a\necho b\n`. Import, and the DSL's YAML written from it, must agree.
const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const YAML = [
  'apiVersion: argoproj.io/v1alpha1',
  'kind: Workflow',
  'metadata:',
  '  generateName: eof-',
  'spec:',
  '  entrypoint: main',
  '  templates:',
  '    - name: main',
  '      script:',
  '        image: alpine:3.20',
  '        command: [sh]',
  '        source: |',
  '          echo a',
  '          echo b', // no final newline
].join('\n');

type Doc = { spec: { templates: { script: { source: string } }[] } };
const sourceOf = (doc: unknown) => (doc as Doc).spec.templates[0]?.script.source;

describe('a block scalar at the end of a file without a final newline', () => {
  it('reads as go-yaml reads it: no line break added', () => {
    expect(sourceOf(readDocuments(YAML, 'eof.yaml')[0]?.value)).toBe('echo a\necho b');
    expect(sourceOf(readDocuments(`${YAML}\n`, 'eof.yaml')[0]?.value)).toBe('echo a\necho b\n');
  });

  it('survives YAML → import → TypeScript → synth → YAML (both emitters, written |-) and reads back the same', async () => {
    mkdirSync(path.join(REPO, '.cache'), { recursive: true });
    const dir = mkdtempSync(path.join(REPO, '.cache/import-eof-'));
    try {
      writeFileSync(path.join(dir, 'eof.yaml'), YAML);
      const io = { stdout: () => {}, stderr: (t: string) => expect(t).toBe(''), isTTY: false, cwd: dir };
      expect(await run(['import', 'eof.yaml', '-o', 'ts'], io)).toBe(0);
      const ts = path.join(dir, 'ts/eof.ts');
      expect(readFileSync(ts, 'utf8')).toContain('echo a\necho b`,'); // a template literal, no line break at its end
      const mod = (await import(ts)) as { default: Parameters<typeof synth>[0] };
      const doc = synth(mod.default);
      expect(sourceOf(doc)).toBe('echo a\necho b');
      for (const emitted of [toYaml(doc), toYamlWithLibrary(doc)]) {
        expect(emitted).toContain('source: |-\n');
        // Read back as Argo would, both as written and with the final newline a file usually has removed.
        expect(sourceOf(readDocuments(emitted, 'out.yaml')[0]?.value)).toBe('echo a\necho b');
        expect(sourceOf(readDocuments(emitted.trimEnd(), 'out.yaml')[0]?.value)).toBe('echo a\necho b');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

// How a run's TypeScript modules behave as modules, whatever form they are compiled into: each is evaluated once and
// shared, in import order, with its own errors (a bad import included) named at its own file.

afterAll(removeProjects);

const IMPORTS = "import { container, workflowTemplate, inputs, param } from '@argo-gen/dsl';\n";
/** A template whose parameter `seen`'s default is `value` (an expression of the module). */
const template = (name: string, value: string) =>
  `${IMPORTS}const i = inputs({ seen: param.string({ default: ${value} }) });\n` +
  `export default workflowTemplate('${name}', { entrypoint: container('main', { image: 'alpine:3.20', args: ['echo', i.seen] }, { inputs: i }) });\n`;

/** The default of parameter `seen` in a generated file. */
const seenIn = (dir: string, file: string) =>
  /default: "?([^"\n]*)"?\n/.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1];

describe("a run's modules", () => {
  it('evaluates a module that two templates import once, before both, and they share its values', () => {
    const dir = project({
      'lib/shared.ts':
        'const g = globalThis as { evaluations?: string[] };\n' +
        "g.evaluations = [...(g.evaluations ?? []), 'shared'];\nexport const registry: string[] = [];\n",
      'templates/a.ts': `import { registry } from '../lib/shared';\nregistry.push('a');\n${template('a', "registry.join('+')")}`,
      'templates/b.ts':
        `import { registry } from '../lib/shared';\nregistry.push('b');\n` +
        `const g = globalThis as { evaluations?: string[] };\n` +
        template('b', "registry.join('+') + ' after ' + (g.evaluations ?? []).join(',')"),
    });
    const r = runBuiltCli(['generate', '--security', 'off'], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(seenIn(dir, 'generated/a.yaml')).toBe('a');
    expect(seenIn(dir, 'generated/b.yaml')).toBe('a+b after shared');
  });

  it('runs top-level await in a module and in a module it imports', () => {
    const dir = project({
      'lib/slow.ts': 'export const value = await Promise.resolve(41).then((n) => n + 1);\n',
      'templates/a.ts': `import { value } from '../lib/slow';\nconst v = await Promise.resolve(String(value));\n${template('a', 'v')}`,
    });
    expect(runBuiltCli(['generate', '--security', 'off'], dir)).toMatchObject({ code: 0, stderr: '' });
    expect(seenIn(dir, 'generated/a.yaml')).toBe('42');
  });

  it("gives each module its source file's import.meta.url, filename and dirname, and keeps its lines", () => {
    const dir = project({
      'templates/values.json': '{"replicas": "3"}\n',
      'lib/where.ts': 'export const libUrl = import.meta.url;\n',
      'templates/a.ts':
        "import { readFileSync, realpathSync } from 'node:fs';\nimport { libUrl } from '../lib/where';\n" +
        "const values = JSON.parse(readFileSync(new URL('./values.json', import.meta.url), 'utf8'));\n" +
        template('a', "[values.replicas, import.meta.filename, import.meta.dirname, libUrl].join(' ')"),
      'templates/b.ts': `#!/usr/bin/env node\nconst here = import.meta.url;\n\nthrow new Error(here);\n`,
    });
    const r = runBuiltCli(['generate', '--security', 'off', 'templates/a.ts'], dir);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const [replicas, filename, dirname, libUrl] = (seenIn(dir, 'generated/a.yaml') as string).split(' ');
    expect(replicas).toBe('3');
    expect(filename).toBe(realpathSync(path.join(dir, 'templates', 'a.ts')));
    expect(dirname).toBe(realpathSync(path.join(dir, 'templates')));
    expect(libUrl).toBe(pathToFileURL(realpathSync(path.join(dir, 'lib', 'where.ts'))).href);
    // A module with a hashbang keeps it first, and its lines: the error is at line 4, column 7.
    const b = runBuiltCli(['generate', 'templates/b.ts'], dir);
    expect(b.stderr).toBe(
      `templates/b.ts:4:7: cannot load: ${pathToFileURL(realpathSync(path.join(dir, 'templates', 'b.ts'))).href} [input/module-failed]\n1 problem(s); nothing was written\n`,
    );
  });

  it('names the module that imports a package that is not installed, and loads the others', () => {
    const dir = project({
      'templates/a-good.ts': template('good', "'x'"),
      'templates/b-bad.ts': `import { nothing } from 'argo-gen-no-such-package';\n${template('bad', 'String(nothing)')}`,
      'templates/c-throws.ts': `${IMPORTS}\nthrow new Error('boom');\n`,
    });
    const r = runBuiltCli(['generate', '--security', 'off'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^templates\/b-bad\.ts: cannot load: Cannot find package 'argo-gen-no-such-package' imported from .* \[input\/module-failed\]$/,
      ),
      'templates/c-throws.ts:3:7: cannot load: boom [input/module-failed]',
      '2 problem(s); nothing was written',
      '',
    ]);
  });
});

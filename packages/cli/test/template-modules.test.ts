import { readFileSync } from 'node:fs';
import path from 'node:path';
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

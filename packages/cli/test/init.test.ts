import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectCi, packageName, planInit, scaffoldFiles } from '../src/init/scaffold.js';
import { readScaffoldData } from '../src/scaffold-data.js';
import { runCli } from './run-cli.js';
import { project, removeProjects } from './scratch-project.js';

afterAll(removeProjects);

const DATA = readScaffoldData();
const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

describe('the scaffold (pure)', () => {
  it('holds a repository: manifest, config, tsconfig, template, its YAML, git attributes, README, one CI job', () => {
    const paths = (ci: 'github' | 'gitlab') =>
      scaffoldFiles(DATA, { name: 'team', version: '1.2.3', ci }).map((f) => f.path);
    const common = [
      'package.json',
      'argo-gen.config.ts',
      'tsconfig.json',
      'templates/hello.ts',
      '.gitattributes',
      '.gitignore',
      'README.md',
      'generated/hello.yaml',
    ];
    expect(paths('github')).toEqual([...common, '.github/workflows/argo-gen.yml']);
    expect(paths('gitlab')).toEqual([...common, '.gitlab-ci.yml']);
  });

  it('asks for one version of every argo-gen package, the CLI as a tool', () => {
    const files = scaffoldFiles(DATA, { name: 'team', version: '1.2.3', ci: 'github' });
    const manifest = JSON.parse(files.find((f) => f.path === 'package.json')?.content ?? '');
    expect(manifest.name).toBe('team');
    expect(manifest.dependencies).toEqual({ '@argo-gen/dsl': '1.2.3', '@argo-gen/steps': '1.2.3' });
    expect(manifest.devDependencies['@argo-gen/cli']).toBe('1.2.3');
  });

  it('runs argo-gen check in each CI job, and marks generated/ as generated', () => {
    for (const ci of ['github', 'gitlab'] as const) {
      const job = scaffoldFiles(DATA, { name: 't', version: '1', ci }).at(-1)?.content ?? '';
      expect(job).toMatch(/^\s*- (?:run: )?npx argo-gen check$/m);
    }
    expect(DATA.gitattributes).toMatch(/^generated\/\*\* linguist-generated=true$/m);
  });

  it('detects the CI from the repository, GitHub when nothing says', () => {
    const has =
      (...names: string[]) =>
      (p: string) =>
        names.includes(p);
    expect(detectCi(has('.gitlab-ci.yml'), undefined)).toBe('gitlab');
    expect(detectCi(has('.github'), '[remote "origin"]\n\turl = git@gitlab.example.com:t/r.git')).toBe('github');
    expect(detectCi(has(), '[remote "origin"]\n\turl = git@gitlab.example.com:t/r.git')).toBe('gitlab');
    expect(detectCi(has(), '[remote "origin"]\n\turl = https://github.com/t/r.git')).toBe('github');
    expect(detectCi(has(), undefined)).toBe('github');
  });

  it('names the package after its directory, as npm allows', () => {
    expect(packageName('My Team_Workflows')).toBe('my-team_workflows');
    expect(packageName('.hidden')).toBe('hidden');
    expect(packageName('@@@')).toBe('argo-workflows');
  });

  it('keeps every existing file, and the YAML of a template the team already has', () => {
    const files = scaffoldFiles(DATA, { name: 't', version: '1', ci: 'github' });
    const plan = planInit(files, (p) => p === 'README.md' || p === 'templates/hello.ts');
    expect(plan.kept).toEqual(['templates/hello.ts', 'README.md', 'generated/hello.yaml']);
    expect(plan.write.map((f) => f.path)).not.toContain('generated/hello.yaml');
  });
});

describe('argo-gen init', () => {
  it('scaffolds a repository whose generated YAML is current and passes the strict security lint', async () => {
    // Inside the workspace, so that the template's @argo-gen imports resolve as after `npm install`.
    const dir = project({});
    const init = await runCli(['init', '--ci', 'gitlab'], dir);
    expect(init.stderr).toBe('');
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('created .gitlab-ci.yml\n');
    expect(init.stdout).toMatch(/9 file\(s\) created in \. \(CI: gitlab\); next: npm install && npx argo-gen check\n$/);
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).devDependencies['@argo-gen/cli']).toBe(
      VERSION,
    );
    expect(await runCli(['check'], dir)).toMatchObject({ code: 0, stdout: '1 generated file(s) are up to date\n' });
    const strict = await runCli(['validate', 'generated', '--security', 'strict'], dir);
    expect(strict).toMatchObject({ code: 0, stderr: '' });
    expect(strict.stdout).toContain('1 valid, 0 invalid');
  });

  it('never overwrites: a second run names every file it left alone and changes nothing', async () => {
    const dir = project({ 'README.md': '# ours\n' });
    const first = await runCli(['init', 'repo'], dir);
    expect(first.code).toBe(0);
    const sub = path.join(dir, 'repo');
    writeFileSync(path.join(sub, 'templates', 'hello.ts'), '// edited\n');
    const before = scaffoldFiles(DATA, { name: 'repo', version: VERSION, ci: 'github' }).map((f) =>
      readFileSync(path.join(sub, f.path), 'utf8'),
    );
    const again = await runCli(['init', 'repo'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('left alone templates/hello.ts (it exists)\n');
    expect(again.stdout).toContain('left alone .github/workflows/argo-gen.yml (it exists)\n');
    expect(again.stdout).toMatch(/nothing to do: every file of the scaffold exists in repo\n$/);
    const after = scaffoldFiles(DATA, { name: 'repo', version: VERSION, ci: 'github' }).map((f) =>
      readFileSync(path.join(sub, f.path), 'utf8'),
    );
    expect(after).toEqual(before);
    // Into a directory with files of its own: they stay, and the output says so.
    const own = await runCli(['init'], dir);
    expect(own.stdout).toContain('left alone README.md (it exists)\n');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# ours\n');
  });
});

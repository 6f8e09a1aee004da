import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';

// A team repository outside the workspace, as a person with Node 20 and an empty directory makes it: the packages
// come from `pnpm pack` tarballs (what a registry serves; no workspace links), `npx argo-gen init` scaffolds the
// repository, `npm install` installs it, and the CLI runs from node_modules/.bin. Needs `pnpm build` first (the test
// command builds) and the npm registry for the third-party dependencies; npm's cache under .cache/npm-cache keeps
// repeated runs warm.
// `argo-gen` is the unscoped package that makes `npx argo-gen init` work as it reads (packages/argo-gen).
const PUBLISHED = ['model', 'dsl', 'steps', 'kube', 'import', 'simulate', 'cli', 'argo-gen'];
const CACHE = path.join(REPO_ROOT, '.cache');
mkdirSync(CACHE, { recursive: true });
const base = mkdtempSync(path.join(CACHE, 'team-repo-'));
const team = path.join(base, 'team');
// Removing an installed node_modules takes a while on a busy machine.
afterAll(() => {
  rmSync(base, { recursive: true, force: true });
  // npx installed the tarballs into its own directory of the npm cache, keyed by their paths: this run's only.
  const npx = path.join(CACHE, 'npm-cache', '_npx');
  for (const d of existsSync(npx) ? readdirSync(npx) : []) {
    const manifest = path.join(npx, d, 'package.json');
    if (existsSync(manifest) && readFileSync(manifest, 'utf8').includes(base)) {
      rmSync(path.join(npx, d), { recursive: true, force: true });
    }
  }
}, 300_000);

/** The environment of a team's shell: none of the npm_* variables a workspace script runner may have set. */
const ENV = {
  ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_|^pnpm_/i.test(k))),
  npm_config_cache: path.join(CACHE, 'npm-cache'),
  npm_config_prefer_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sh(command: string, args: readonly string[], cwd = team): Run {
  const r = spawnSync(command, args, { cwd, env: ENV, encoding: 'utf8', timeout: 600_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const argoGen = (...args: string[]) => sh(path.join(team, 'node_modules', '.bin', 'argo-gen'), args);

let tarballs: string[] = [];
let init: Run;

beforeAll(() => {
  const packs = path.join(base, 'packs');
  for (const p of PUBLISHED) {
    execFileSync('pnpm', ['pack', '--pack-destination', packs], { cwd: path.join(REPO_ROOT, 'packages', p), env: ENV });
  }
  tarballs = readdirSync(packs).map((f) => path.join(packs, f));
  mkdirSync(team);
  // npx fetches the CLI (and the packages it depends on, which no registry serves yet) and runs its bin.
  init = sh('npx', ['--yes', ...tarballs.flatMap((t) => ['--package', t]), 'argo-gen', 'init']);
  if (init.code !== 0) throw new Error(`npx argo-gen init failed:\n${init.stdout}${init.stderr}`);
  // The scaffold asks for @argo-gen/* by version; naming the tarballs makes npm take them instead of the registry.
  const install = sh('npm', ['install', ...tarballs]);
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stdout}${install.stderr}`);
}, 1_200_000);

// Each step runs whole processes (tsc, npx, the CLI); a busy machine can take minutes where an idle one takes seconds.
describe('a team repository from the packed packages', { timeout: 600_000 }, () => {
  it('npx argo-gen init scaffolded it, with the GitHub job as nothing said otherwise', () => {
    expect(init.stdout).toContain('created .github/workflows/argo-gen.yml\n');
    expect(init.stdout).toMatch(/9 file\(s\) created in \. \(CI: github\)/);
    for (const f of ['package.json', 'tsconfig.json', 'argo-gen.config.ts', 'templates/hello.ts', '.gitattributes']) {
      expect(existsSync(path.join(team, f)), f).toBe(true);
    }
    // Installed from the tarballs, not linked: real directories in node_modules.
    expect(readFileSync(path.join(team, 'node_modules/@argo-gen/dsl/package.json'), 'utf8')).toContain('"version"');
    expect(existsSync(path.join(team, 'node_modules/@argo-gen/dsl/src'))).toBe(true);
  });

  it('type-checks (tsc --noEmit, library declarations included) and check passes on the scaffold as written', () => {
    const tsc = sh(path.join(team, 'node_modules', '.bin', 'tsc'), ['--noEmit']);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.code).toBe(0);
    expect(argoGen('check')).toMatchObject({ code: 0, stdout: '1 generated file(s) are up to date\n' });
  });

  it('edit the template: check fails naming the file, generate rewrites it, check passes', () => {
    const file = path.join(team, 'templates', 'hello.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('echo "hello $WHO"', 'echo "hi $WHO"'));
    const stale = argoGen('check');
    expect(stale.code).toBe(1);
    expect(stale.stdout + stale.stderr).toContain('generated/hello.yaml');
    expect(argoGen('generate')).toMatchObject({ code: 0, stdout: expect.stringContaining('1 changed') });
    expect(readFileSync(path.join(team, 'generated', 'hello.yaml'), 'utf8')).toContain('echo "hi $WHO"');
    expect(argoGen('check')).toMatchObject({ code: 0, stdout: '1 generated file(s) are up to date\n' });
  });

  it('a template of the team: generate, check, validate and graph', () => {
    writeFileSync(path.join(team, 'templates', 'release.ts'), RELEASE);
    expect(argoGen('generate')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('created generated/release.yaml'),
    });
    expect(argoGen('check')).toMatchObject({ code: 0, stdout: '2 generated file(s) are up to date\n' });
    const validate = argoGen('validate', 'generated', 'templates/release.ts');
    expect(validate).toMatchObject({ code: 0, stdout: expect.stringContaining('3 valid, 0 invalid') });
    const graph = argoGen('graph', 'templates/release.ts');
    expect(graph.code).toBe(0);
    expect(graph.stdout).toContain('n0["build"]');
    expect(graph.stdout).toContain('n0 --> n1');
    // Through the package's bin, as a person types it.
    expect(sh('npx', ['argo-gen', 'check'])).toMatchObject({ code: 0 });
  });

  it("a stack trace through the packages' bundles names their TypeScript, which they ship", () => {
    writeFileSync(
      path.join(team, 'stack.mjs'),
      "import { synth } from '@argo-gen/dsl';\ntry { synth(undefined); } catch (e) { console.log(e.stack); }\n",
    );
    const out = sh(process.execPath, ['--enable-source-maps', 'stack.mjs']).stdout;
    const frame = /\((\S+[/\\]node_modules[/\\]@argo-gen[/\\]dsl[/\\]src[/\\]\S+\.ts):\d+:\d+\)/.exec(out);
    expect(frame, out).not.toBeNull();
    expect(existsSync(frame?.[1] as string)).toBe(true);
  });
});

const RELEASE = `import { dag, task, workflowTemplate } from '@argo-gen/dsl';
import { kaniko, kubectl } from '@argo-gen/steps';

const build = task(
  'build',
  kaniko({
    name: 'build',
    context: { git: { url: 'https://git.example.com/shop/web.git' } },
    destinations: ['registry.example.com/shop/web'],
    registrySecret: 'regcred',
  }),
);
const deploy = task('deploy', kubectl.setImage({ workload: { name: 'web', namespace: 'shop' }, serviceAccountName: 'deployer' }), {
  args: { image: build.outputs.parameters.image },
});

export default workflowTemplate('release', {
  entrypoint: dag('main', [build, deploy]),
  spec: { executor: { serviceAccountName: 'argo-executor' } },
});
`;

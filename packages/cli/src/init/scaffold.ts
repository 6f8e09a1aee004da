/**
 * What `argo-gen init` writes into a team repository, decided without touching the disk: the command reads the
 * scaffold's data files (packages/cli/scaffold/) and what already exists, and writes what this returns.
 */

/** Where the repository's CI runs: the job that runs `argo-gen check` is written for it. */
export type CiProvider = 'github' | 'gitlab';

export const CI_PROVIDERS: readonly CiProvider[] = ['github', 'gitlab'];

/** A file of the scaffold: its path in the team repository (forward slashes) and its text. */
export interface ScaffoldFile {
  readonly path: string;
  readonly content: string;
  /** For generated YAML: the template it was generated from, without which it is not written. */
  readonly from?: string;
}

/**
 * The scaffold's data files, by their name in packages/cli/scaffold/. Dotfiles are stored without their dot (npm
 * leaves a package's `.gitignore` out of its tarball), and each CI job under ci/.
 */
export type ScaffoldData = Readonly<Record<string, string>>;

export interface ScaffoldOptions {
  /** The team repository's package name. */
  readonly name: string;
  /** The version of the argo-gen packages: they are released together and must match. */
  readonly version: string;
  readonly ci: CiProvider;
}

const CI_FILE: Readonly<Record<CiProvider, string>> = {
  github: '.github/workflows/argo-gen.yml',
  gitlab: '.gitlab-ci.yml',
};

/** Data file → path in the team repository, for the files copied as they are. */
const COPIED: Readonly<Record<string, string>> = {
  'argo-gen.config.ts': 'argo-gen.config.ts',
  'tsconfig.json': 'tsconfig.json',
  'templates/hello.ts': 'templates/hello.ts',
  gitattributes: '.gitattributes',
  gitignore: '.gitignore',
  'README.md': 'README.md',
};

/** The versions of the tools the scaffold's package.json names besides argo-gen (the ones this repository uses). */
const TYPESCRIPT = '6.0.3';
const NODE_TYPES = '^20.19.0';

/** Every file of the scaffold, in a fixed order. */
export function scaffoldFiles(data: ScaffoldData, options: ScaffoldOptions): ScaffoldFile[] {
  const copied = Object.entries(COPIED).map(([from, to]) => ({ path: to, content: required(data, from) }));
  return [
    { path: 'package.json', content: packageJson(options) },
    ...copied,
    // The YAML generated from templates/hello.ts (kept current by test/init-scaffold.test.ts).
    { path: 'generated/hello.yaml', content: required(data, 'generated/hello.yaml'), from: 'templates/hello.ts' },
    { path: CI_FILE[options.ci], content: required(data, `ci/${options.ci}.yml`) },
  ];
}

function required(data: ScaffoldData, name: string): string {
  const text = data[name];
  // The data ships in the package beside the code: a missing file is a broken package, not a user's mistake.
  if (text === undefined) throw new Error(`the argo-gen scaffold has no ${name}`);
  return text;
}

function packageJson({ name, version }: ScaffoldOptions): string {
  const manifest = {
    name,
    private: true,
    type: 'module',
    scripts: {
      generate: 'argo-gen generate',
      check: 'argo-gen check',
      validate: 'argo-gen validate generated',
      typecheck: 'tsc --noEmit',
    },
    engines: { node: '>=20.19' },
    dependencies: { '@argo-gen/dsl': version, '@argo-gen/steps': version },
    devDependencies: { '@argo-gen/cli': version, '@types/node': NODE_TYPES, typescript: TYPESCRIPT },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The CI a repository already uses: GitLab's file or a git remote on GitLab, else GitHub Actions. */
export function detectCi(exists: (path: string) => boolean, gitConfig: string | undefined): CiProvider {
  if (exists('.gitlab-ci.yml')) return 'gitlab';
  if (exists('.github')) return 'github';
  return /^\s*url\s*=.*gitlab/im.test(gitConfig ?? '') ? 'gitlab' : 'github';
}

/** A directory name as an npm package name: lower case, only the characters npm allows, never empty. */
export function packageName(directory: string): string {
  const name = directory
    .toLowerCase()
    .replace(/[^a-z0-9._~-]+/g, '-')
    .replace(/^[._-]+|-+$/g, '');
  return name === '' ? 'argo-workflows' : name;
}

export interface InitPlan {
  /** Files to write: none of them exists yet. */
  readonly write: readonly ScaffoldFile[];
  /** Files that exist and are left as they are, whatever they hold. */
  readonly kept: readonly string[];
}

/**
 * Never overwrites: an existing file is kept, so a second run writes nothing. Generated YAML is written only with its
 * template: beside a template of the team's own, ours would be stale.
 */
export function planInit(files: readonly ScaffoldFile[], exists: (path: string) => boolean): InitPlan {
  const keep = (f: ScaffoldFile) => exists(f.path) || (f.from !== undefined && exists(f.from));
  return {
    write: files.filter((f) => !keep(f)),
    kept: files.filter(keep).map((f) => f.path),
  };
}

import { readFileSync, realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ArgoGenError, issue } from '@argo-gen/model';
import type { Plugin } from 'esbuild';
import { importUrl, loadEsbuild } from '../lazy-modules.js';
import { nearestNodeModules } from '../nearest-node-modules.js';
import { type BuildResult, cachedBuild, sha256 } from './compile-cache.js';
import { withinModuleBound } from './module-bound.js';

/**
 * Node 20 cannot run TypeScript. Registering a loader (tsx) costs ~0.2 s and every module then crosses a worker
 * thread, which dominated `argo-gen generate`. Instead, all the modules of a run are compiled at once with esbuild
 * into one ES module (the bundle) under the nearest node_modules/.cache, so that its bare imports (`@argo-gen/dsl`)
 * resolve as they would from the sources. Inline source maps keep stack traces, and therefore the DSL's recorded
 * source locations, on the .ts lines. Builds are cached by the content of every file that went into them
 * (compile-cache.ts): a run over unchanged modules does not start esbuild at all.
 *
 * In the bundle each local module is evaluated when first imported (esbuild's lazy module wrappers), once, its own
 * imports first, so that a module imported by two files stays one object and a module that throws fails alone, as
 * ES modules do. One file instead of one per module and shared chunk is what makes it worth it: Node 20's loader
 * resolves, links and source-maps every file it loads, ~25 ms of the Burger Stack's ten templates and nine chunks
 * (docs/benchmarks.md). The bundle imports every package any of its modules imports, when it is loaded: when that
 * fails (a package not installed), the run's modules are compiled again, one ES module each with shared chunks
 * (the files form), and imported one by one, so that the failure is the module's that imports the package, as before.
 */
const compiled = new Map<string, CompiledSet>();

/** A compile of some modules: its bundle, and its modules one file each once the bundle has failed to load. */
interface CompiledSet {
  /** The node_modules whose .cache holds the compiled code. */
  readonly modules: string;
  readonly entries: readonly string[];
  readonly bundle: string;
  /** Set when the first of its modules is imported. */
  load?: Promise<Load>;
}

/** The bundle's one export: each entry module (by absolute path) → a function that evaluates it, once. */
const LOADERS_EXPORT = 'modules';
const BUNDLE_FILE = 'modules.mjs';

/** What each module's `import.meta` members read instead (withOwnImportMeta). */
const MODULE_META = {
  'import.meta.url': '__argoGenMetaUrl',
  'import.meta.filename': '__argoGenMetaFilename',
  'import.meta.dirname': '__argoGenMetaDirname',
} as const;

const COMMON_OPTIONS = {
  bundle: true,
  packages: 'external',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  // Stack traces need the positions only; the sources are on disk (for a debugger too).
  sourcesContent: false,
  metafile: true,
  logLevel: 'silent',
  // Ignore tsconfig `paths`: package imports must resolve as Node resolves them at run time (one copy of each).
  tsconfigRaw: {},
  define: MODULE_META,
} as const;
/** The two forms a run's modules are compiled into (see the top): esbuild's options for each. */
const FORMS = {
  bundle: COMMON_OPTIONS,
  files: { ...COMMON_OPTIONS, splitting: true, outExtension: { '.js': '.mjs' } },
} as const;
type Form = keyof typeof FORMS;

/** What makes a cached build stale besides its inputs: the compiler's version and options. */
function compilerFingerprint(form: Form): unknown {
  const require = createRequire(import.meta.url);
  const { version } = JSON.parse(readFileSync(require.resolve('esbuild/package.json'), 'utf8')) as { version: string };
  return { esbuild: version, form, options: FORMS[form] };
}

const isTypeScript = (f: string) => /\.[mc]?tsx?$/.test(f) && !f.endsWith('.d.ts');

export async function compileTypeScript(files: readonly string[]): Promise<void> {
  const entries = [...new Set(files.map((f) => path.resolve(f)))].filter((f) => isTypeScript(f) && !compiled.has(f));
  if (entries.length === 0) return;
  const modules = nearestNodeModules(path.dirname(entries[0] as string));
  if (!modules) {
    throw new ArgoGenError([
      issue(
        'input/no-node-modules',
        '',
        'no node_modules above this module: install @argo-gen/dsl in the project first',
        {
          source: { file: entries[0] as string, line: 0, column: 0 },
        },
      ),
    ]);
  }
  // Stack traces through the inline source maps point at .ts lines: the DSL records them as source locations.
  process.setSourceMapsEnabled(true);
  const { outputs } = await build(modules, entries, 'bundle');
  const set: CompiledSet = { modules, entries, bundle: outputs[entries[0] as string] as string };
  for (const entry of entries) compiled.set(entry, set);
}

/** The modules `entries` compiled into `form`, from the compile cache when their sources have not changed. */
function build(modules: string, entries: readonly string[], form: Form) {
  // The real path: Node imports a module by its real path, and the source map's relative `sources` are resolved from
  // there. Compiled under a symlinked node_modules (pnpm workspaces, a shared cache) they would name a file two
  // directories off, and every error location with them.
  const root = path.join(realpathSync(modules), '.cache', 'argo-gen', 'compiled');
  // ARGO_GEN_COMPILE_CACHE=off compiles every time (for measuring, or to rule the cache out when debugging).
  const reuse = process.env.ARGO_GEN_COMPILE_CACHE !== 'off';
  return cachedBuild(root, entries, compilerFingerprint(form), (outdir) => compile(entries, outdir, form), { reuse });
}

async function compile(entries: readonly string[], outdir: string, form: Form): Promise<BuildResult> {
  const esbuild = await loadEsbuild();
  const cwd = process.cwd();
  const read: Record<string, string> = {};
  let metafile: { inputs: Record<string, unknown>; outputs: Record<string, { entryPoint?: string }> };
  try {
    const plugins = [loadLocalSources(read)];
    const result =
      form === 'bundle'
        ? await esbuild.build({
            ...FORMS.bundle,
            stdin: { contents: bundleEntry(entries), resolveDir: commonDir(entries), loader: 'js' },
            outfile: path.join(outdir, BUNDLE_FILE),
            plugins,
          })
        : await esbuild.build({
            ...FORMS.files,
            entryPoints: [...entries],
            outdir,
            outbase: commonDir(entries),
            plugins,
          });
    metafile = result.metafile;
  } catch (error) {
    throw fromEsbuild(error);
  }
  const outputs: Record<string, string> = {};
  if (form === 'bundle') for (const entry of entries) outputs[entry] = path.join(outdir, BUNDLE_FILE);
  else
    for (const [output, meta] of Object.entries(metafile.outputs)) {
      if (meta.entryPoint) outputs[path.resolve(cwd, meta.entryPoint)] = path.resolve(cwd, output);
    }
  // Inputs the plugin did not load (a loader it does not handle) are hashed now, the best that can be done for them.
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(metafile.inputs)) {
    if (input === STDIN) continue;
    const file = path.resolve(cwd, input);
    inputs[file] = read[file] ?? sha256(readFileSync(file));
  }
  return { outputs, inputs };
}

/** How esbuild's metafile names the entry given as text. */
const STDIN = '<stdin>';

/**
 * The bundle's entry: a function per module that imports it. esbuild turns each `import()` of a bundled module into
 * a call of the module's lazy wrapper, so a module is evaluated when its function is first called, not before.
 */
function bundleEntry(entries: readonly string[]): string {
  // `import (`, with a space: this is text for esbuild, and scripts/bundle.mjs refuses a CLI body whose code has
  // `import(` (code compiled from the CLI's cache cannot call it on Node 20).
  const loaders = entries.map((e) => `  ${JSON.stringify(e)}: () => import (${JSON.stringify(e)}),`);
  return `export const ${LOADERS_EXPORT} = {\n${loaders.join('\n')}\n};\n`;
}

const LOADERS: Readonly<Record<string, 'ts' | 'tsx' | 'js' | 'jsx' | 'json'>> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.json': 'json',
};

/**
 * Loads the local source files for esbuild, each with its own `import.meta` values (withOwnImportMeta), and records
 * the sha256 of exactly the text read, for the compile cache: hashing after the build could record an edit saved while
 * it ran, with output compiled from the old text.
 */
function loadLocalSources(read: Record<string, string>): Plugin {
  return {
    name: 'argo-gen-local-sources',
    setup(b) {
      b.onLoad({ filter: /\.(?:[mc]?[jt]s|[jt]sx|json)$/ }, async ({ path: file }) => {
        const contents = await readFile(file);
        read[path.resolve(file)] = sha256(contents);
        const loader = LOADERS[path.extname(file)] ?? 'js';
        return { contents: loader === 'json' ? contents : withOwnImportMeta(file, contents), loader };
      });
    },
  };
}

/**
 * `import.meta.url`, `.filename` and `.dirname` in a compiled module are its source file's, as when Node runs the
 * source (a template reading `new URL('./values.json', import.meta.url)` reads the file beside it), not the compiled
 * file's under the cache. A module that uses `import.meta` gets its values declared in front of its first line (on
 * that line, so that every other line keeps its number; its columns shift; after a hashbang, on the second), and
 * MODULE_META makes esbuild read them there: esbuild gives each module's declarations names of their own. Other
 * `import.meta` members (`resolve`) stay the compiled file's.
 */
function withOwnImportMeta(file: string, contents: Buffer): Buffer | string {
  const text = contents.toString('utf8');
  if (!/\bimport\s*\.\s*meta\b/.test(text)) return contents;
  const values = [
    [MODULE_META['import.meta.url'], pathToFileURL(file).href],
    [MODULE_META['import.meta.filename'], file],
    [MODULE_META['import.meta.dirname'], path.dirname(file)],
  ];
  const declarations = `var ${values.map(([name, value]) => `${name}=${JSON.stringify(value)}`).join(',')};`;
  // After a hashbang line, which must stay first.
  const at = text.startsWith('#!') ? text.indexOf('\n') + 1 || text.length : 0;
  return `${text.slice(0, at)}${declarations}${text.slice(at)}`;
}

/**
 * Imports a TypeScript or JavaScript module (compiling it first unless `compileTypeScript` already did), within the
 * run's module time bound (module-bound.ts).
 */
export async function importModule(file: string): Promise<unknown> {
  const absolute = path.resolve(file);
  if (!isTypeScript(absolute)) return withinModuleBound(absolute, () => importUrl(pathToFileURL(absolute).href));
  await compileTypeScript([absolute]);
  const set = compiled.get(absolute) as CompiledSet;
  // Only the module's evaluation is bounded, not the compile before it.
  return withinModuleBound(absolute, () => importCompiled(set, absolute));
}

/** Evaluates a module of the run (once: every later call gives the same namespace). */
type Load = (entry: string) => Promise<unknown>;

/** The module `entry` of `set`: evaluated from the bundle, or from its own file when the bundle does not load. */
function importCompiled(set: CompiledSet, entry: string): Promise<unknown> {
  set.load ??= loaderOf(set);
  return set.load.then((load) => load(entry));
}

async function loaderOf(set: CompiledSet): Promise<Load> {
  let loaders: Readonly<Record<string, () => Promise<unknown>>>;
  try {
    loaders = (await importUrl(pathToFileURL(set.bundle).href))[LOADERS_EXPORT] as typeof loaders;
  } catch {
    // A package that one of the modules imports did not load: the modules one by one say which (see the top).
    const { outputs } = await build(set.modules, set.entries, 'files');
    return (entry) => importUrl(pathToFileURL(outputs[entry] as string).href);
  }
  return (entry) => (loaders[entry] as () => Promise<unknown>)();
}

function commonDir(files: readonly string[]): string {
  let dir = path.dirname(files[0] as string);
  while (!files.every((f) => f.startsWith(`${dir}${path.sep}`))) dir = path.dirname(dir);
  return dir;
}

interface EsbuildMessage {
  text: string;
  location?: { file: string; line: number; column: number } | null;
}

/** esbuild's compile errors (syntax, unresolved local imports) as issues at the .ts line. */
function fromEsbuild(error: unknown): unknown {
  const errors = (error as { errors?: EsbuildMessage[] }).errors;
  if (!Array.isArray(errors) || errors.length === 0) return error;
  return new ArgoGenError(
    errors.map((e) =>
      issue('input/compile-error', '', `cannot compile: ${e.text}`, {
        source: e.location
          ? { file: e.location.file, line: e.location.line, column: e.location.column + 1 }
          : undefined,
      }),
    ),
  );
}

// The runtime JavaScript of each package: one esbuild bundle per entry point, written into the package's dist/ beside
// the declarations that `tsc -b` emits (the packages' tsconfigs emit declarations only).
//
// Why bundles: Node 20's ESM loader pays for every file it resolves, reads, compiles and links. Loaded file by file,
// `argo-gen generate` went through ~200 modules (95 of them zod's) before it did any work; one file per package
// (plus the CLI's lazily imported command chunks) removes most of that, which is the bulk of the startup target of
// docs/benchmarks.md.
//
// What stays external is exactly the package's `dependencies`: every other @argo-gen package (each package's code
// exists once in a process, so the DSL's values are the same objects whether a template or the CLI imports them), and
// the third-party libraries that are large and loaded lazily or not at all on the fast paths (the DSL's yaml,
// ts-morph, esbuild, @kubernetes/client-node). Small or always-loaded ones (zod, commander, ajv-formats' format
// table, the CLI's yaml) are inlined, and so are devDependencies of the package; test/package-manifests.test.ts
// holds `dependencies` to what the bundles and the declarations import.
//
//   node scripts/bundle.mjs [--no-minify]   (run by `pnpm build` after `tsc -b`)
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MINIFY = !process.argv.includes('--no-minify');

/** The runtime entry points of each package (sources), named as the package's exports and bin name them. */
const PACKAGES = {
  model: ['index'],
  dsl: ['index', 'internal'],
  steps: ['index'],
  kube: ['index'],
  import: ['index'],
  simulate: ['index'],
  cli: ['index', 'main'],
};

/** Dependencies compiled into the bundle instead of imported at run time. */
const INLINE = new Set(['zod', 'commander', 'ajv-formats']);

/**
 * The CLI reads YAML the way Argo does on every run that lints a resource manifest (generate included), so `yaml` is
 * compiled into its bundle from the library's ESM build: Node resolves `yaml` to 74 CommonJS files (~95 ms of CPU to
 * load, measured with process.cpuUsage), the ESM build bundled costs ~24 ms. The two builds are one source; they
 * differ only in how a debug or warning message is logged (process.emitWarning vs console.warn).
 */
const INLINE_YAML = {
  name: 'inline-yaml-esm',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, (args) => ({
      path: createRequire(path.join(args.resolveDir, 'package.json'))
        .resolve('yaml/package.json')
        .replace(/package\.json$/, 'browser/dist/index.js'),
    }));
  },
};

/**
 * commander requires node:child_process when it loads, for executable subcommands, which argo-gen has none of:
 * inside commander it is the CLI's lazy-child-process.ts, whose `spawn` loads the real module when called.
 */
const LAZY_CHILD_PROCESS = {
  name: 'lazy-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[/\\]commander[/\\]/.test(args.importer)
        ? { path: path.join(ROOT, 'packages', 'cli', 'src', 'lazy-child-process.ts') }
        : undefined,
    );
  },
};

const REQUIRE_SHIM =
  "import { createRequire as __argoGenCreateRequire } from 'node:module';\nconst require = __argoGenCreateRequire(import.meta.url);";

async function bundle(name, entries) {
  const dir = path.join(ROOT, 'packages', name);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const inline = name === 'cli' ? new Set([...INLINE, 'yaml']) : INLINE;
  const external = Object.keys(manifest.dependencies ?? {})
    .filter((d) => !inline.has(d))
    .flatMap((d) => [d, `${d}/*`]);
  const outdir = path.join(dir, 'dist');
  // Chunks have content-hashed names: remove an earlier build's so that dist holds only this build's. They stay at
  // the top of dist, beside the entries, so that a module's `new URL('../package.json', import.meta.url)` holds.
  for (const f of existsSync(outdir) ? readdirSync(outdir) : []) {
    if (/^chunk-.*\.js(\.map)?$/.test(f)) rmSync(path.join(outdir, f));
  }
  await build({
    entryPoints: Object.fromEntries(entries.map((e) => [e, path.join(dir, 'src', `${e}.ts`)])),
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'chunk-[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    // Linked source maps, so that a stack trace through a bundle names our TypeScript (the packages ship src/ for
    // them). Without sources content: Node parses the map of each module it loads once source maps are on (the CLI
    // turns them on for the user's templates), and the text would multiply what it parses.
    sourcemap: 'linked',
    sourcesContent: false,
    // Minified: Node 20 has no compile cache for ES modules, so every run parses every bundle it loads, and parsing
    // costs by the byte (the model's 1.4 MB of mostly generated validators is 0.78 MB minified: ~8 ms less of every
    // run that validates). The source maps lead back to the TypeScript, names included.
    // `node scripts/bundle.mjs --no-minify` for profiling: V8's profiler attributes samples to lines and columns, and
    // on one 0.8 MB line that costs more than the code it measures.
    minify: MINIFY,
    // Names are kept only where code reads them: commander names its errors after their classes
    // (`this.name = this.constructor.name`). Elsewhere nothing does, and keeping them costs a property definition per
    // function at load (~3 ms for the model's bundle).
    keepNames: name === 'cli',
    // commander is CommonJS: compiled into an ESM bundle, its require() of Node's built-ins needs a real require.
    ...(name === 'cli' ? { banner: { js: REQUIRE_SHIM }, plugins: [INLINE_YAML, LAZY_CHILD_PROCESS] } : {}),
    logLevel: 'warning',
    tsconfig: path.join(dir, 'tsconfig.json'),
  });
}

for (const [name, entries] of Object.entries(PACKAGES)) await bundle(name, entries);

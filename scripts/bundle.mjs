// The runtime JavaScript of each package: one esbuild bundle per entry point, written into the package's dist/ beside
// the declarations that `tsc -b` emits (the packages' tsconfigs emit declarations only).
//
// Why bundles: Node 20's ESM loader pays for every file it resolves, reads, compiles and links. Loaded file by file,
// `argo-gen generate` went through ~200 modules (95 of them zod's) before it did any work; one file per package
// removes most of that, which is the bulk of the startup target of docs/benchmarks.md. The packages that every
// `generate` loads are CommonJS bodies with ES module faces (BODIES below), so that the CLI can cache the code V8
// compiles for them (packages/cli/src/code-cache.ts).
//
// What stays external is exactly the package's `dependencies`: every other @argo-gen package (each package's code
// exists once in a process, so the DSL's values are the same objects whether a template or the CLI imports them), and
// the third-party libraries that are large and loaded lazily or not at all on the fast paths (the DSL's yaml,
// ts-morph, esbuild, @kubernetes/client-node). Small or always-loaded ones (zod, commander, ajv-formats' format
// table, the CLI's yaml) are inlined, and so are devDependencies of the package; test/package-manifests.test.ts
// holds `dependencies` to what the bundles and the declarations import.
//
//   node scripts/bundle.mjs [--no-minify]   (run by `pnpm build` after `tsc -b`)
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The packages that every `generate`, `check` and `validate` loads are built as CommonJS bodies (`*.cjs`), with an ES
 * module face per entry point that re-exports the body's exports. Node 20 caches the compiled code of neither kind of
 * module, but a CommonJS module goes through `Module.prototype._compile`, where the CLI can hand V8 the code it
 * compiled on an earlier run (packages/cli/src/code-cache.ts); ES modules give no such hook. Every importer, ES module
 * or CommonJS, the CLI or a template, reaches the same body, so each package's code still exists once in a process.
 * The other packages (kube, import, simulate: loaded by fewer commands, kube's client is an ES module) stay ES
 * module bundles. The CLI's `main` entry is the bin (`main.cjs`): a small CommonJS script that turns the cache on and
 * requires the body (`process-main.cjs`); as an ES module it cost Node's module loader ~9 ms before any of our code
 * ran, which the first template's import() now pays once. Its library entry (`index`) stays an ES module bundle.
 */
const BODIES = {
  model: { body: 'index', faces: ['index'] },
  dsl: { body: 'body', faces: ['index', 'internal'] },
  steps: { body: 'index', faces: ['index'] },
  cli: { body: 'process-main', faces: [], lazy: 'lazy-modules', bin: 'main' },
};
/** The first line of every body: the CLI caches the compiled code of modules that start with it. */
const BODY_MARK = '// argo-gen body: compiled code cacheable';
/** `import.meta.url` in a CommonJS body: its own file URL, as the ES module bundles had it. */
const IMPORT_META_URL = "var __argoGenImportMetaUrl=require('node:url').pathToFileURL(__filename).href;";
/** The directive first, before the banner's statement: the bodies run in strict mode, as the ES modules did. */
const STRICT = '"use strict";';

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
  const common = {
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    external,
    // Linked source maps, so that a stack trace through a bundle names our TypeScript (the packages ship src/ for
    // them). Without sources content: Node parses the map of each module it loads once source maps are on (the CLI
    // turns them on for the user's templates), and the text would multiply what it parses.
    sourcemap: 'linked',
    sourcesContent: false,
    // Minified: every run that finds no cached code parses every bundle it loads, and parsing costs by the byte (the
    // model's 1.4 MB of mostly generated validators is 0.78 MB minified).
    // `node scripts/bundle.mjs --no-minify` for profiling: V8's profiler attributes samples to lines and columns, and
    // on one 0.8 MB line that costs more than the code it measures.
    minify: MINIFY,
    // Names are kept only where code reads them: commander names its errors after their classes
    // (`this.name = this.constructor.name`). Elsewhere nothing does, and keeping them costs a property definition per
    // function at load (~3 ms for the model's bundle).
    keepNames: name === 'cli',
    ...(name === 'cli' ? { plugins: [INLINE_YAML, LAZY_CHILD_PROCESS] } : {}),
    logLevel: 'warning',
    tsconfig: path.join(dir, 'tsconfig.json'),
  };
  const body = BODIES[name];
  const esm = body ? entries.filter((e) => !body.faces.includes(e) && e !== body.body && e !== body.bin) : entries;
  if (esm.length > 0) {
    await build({
      ...common,
      entryPoints: Object.fromEntries(esm.map((e) => [e, path.join(dir, 'src', `${e}.ts`)])),
      splitting: true,
      chunkNames: 'chunk-[name]-[hash]',
      format: 'esm',
      // commander is CommonJS: compiled into an ESM bundle, its require() of Node's built-ins needs a real require.
      ...(name === 'cli' ? { banner: { js: REQUIRE_SHIM } } : {}),
    });
  }
  if (!body) return;
  const cjs = { ...common, outExtension: { '.js': '.cjs' }, format: 'cjs' };
  if (body.bin) {
    // The bin: Node compiles it (no mark: the code cache is not on yet when it loads).
    await build({
      ...cjs,
      entryPoints: { [body.bin]: path.join(dir, 'src', `${body.bin}.ts`) },
      define: { 'import.meta.url': '__argoGenImportMetaUrl' },
      banner: { js: `${STRICT}${IMPORT_META_URL}` },
    });
  }
  if (body.lazy) {
    // The module that calls import() for the body: compiled by Node (no mark), beside the body.
    await build({ ...cjs, entryPoints: { [body.lazy]: path.join(dir, 'src', `${body.lazy}.ts`) } });
  }
  await build({
    ...cjs,
    entryPoints: { [body.body]: path.join(dir, 'src', `${body.body}.ts`) },
    define: { 'import.meta.url': '__argoGenImportMetaUrl' },
    banner: { js: `${BODY_MARK}\n${STRICT}${IMPORT_META_URL}` },
    plugins: [...(common.plugins ?? []), ...(body.lazy ? [externalLazyModule(body.lazy)] : [])],
  });
  const text = readFileSync(path.join(outdir, `${body.body}.cjs`), 'utf8');
  if (/\bimport\(/.test(text)) {
    throw new Error(
      `${name}/dist/${body.body}.cjs calls import(): code compiled from the CLI's cache cannot (Node 20); call it from src/${body.lazy ?? 'lazy-modules'}.ts`,
    );
  }
  if (body.faces.length === 0) return;
  const loaded = createRequire(import.meta.url)(path.join(outdir, `${body.body}.cjs`));
  for (const face of body.faces) writeFaces(outdir, face, body.body === face ? undefined : body.body, loaded);
}

/** Imports of src/<lazy>.ts from the body become a require() of the separately built <lazy>.cjs. */
function externalLazyModule(lazy) {
  const pattern = new RegExp(`(^|/)${lazy}\\.js$`);
  return {
    name: 'external-lazy-module',
    setup(b) {
      b.onResolve({ filter: pattern }, () => ({ path: `./${lazy}.cjs`, external: true }));
    },
  };
}

/**
 * An entry point's faces: `<entry>.cjs` for require() (the body itself when the entry is the body, else its part of
 * the body) and `<entry>.js`, the ES module that re-exports it by name (the names read from the built body).
 */
function writeFaces(outdir, entry, bodyName, loaded) {
  const exportsOf = bodyName === undefined ? loaded : loaded[entry];
  const names = Object.keys(exportsOf).filter((n) => n !== '__esModule');
  if (bodyName !== undefined) {
    writeFileSync(
      path.join(outdir, `${entry}.cjs`),
      `// argo-gen facade: the '${entry}' entry point of ${bodyName}.cjs (scripts/bundle.mjs)\nmodule.exports = require('./${bodyName}.cjs').${entry};\n`,
    );
  }
  const named = names.filter((n) => n !== 'default');
  writeFileSync(
    path.join(outdir, `${entry}.js`),
    [
      `// argo-gen facade: ${entry}.cjs as an ES module, one copy of the code whether imported or required (scripts/bundle.mjs)`,
      "import { createRequire } from 'node:module';",
      `const m = createRequire(import.meta.url)('./${entry}.cjs');`,
      `export const { ${named.join(', ')} } = m;`,
      ...(names.includes('default') ? ['export default m.default;'] : []),
      '',
    ].join('\n'),
  );
}

for (const [name, entries] of Object.entries(PACKAGES)) await bundle(name, entries);

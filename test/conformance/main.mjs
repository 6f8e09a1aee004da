// `pnpm conformance`: runs test/conformance/run.ts with tsx (Node 20 cannot run TypeScript itself), mapping
// @argo-gen/* to the package sources through test/tsconfig.json, as the vitest config does.
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(new URL('../../package.json', import.meta.url));
// tsx's ESM API (the package's `tsx/esm/api` export resolves to its CommonJS build under require).
const api = pathToFileURL(require.resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
const { register } = await import(api);
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
const { main } = await import('./run.ts');
process.exitCode = await main(process.argv.slice(2));

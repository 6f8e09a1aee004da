import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bodyDigest } from './body-digests.js';
import { runToCompletion } from './exit-guard.js';
import { processIo } from './io.js';
import { enableLintCache } from './load/lint-cache.js';
import { run } from './program.js';

// Source maps are turned on where the user's TypeScript is loaded (load/import-typescript.ts), so that locations in
// it name .ts lines. Not here: Node reads and decodes the map of every module loaded while they are on, and argo-gen's
// own bundles (whose frames no location names) cost ~20 ms of CPU that way on every run. For argo-gen's own stack
// traces mapped to its sources, run it with NODE_OPTIONS=--enable-source-maps.

// The bin caches the lint's findings (load/lint-cache.ts), keyed by the code that lints: the model's bundle, and this
// one, which reads the YAML inside documents.
enableLintCache(() =>
  createHash('sha256')
    .update(bodyDigest(createRequire(import.meta.url).resolve('@argo-gen/model')))
    .update(bodyDigest(fileURLToPath(import.meta.url)))
    .digest('hex'),
);
runToCompletion(run(process.argv.slice(2), processIo()), (text) => process.stderr.write(text));

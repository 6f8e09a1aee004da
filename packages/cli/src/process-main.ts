import { runToCompletion } from './exit-guard.js';
import { processIo } from './io.js';
import { run } from './program.js';

// Source maps are turned on where the user's TypeScript is loaded (load/import-typescript.ts), so that locations in
// it name .ts lines. Not here: Node reads and decodes the map of every module loaded while they are on, and argo-gen's
// own bundles (whose frames no location names) cost ~20 ms of CPU that way on every run. For argo-gen's own stack
// traces mapped to its sources, run it with NODE_OPTIONS=--enable-source-maps.
runToCompletion(run(process.argv.slice(2), processIo()), (text) => process.stderr.write(text));

import type { spawn as Spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * What commander sees as `node:child_process` in the CLI's bundle (scripts/bundle.mjs). commander requires it when it
 * loads, for executable subcommands, which argo-gen has none of; loading it (with net, stream and the rest) cost
 * ~5 ms of every run. Its one use, `spawn`, loads the real module when it is called.
 */
const require = createRequire(import.meta.url);

export const spawn: typeof Spawn = ((...args: Parameters<typeof Spawn>) =>
  (require('node:child_process') as { spawn: typeof Spawn }).spawn(...args)) as typeof Spawn;

#!/usr/bin/env node
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { enableCodeCache } from './code-cache.js';
import { COMMAND_NAMES } from './command-names.js';
import { nearestNodeModules } from './nearest-node-modules.js';

// The bin: turns on the cache of compiled code (code-cache.ts) before anything it covers is loaded, then runs the CLI
// (process-main.ts, a CommonJS body). ARGO_GEN_CODE_CACHE=off (or 0, false, no: not a directory of that name in the
// working directory) runs without it, ARGO_GEN_CODE_CACHE=<dir> keeps it in <dir>; by default it lives in the
// node_modules that holds argo-gen.
const here = path.dirname(fileURLToPath(import.meta.url));
// blank is unset: a stray space would otherwise name a directory ' ' in the working directory
const setting = process.env.ARGO_GEN_CODE_CACHE?.trim() || undefined;
const off = setting !== undefined && /^(off|0|false|no)$/i.test(setting);
if (!off && !process.sourceMapsEnabled) {
  const modules = setting ? undefined : nearestNodeModules(here);
  const dir = setting || (modules && path.join(modules, '.cache', 'argo-gen', 'code'));
  const command = process.argv[2] ?? '';
  const label = COMMAND_NAMES.includes(command) ? command : 'other';
  // V8 refuses code compiled under other flags (`--max-old-space-size` in NODE_OPTIONS too): runs under other flags
  // keep their entries apart, instead of replacing each other's on every run when they alternate.
  const flags = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' ').trim();
  const tag = flags && `-${createHash('sha256').update(flags).digest('hex').slice(0, 12)}`;
  if (dir) enableCodeCache(path.join(path.resolve(dir), `${process.version}-${process.arch}${tag}`), label);
}
createRequire(import.meta.url)('./process-main.cjs');

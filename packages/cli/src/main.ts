#!/usr/bin/env node
import { runToCompletion } from './exit-guard.js';
import { processIo } from './io.js';
import { run } from './program.js';

// Errors point at TypeScript sources (templates loaded through source maps), not compiled JavaScript.
process.setSourceMapsEnabled(true);

runToCompletion(run(process.argv.slice(2), processIo()), (text) => process.stderr.write(text));

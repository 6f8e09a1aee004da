#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './program.js';

// Errors point at TypeScript sources (templates loaded through source maps), not compiled JavaScript.
process.setSourceMapsEnabled(true);

run(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `argo-gen: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);

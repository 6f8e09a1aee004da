import { SHARED } from './paths.js';
import { missingSharedData } from './shared-data.js';

/**
 * Runs once, before any test file: without ../shared, dozens of files would each fail with an ENOENT trace. This
 * stops the run with one line naming what is missing (a thrown error would come with vitest's own stack trace).
 */
export default function setup(): void {
  const missing = missingSharedData(SHARED);
  if (missing === undefined) return;
  process.stderr.write(`argo-gen tests: ${missing}\n`);
  process.exit(1);
}

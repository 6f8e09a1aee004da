import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The reference data the tests read from `../shared` (beside the repository, read-only, never copied in): Argo's
 * schema, CRDs and examples per supported line, and Argo's Go module per release for the oracles.
 */
export const SHARED_NEEDS: readonly string[] = [
  'argo/v4.1.2/schema.json',
  'argo/v4.1.2/crds',
  'argo/v4.1.2/examples',
  'argo/v4.0.10/schema.json',
  'argo/v4.0.10/crds',
  'argo/v3.7.18/schema.json',
  'argo/v3.7.18/crds',
  'argo/src/v4.1.2',
  'argo/src/v4.0.10',
  'argo/src/v3.7.18',
];

/** One line naming what is missing from `shared`, or undefined when everything is there. */
export function missingSharedData(shared: string): string | undefined {
  const missing = SHARED_NEEDS.filter((p) => !existsSync(path.join(shared, p)));
  if (missing.length === 0) return undefined;
  const what =
    missing.length === SHARED_NEEDS.length ? 'the directory itself or all of its contents' : missing.join(', ');
  return `the tests need Argo's reference data in ${shared} (a read-only directory beside the repository, named ../shared): missing ${what}`;
}

import { fileURLToPath } from 'node:url';

/** The repository root, and the read-only reference data beside it (`../shared`), for tests in any folder. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
export const ARGO_DIR = `${SHARED}argo/v4.1.2/`;
export const EXAMPLES_DIR = `${ARGO_DIR}examples/`;

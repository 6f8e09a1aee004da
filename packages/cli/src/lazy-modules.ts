/**
 * What the CLI loads by `import()`: the cluster client and esbuild when a command needs them, and the user's modules.
 * In the CLI's CommonJS body this module stays a file of its own that Node compiles (scripts/bundle.mjs): code that
 * V8 compiled from a cache (code-cache.ts) cannot call `import()` on Node 20.
 */
export const loadKube = () => import('@argo-gen/kube');
export const loadEsbuild = () => import('esbuild');
/** A module by its file URL (a compiled template, a YAML-embedding module): its namespace. */
export const importUrl = (url: string): Promise<Record<string, unknown>> => import(url);

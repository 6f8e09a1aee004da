// The DSL's runtime as one CommonJS body (scripts/bundle.mjs): both entry points are parts of it, so that a value
// made through one is the same kind of object in the other.
export * as index from './index.js';
export * as internal from './internal.js';

import type { Ref } from './ref.js';

/**
 * A model type in which every string (and number) may also be a handle: `args: ['echo', inputs.who]`.
 * Synthesis renders handles to Argo's `{{…}}` and then validates the result against the schema.
 */
export type WithRefs<T> = T extends string
  ? string | Ref
  : T extends number
    ? number | Ref
    : T extends boolean
      ? boolean | Ref
      : T extends readonly (infer E)[]
        ? readonly WithRefs<E>[]
        : T extends object
          ? { readonly [K in keyof T]: WithRefs<T[K]> }
          : T;

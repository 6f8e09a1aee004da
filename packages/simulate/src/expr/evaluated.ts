/**
 * The result of evaluating an expression the way Argo does: a value, or the reason the simulation cannot evaluate it
 * (a construct outside the supported subset, a reference nobody gave). Never a guess.
 */
export type Evaluated =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string };

// The differential suite's allow-list: differences between simulate() and the real controller that are argued, each
// naming the Argo behaviour it departs from and why. Anything not listed here that differs fails the suite; an entry
// that no longer matches anything fails it too (so the list only holds live departures).
import type { Difference } from './simulate-compare.js';

export interface Allowed {
  /** The corpus, and the cases (by title) it covers. */
  readonly corpus: string;
  readonly title: RegExp;
  /** The node (by name) or `workflow`, and both sides as they differ. */
  readonly at: RegExp;
  readonly simulated: string;
  readonly controller: string;
  /** The Argo behaviour departed from (with its place in Argo's code), and why we depart from it. */
  readonly departs: string;
}

export const ALLOWED: readonly Allowed[] = [];

/** The entry that allows a difference in a case, if any. */
export const allowedBy = (corpus: string, title: string, d: Difference): Allowed | undefined =>
  ALLOWED.find(
    (a) =>
      a.corpus === corpus &&
      a.title.test(title) &&
      a.at.test(d.at) &&
      a.simulated === d.simulated &&
      a.controller === d.controller,
  );

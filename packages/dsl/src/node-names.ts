/**
 * The names of the nodes a DSL value can run as, carried in its type only: a template knows its own name and those of
 * its tasks or steps and of everything they call, a workflow those of its entry point, exit handler, hooks and
 * templates. `simulate()` of @argo-gen/simulate types its outcome keys and its matchers' names with them, so a misspelt
 * node name is a compile error. Where a name is not known when the program is compiled (a template built by a
 * function that returns `Template`, a raw task, a declared WorkflowTemplate) the names are `string`: any name.
 */

/** Never present at run time: the slot only holds a type. */
declare const NODE_NAMES: unique symbol;

/** A value that runs as nodes of these names (type-level only: nothing reads or writes the slot). */
export interface NamedNodes<N extends string = string> {
  readonly [NODE_NAMES]?: N;
}

/** The node names a value carries: a union of literals for a DSL value that knows them, else `string`. */
export type NodeNamesOf<T> = T extends NamedNodes<infer N extends string> ? (unknown extends T ? string : N) : string;

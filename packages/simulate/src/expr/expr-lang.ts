/**
 * expr-lang (github.com/expr-lang/expr v1.17.8, as Argo v4.1.2 pins it) for the subset Argo workflows use: literals,
 * member access and `[]` indexing (on the nested maps Argo builds), arithmetic with Go's int/float rules, comparisons,
 * `and/or/not/&&/||/!`, the ternary and `??`, `in`, `matches`/`contains`/`startsWith`/`endsWith`, slices and ranges,
 * array and map literals, the closures `all/any/none/one/filter/map/count/find…` over `#`, the string, number and
 * JSON builtins, and Argo's environment: `asInt`, `asFloat`, `jsonpath` (a subset), `toJson` and a subset of `sprig`.
 *
 * As expr.Compile(…, expr.Env(env)) does, the expression is type-checked before it runs: a name the environment
 * lacks, an operator on types it cannot take (`'a' == 1`, `1 + 'a'`, `!'a'`) is an error even on a branch that never
 * runs. What is outside the subset is `{ok:false}` with `expr: <construct> is not supported by the simulation`.
 */

import type { Evaluated } from './evaluated.js';
import { check, compileConstantPatterns, ExprCompileError, type Nature } from './expr-checker.js';
import { Evaluator } from './expr-evaluator.js';
import { ExprSyntaxError, ExprUnsupported } from './expr-lexer.js';
import { ExprRuntimeError } from './expr-ops.js';
import { optimize } from './expr-optimizer.js';
import { type Node, parseExpr } from './expr-parser.js';
import { GoStruct, isGoMap, JsonError } from './expr-values.js';

/**
 * Evaluates `expression` with `env` (identifiers at the top, nested plain objects for `a.b.c`, strings, numbers,
 * booleans, arrays; GoFunc values for functions). Numbers in `env` are float64 unless given as bigint (Go int).
 * The value comes back with Go ints as JavaScript numbers.
 */
export function evaluateExprLang(expression: string, env: Readonly<Record<string, unknown>>): Evaluated {
  const r = runExprLang(expression, env);
  if (!r.ok) return { ok: false, reason: r.reason };
  return { ok: true, value: toPlain(r.value) };
}

/** The outcome of one run: a Go value, or why not; `stage` says whether Compile or Run refused (Argo treats them differently). */
export type ExprRun =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly reason: string; readonly stage: 'compile' | 'run' | 'unsupported' };

export function runExprLang(expression: string, env: Readonly<Record<string, unknown>>): ExprRun {
  let tree: Node;
  let natures: WeakMap<Node, Nature>;
  try {
    tree = parseExpr(expression);
    natures = check(tree, env);
    tree = optimize(tree, natures);
    compileConstantPatterns(tree);
  } catch (e) {
    return failure(e, 'compile');
  }
  try {
    return { ok: true, value: new Evaluator(env, natures).value(tree) };
  } catch (e) {
    return failure(e, 'run');
  }
}

function failure(e: unknown, stage: 'compile' | 'run'): ExprRun {
  if (e instanceof ExprUnsupported)
    return { ok: false, stage: 'unsupported', reason: `expr: ${e.message} is not supported by the simulation` };
  if (
    e instanceof ExprSyntaxError ||
    e instanceof ExprCompileError ||
    e instanceof ExprRuntimeError ||
    e instanceof JsonError
  )
    return { ok: false, stage, reason: `expr: ${e.message}` };
  throw e;
}

function toPlain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (isGoMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  if (v instanceof GoStruct) return Object.fromEntries(Object.entries(v.fields).map(([k, x]) => [k, toPlain(x)]));
  return v;
}

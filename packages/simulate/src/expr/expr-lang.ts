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
import { callBuiltin, checkBuiltin } from './expr-builtins.js';
import { ExprSyntaxError, ExprUnsupported } from './expr-lexer.js';
import { arithmetic, ExprRuntimeError, equal, less, toInt } from './expr-ops.js';
import { optimize, type SetNode } from './expr-optimizer.js';
import { type Node, parseExpr } from './expr-parser.js';
import { GoFunc, GoFuncMap, GoStruct, goTypeName, isGoMap, JsonError } from './expr-values.js';
import { compareGoStrings } from './go-values.js';
import { compileRe2 } from './re2.js';

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

export class ExprCompileError extends Error {}

function toPlain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.map(toPlain);
  if (isGoMap(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPlain(x)]));
  if (v instanceof GoStruct) return Object.fromEntries(Object.entries(v.fields).map(([k, x]) => [k, toPlain(x)]));
  return v;
}

// ---------------------------------------------------------------------------------------------------------------
// The checker: expr's natures, reduced to what Argo's environments hold.

export type Nature =
  /** `unknown`: no type (expr's Nature{}); `any`: Go's interface{} (a map's element, a function's `any` result). */
  | { readonly k: 'unknown' | 'any' | 'nil' | 'int' | 'float' | 'string' | 'bool' | 'func' | 'funcmap' }
  | { readonly k: 'array'; readonly elem: Nature }
  | { readonly k: 'map' }
  | { readonly k: 'struct'; readonly name: string; readonly fields: Readonly<Record<string, Nature>> };

export const UNKNOWN: Nature = { k: 'unknown' };
const ANY: Nature = { k: 'any' };
const BOOL: Nature = { k: 'bool' };
const INT: Nature = { k: 'int' };
const FLOAT: Nature = { k: 'float' };
const STRING: Nature = { k: 'string' };

export function natureOf(v: unknown): Nature {
  if (v === null || v === undefined) return { k: 'nil' };
  if (typeof v === 'bigint') return INT;
  if (typeof v === 'number') return FLOAT;
  if (typeof v === 'string') return STRING;
  if (typeof v === 'boolean') return BOOL;
  if (Array.isArray(v)) return { k: 'array', elem: ANY };
  if (v instanceof GoFunc) return { k: 'func' };
  if (v instanceof GoFuncMap) return { k: 'map' };
  if (v instanceof GoStruct)
    return {
      k: 'struct',
      name: v.typeName,
      fields: Object.fromEntries(Object.entries(v.fields).map(([f, x]) => [f, natureOf(x)])),
    };
  return { k: 'map' };
}

export const isUnknown = (n: Nature) => n.k === 'unknown' || n.k === 'any';

/** Nature.AssignableTo: a typed value to its own type or to interface{}; nothing to or from a value of no type. */
function assignable(n: Nature, to: Nature): boolean {
  if (n.k === 'unknown' || to.k === 'unknown') return false;
  if (to.k === 'any') return true;
  if (n.k === 'struct' && to.k === 'struct') return n.name === to.name;
  return n.k === to.k && n.k !== 'nil';
}

/** A conditional's (and `??`'s) nature: the first branch's when the second's type can hold it. */
function either(a: Nature, b: Nature): Nature {
  if (a.k === 'nil' && b.k !== 'nil') return b;
  if (a.k !== 'nil' && b.k === 'nil') return a;
  if (a.k === 'nil') return a;
  if (!assignable(a, b)) return UNKNOWN;
  if (a.k === 'array' && b.k === 'array' && !(assignable(a.elem, b.elem) && assignable(b.elem, a.elem)))
    return { k: 'array', elem: ANY };
  return a;
}
export const isNumber = (n: Nature) => n.k === 'int' || n.k === 'float';
const same = (a: Nature, b: Nature) => a.k === b.k;
/** MaybeCompatible: both unknown, or one unknown and the other of the given kinds. */
const maybe = (l: Nature, r: Nature, ...kinds: string[]) =>
  (isUnknown(l) && isUnknown(r)) || (isUnknown(l) && kinds.includes(r.k)) || (isUnknown(r) && kinds.includes(l.k));
const NUMBER_KINDS = ['int', 'float'];
/** ComparableTo. */
const comparable = (l: Nature, r: Nature) =>
  isUnknown(l) ||
  isUnknown(r) ||
  l.k === 'nil' ||
  r.k === 'nil' ||
  (isNumber(l) && isNumber(r)) ||
  (l.k === 'array' && r.k === 'array') ||
  (same(l, r) && l.k !== 'func');

/** The checker: every visited node's nature (the compiler picks typed opcodes from them), or a compile error. */
function check(tree: Node, env: Readonly<Record<string, unknown>>): WeakMap<Node, Nature> {
  const pointers: Nature[] = [];
  const natures = new WeakMap<Node, Nature>();
  const fail = (message: string): never => {
    throw new ExprCompileError(message);
  };
  const visit = (node: Node): Nature => {
    const n = visitNode(node);
    natures.set(node, n);
    return n;
  };
  const visitNode = (node: Node): Nature => {
    switch (node.type) {
      case 'nil':
        return { k: 'nil' };
      case 'bool':
        return BOOL;
      case 'int':
        return INT;
      case 'float':
        return FLOAT;
      case 'string':
        return STRING;
      case 'identifier':
        if (!Object.hasOwn(env, node.name)) return fail(`unknown name ${node.name}`);
        return natureOf(env[node.name]);
      case 'pointer': {
        const p = pointers[pointers.length - 1];
        if (!p) return fail('cannot use pointer accessor outside predicate');
        if (node.name !== '') throw new ExprUnsupported(`the named pointer #${node.name}`);
        return p;
      }
      case 'unary': {
        const n = visit(node.node);
        if (node.operator === '!' || node.operator === 'not') {
          if (n.k === 'bool' || isUnknown(n)) return BOOL;
        } else if (isNumber(n)) return n;
        else if (isUnknown(n)) return UNKNOWN;
        return fail(`invalid operation: ${node.operator} (mismatched type ${n.k})`);
      }
      case 'binary':
        return checkBinary(node.operator, visit(node.left), visit(node.right), node, fail);
      case 'conditional': {
        const c = visit(node.cond);
        if (c.k !== 'bool' && !isUnknown(c)) fail(`non-bool expression (type ${c.k}) used as condition`);
        return either(visit(node.whenTrue), visit(node.whenFalse));
      }
      case 'member': {
        const base = visit(node.node);
        const prop = visit(node.property);
        if (isUnknown(base)) return UNKNOWN;
        if (base.k === 'nil' && node.property.type === 'string')
          return fail(`type nil has no field ${node.property.value}`);
        if (base.k === 'map' || base.k === 'funcmap') {
          if (prop.k !== 'string' && !isUnknown(prop)) return fail(`cannot use ${prop.k} to get an element from map`);
          return ANY;
        }
        if (base.k === 'array') {
          if (prop.k !== 'int' && !isUnknown(prop))
            return fail(`array elements can only be selected using an integer (got ${prop.k})`);
          return base.elem;
        }
        if (base.k === 'struct' && node.property.type === 'string') {
          const field = base.fields[node.property.value];
          if (!field) return fail(`type ${base.name} has no field ${node.property.value}`);
          return field;
        }
        if (node.property.type === 'string') return fail(`type ${base.k} has no field ${node.property.value}`);
        return fail(`type ${base.k}[${prop.k}] is undefined`);
      }
      case 'slice': {
        // As expr's checker: a slice of an unknown value is not checked further (its indexes are not even visited).
        const base = visit(node.node);
        if (isUnknown(base)) return UNKNOWN;
        if (base.k !== 'array' && base.k !== 'string') return fail(`cannot slice ${base.k}`);
        for (const i of [node.from, node.to]) {
          if (!i) continue;
          const n = visit(i);
          if (n.k !== 'int' && !isUnknown(n)) fail(`non-integer slice index ${n.k}`);
        }
        return base;
      }
      case 'array': {
        const natures = node.nodes.map(visit);
        const first = natures[0];
        const elem = natures.every((n) => n.k === (first ?? UNKNOWN).k) ? (first ?? UNKNOWN) : ANY;
        return { k: 'array', elem };
      }
      case 'map':
        for (const p of node.pairs) {
          visit(p.key);
          visit(p.value);
        }
        return { k: 'map' };
      case 'call': {
        // As expr's checker: the arguments of a call to an unknown value (`sprig.upper(…)`) are not checked.
        const callee = visit(node.callee);
        if (isUnknown(callee)) return UNKNOWN;
        const args = node.args.map(visit);
        if (callee.k === 'func' && node.callee.type === 'identifier') {
          const fn = env[node.callee.name] as GoFunc;
          checkCallArgs(fn, args, fail);
          return fn.result === 'string' ? STRING : ANY;
        }
        return fail(`${callee.k} is not callable`);
      }
      case 'builtin': {
        if (isPredicateBuiltin(node.name)) {
          const coll = visit(node.args[0] as Node);
          if (coll.k !== 'array' && !isUnknown(coll)) fail(`builtin ${node.name} takes only array (got ${coll.k})`);
          pointers.push(coll.k === 'array' ? coll.elem : UNKNOWN);
          const results = node.args.slice(1).map(visit);
          pointers.pop();
          return checkPredicateBuiltin(node.name, coll, results, fail);
        }
        return checkBuiltin(node.name, node.args.map(visit), fail);
      }
      case 'predicate':
        return visit(node.node);
    }
  };
  visit(tree);
  return natures;
}

/**
 * The compiler compiles a `matches` with a constant pattern (after folding) once, at compile time, wherever it is in
 * the expression: a pattern Go refuses is a compile error even on a branch that never runs.
 */
function compileConstantPatterns(node: Node): void {
  for (const child of children(node)) compileConstantPatterns(child);
  if (node.type === 'binary' && node.operator === 'matches' && node.right.type === 'string') {
    const re = compileRe2(node.right.value);
    if (re.kind === 'error') throw new ExprCompileError(re.message);
    if (re.kind === 'unsupported')
      throw new ExprUnsupported(`the regular expression ${JSON.stringify(node.right.value)} (${re.construct})`);
  }
}

/** A node's direct children. */
export function children(node: Node): Node[] {
  switch (node.type) {
    case 'unary':
      return [node.node];
    case 'binary':
      return [node.left, node.right];
    case 'conditional':
      return [node.cond, node.whenTrue, node.whenFalse];
    case 'member':
      return [node.node, node.property];
    case 'slice':
      return [node.node, ...(node.from ? [node.from] : []), ...(node.to ? [node.to] : [])];
    case 'call':
      return [node.callee, ...node.args];
    case 'builtin':
      return [...node.args];
    case 'predicate':
      return [node.node];
    case 'array':
      return [...node.nodes];
    case 'map':
      return node.pairs.flatMap((p) => [p.key, p.value]);
    default:
      return [];
  }
}

function checkCallArgs(fn: GoFunc, args: readonly Nature[], fail: (m: string) => never): void {
  const variadic = fn.params.at(-1)?.startsWith('...') ?? false;
  const fixed = variadic ? fn.params.length - 1 : fn.params.length;
  if (args.length < fixed || (!variadic && args.length > fixed))
    fail(`not enough or too many arguments to call ${fn.name}`);
  args.forEach((a, i) => {
    const want = (i < fixed ? fn.params[i] : fn.params.at(-1)?.slice(3)) ?? 'any';
    if (want !== 'any' && !isUnknown(a) && a.k !== want && !(a.k === 'nil' && want !== 'string' && want !== 'int'))
      fail(`cannot use ${a.k} as argument (type ${want}) to call ${fn.name}`);
  });
}

const PREDICATE_BUILTINS = [
  'all',
  'none',
  'any',
  'one',
  'filter',
  'map',
  'count',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sum',
  'groupBy',
  'sortBy',
  'reduce',
];
const isPredicateBuiltin = (name: string) => PREDICATE_BUILTINS.includes(name);

function checkPredicateBuiltin(
  name: string,
  coll: Nature,
  results: readonly Nature[],
  fail: (m: string) => never,
): Nature {
  const pred = results[0];
  if (['sum', 'groupBy', 'sortBy', 'reduce'].includes(name)) throw new ExprUnsupported(`the builtin ${name}`);
  if (name === 'count' && pred === undefined) throw new ExprUnsupported('count without a predicate');
  if (name !== 'map' && pred && pred.k !== 'bool' && !isUnknown(pred))
    fail(`predicate should return boolean (got ${pred.k})`);
  switch (name) {
    case 'all':
    case 'none':
    case 'any':
    case 'one':
      return BOOL;
    case 'count':
    case 'findIndex':
    case 'findLastIndex':
      return INT;
    case 'filter':
      return coll.k === 'array' ? coll : { k: 'array', elem: UNKNOWN };
    case 'map':
      return { k: 'array', elem: pred ?? UNKNOWN };
    default:
      return coll.k === 'array' ? coll.elem : UNKNOWN;
  }
}

function checkBinary(
  op: string,
  l: Nature,
  r: Nature,
  node: Node & { type: 'binary' },
  fail: (m: string) => never,
): Nature {
  const mismatch = () => fail(`invalid operation: ${op} (mismatched types ${l.k} and ${r.k})`);
  switch (op) {
    case '==':
    case '!=':
      return comparable(l, r) ? BOOL : mismatch();
    case 'or':
    case '||':
    case 'and':
    case '&&':
      return (l.k === 'bool' && r.k === 'bool') || maybe(l, r, 'bool') ? BOOL : mismatch();
    case '<':
    case '>':
    case '<=':
    case '>=':
      return (isNumber(l) && isNumber(r)) ||
        (l.k === 'string' && r.k === 'string') ||
        maybe(l, r, 'int', 'float', 'string')
        ? BOOL
        : mismatch();
    case '-':
    case '*':
      if (isNumber(l) && isNumber(r)) return l.k === 'int' && r.k === 'int' ? INT : FLOAT;
      return maybe(l, r, ...NUMBER_KINDS) ? UNKNOWN : mismatch();
    case '/':
    case '**':
    case '^':
      return (isNumber(l) && isNumber(r)) || maybe(l, r, ...NUMBER_KINDS) ? FLOAT : mismatch();
    case '%':
      return (l.k === 'int' && r.k === 'int') || maybe(l, r, 'int') ? INT : mismatch();
    case '+':
      if (isNumber(l) && isNumber(r)) return l.k === 'int' && r.k === 'int' ? INT : FLOAT;
      if (l.k === 'string' && r.k === 'string') return STRING;
      return maybe(l, r, 'int', 'float', 'string') ? UNKNOWN : mismatch();
    case 'in':
      if (r.k === 'struct') return l.k === 'string' || isUnknown(l) ? BOOL : mismatch();
      if (r.k === 'map') {
        if (!isUnknown(l) && l.k !== 'string') return fail(`cannot use ${l.k} as type string in map key`);
        return BOOL;
      }
      if (r.k === 'array') {
        if (!comparable(l, r.elem)) return fail(`cannot use ${l.k} as type ${r.elem.k} in array`);
        return BOOL;
      }
      if (isUnknown(l) && ['string', 'array', 'map'].includes(r.k)) return BOOL;
      return isUnknown(r) ? BOOL : mismatch();
    case 'matches': {
      if (node.right.type === 'string') {
        const re = compileRe2(node.right.value);
        if (re.kind === 'error') fail(re.message);
      }
      return (l.k === 'string' && r.k === 'string') || maybe(l, r, 'string') ? BOOL : mismatch();
    }
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return (l.k === 'string' && r.k === 'string') || maybe(l, r, 'string') ? BOOL : mismatch();
    case '..':
      return (l.k === 'int' && r.k === 'int') || maybe(l, r, 'int') ? { k: 'array', elem: INT } : mismatch();
    case '??':
      if (l.k === 'nil') return r;
      if (r.k === 'nil') return l;
      return assignable(r, l) ? l : UNKNOWN;
    default:
      return fail(`unknown operator (${op})`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The evaluator: the VM's behaviour, operator by operator.

/** An optional chain (`a?.b.c`) that met nil: the whole chain is nil. */
const CHAIN_NIL = Symbol('chain-nil');

class Evaluator {
  readonly env: Readonly<Record<string, unknown>>;
  readonly natures: WeakMap<Node, Nature>;
  readonly pointers: unknown[] = [];
  constructor(env: Readonly<Record<string, unknown>>, natures: WeakMap<Node, Nature>) {
    this.env = env;
    this.natures = natures;
  }

  /**
   * `==` and `!=` compile to OpEqualInt / OpEqualString when the checker typed both sides int (or string); those
   * assert the type at run time, so a value of another type there (the checker types `c ? 1 : asFloat(x)` as int)
   * is a runtime error, not a comparison.
   */
  typedEqual(leftNode: Node, rightNode: Node, l: unknown, r: unknown): void {
    const a = this.natures.get(leftNode)?.k;
    const b = this.natures.get(rightNode)?.k;
    if (a !== b) return;
    const want = a === 'int' ? 'bigint' : a === 'string' ? 'string' : undefined;
    if (want === undefined) return;
    for (const v of [l, r])
      if (typeof v !== want) throw new ExprRuntimeError(`interface conversion: interface {} is ${goType(v)}, not ${a}`);
  }

  value(node: Node): unknown {
    const v = this.eval(node);
    return v === CHAIN_NIL ? null : v;
  }

  eval(node: Node): unknown {
    switch (node.type) {
      case 'nil':
        return null;
      case 'bool':
      case 'int':
      case 'float':
      case 'string':
        return node.value;
      case 'identifier':
        return this.env[node.name] ?? null;
      case 'pointer':
        return this.pointers[this.pointers.length - 1];
      case 'unary': {
        const v = this.value(node.node);
        if (node.operator === '!' || node.operator === 'not') {
          if (typeof v !== 'boolean')
            throw new ExprRuntimeError(`interface conversion: interface {} is ${goType(v)}, not bool`);
          return !v;
        }
        if (node.operator === '+') {
          if (typeof v === 'bigint' || typeof v === 'number') return v;
          throw new ExprRuntimeError(`invalid operation: + ${goType(v)}`);
        }
        if (typeof v === 'bigint') return BigInt.asIntN(64, -v);
        if (typeof v === 'number') return -v;
        throw new ExprRuntimeError(`invalid operation: - ${goType(v)}`);
      }
      case 'binary':
        return this.binary(node.operator, node.left, node.right);
      case 'conditional': {
        const c = this.value(node.cond);
        if (typeof c !== 'boolean')
          throw new ExprRuntimeError(`interface conversion: interface {} is ${goType(c)}, not bool`);
        return c ? this.value(node.whenTrue) : this.value(node.whenFalse);
      }
      case 'member':
        return this.member(node);
      case 'slice':
        return this.slice(node);
      case 'array':
        return node.nodes.map((n) => this.value(n));
      case 'map': {
        const out: Record<string, unknown> = {};
        for (const p of node.pairs) {
          const k = this.value(p.key);
          if (typeof k !== 'string') throw new ExprUnsupported(`a map key of type ${goType(k)}`);
          out[k] = this.value(p.value);
        }
        return out;
      }
      case 'call': {
        const fn = this.value(node.callee);
        const args = node.args.map((a) => this.value(a));
        if (fn === null) throw new ExprRuntimeError('invalid operation: cannot call nil');
        if (!(fn instanceof GoFunc)) {
          if (node.callee.type === 'member') throw new ExprUnsupported('a method call');
          throw new ExprRuntimeError(`invalid operation: cannot call non-function of type ${goType(fn)}`);
        }
        return callGoFunc(fn, args);
      }
      case 'builtin':
        if (isPredicateBuiltin(node.name)) return this.predicateBuiltin(node.name, node.args);
        return callBuiltin(
          node.name,
          node.args.map((a) => this.value(a)),
        );
      case 'predicate':
        return this.value(node.node);
    }
  }

  binary(op: string, leftNode: Node, rightNode: Node): unknown {
    if (op === 'and' || op === '&&' || op === 'or' || op === '||') {
      const l = this.value(leftNode);
      if (typeof l !== 'boolean')
        throw new ExprRuntimeError(`interface conversion: interface {} is ${goType(l)}, not bool`);
      const and = op === 'and' || op === '&&';
      if (and ? !l : l) return l;
      // The right operand is the result as it is: the VM checks only the left one.
      return this.value(rightNode);
    }
    if (op === 'in' && (rightNode as { type: string }).type === 'set') {
      const set = rightNode as unknown as SetNode;
      const needle = this.value(leftNode);
      // A lookup in Go's map[int]/map[string]: nil finds the zero key; a key of another type panics.
      const key = needle === null ? (set.kind === 'int' ? 0n : '') : needle;
      if ((set.kind === 'int' && typeof key !== 'bigint') || (set.kind === 'string' && typeof key !== 'string'))
        throw new ExprRuntimeError(
          `reflect.Value.MapIndex: value of type ${goType(key)} is not assignable to type ${set.kind}`,
        );
      return set.values.has(key);
    }
    if (op === '??') {
      const l = this.eval(leftNode);
      if (l !== null && l !== CHAIN_NIL) return l;
      return this.value(rightNode);
    }
    const l = this.value(leftNode);
    const r = this.value(rightNode);
    switch (op) {
      case '==':
      case '!=':
        this.typedEqual(leftNode, rightNode, l, r);
        return op === '==' ? equal(l, r) : !equal(l, r);
      case '<':
      case '>':
      case '<=':
      case '>=':
        return less(op, l, r);
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '**':
      case '^':
        return arithmetic(op, l, r);
      case 'in':
        return inOp(l, r);
      case 'matches': {
        if (typeof l !== 'string' || typeof r !== 'string')
          throw new ExprRuntimeError(`invalid operation: matches (${goType(l)}, ${goType(r)})`);
        const re = compileRe2(r);
        if (re.kind === 'unsupported')
          throw new ExprUnsupported(`the regular expression ${JSON.stringify(r)} (${re.construct})`);
        if (re.kind === 'error') throw new ExprRuntimeError(re.message);
        return re.regexp.test(l);
      }
      case 'contains':
      case 'startsWith':
      case 'endsWith': {
        if (typeof l !== 'string' || typeof r !== 'string')
          throw new ExprRuntimeError(`invalid operation: ${op} (${goType(l)}, ${goType(r)})`);
        return op === 'contains' ? l.includes(r) : op === 'startsWith' ? l.startsWith(r) : l.endsWith(r);
      }
      case '..': {
        if (typeof l !== 'bigint' || typeof r !== 'bigint')
          throw new ExprRuntimeError(`invalid operation: .. (${goType(l)}, ${goType(r)})`);
        if (r - l > 100000n) throw new ExprUnsupported('a range of more than 100000 numbers');
        const out: bigint[] = [];
        for (let i = l; i <= r; i++) out.push(i);
        return out;
      }
      default:
        throw new ExprUnsupported(`the operator ${op}`);
    }
  }

  member(node: Node & { type: 'member' }): unknown {
    const base = this.eval(node.node);
    if (base === CHAIN_NIL) return CHAIN_NIL;
    if (base === null && node.optional) return CHAIN_NIL;
    const key = this.value(node.property);
    return fetchMember(base, key);
  }

  slice(node: Node & { type: 'slice' }): unknown {
    const base = this.value(node.node);
    const from = node.from ? this.value(node.from) : undefined;
    const to = node.to ? this.value(node.to) : undefined;
    // Go slices a string's UTF-8 bytes: the same text when the cut falls between characters.
    let items: readonly unknown[];
    if (Array.isArray(base)) items = base;
    else if (typeof base === 'string') items = Array.from(new TextEncoder().encode(base));
    else throw new ExprRuntimeError(`cannot slice ${goType(base)}`);
    const n = items.length;
    let a = from === undefined ? 0 : toInt(from);
    let b = to === undefined ? n : toInt(to);
    if (a < 0) a = n + a;
    if (a < 0) a = 0;
    if (b < 0) b = n + b;
    if (b < 0) b = 0;
    if (b > n) b = n;
    if (a > b) a = b;
    const out = items.slice(a, b);
    if (typeof base !== 'string') return out;
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Uint8Array.from(out as number[]));
    } catch {
      throw new ExprUnsupported('a slice that cuts a character in two (Go keeps the bytes)');
    }
  }

  predicateBuiltin(name: string, args: readonly Node[]): unknown {
    const coll = this.value(args[0] as Node);
    if (!Array.isArray(coll)) throw new ExprRuntimeError(`cannot iterate over ${goType(coll)}`);
    const pred = args[1] as Node;
    const test = (item: unknown): unknown => {
      this.pointers.push(item);
      try {
        return this.value(pred);
      } finally {
        this.pointers.pop();
      }
    };
    const truth = (item: unknown): boolean => {
      const v = test(item);
      if (typeof v !== 'boolean')
        throw new ExprRuntimeError(`interface conversion: interface {} is ${goType(v)}, not bool`);
      return v;
    };
    switch (name) {
      case 'all':
        return coll.every(truth);
      case 'any':
        return coll.some(truth);
      case 'none':
        return !coll.some(truth);
      case 'one': {
        let n = 0;
        for (const item of coll) if (truth(item)) n++;
        return n === 1;
      }
      case 'filter':
        return coll.filter(truth);
      case 'map':
        return coll.map(test);
      case 'count':
        return BigInt(coll.filter(truth).length);
      case 'find':
        return coll.find(truth) ?? null;
      case 'findIndex':
        return BigInt(coll.findIndex(truth));
      case 'findLast':
        return [...coll].reverse().find(truth) ?? null;
      case 'findLastIndex': {
        for (let i = coll.length - 1; i >= 0; i--) if (truth(coll[i])) return BigInt(i);
        return -1n;
      }
      default:
        throw new ExprUnsupported(`the builtin ${name}`);
    }
  }
}

const goType = goTypeName;

/** runtime.Fetch. */
function fetchMember(base: unknown, key: unknown): unknown {
  if (base === null || base === undefined) throw new ExprRuntimeError(`cannot fetch ${String(key)} from <nil>`);
  if (Array.isArray(base)) {
    let i = toInt(key);
    if (i < 0) i = base.length + i;
    if (i < 0 || i >= base.length)
      throw new ExprRuntimeError(`index out of range: ${i} (array length is ${base.length})`);
    return base[i];
  }
  if (typeof base === 'string') {
    // runtime.Fetch reads a string's index with ToInt: a number gives a byte (a uint8, outside the subset), else it panics.
    if (typeof key === 'bigint' || typeof key === 'number')
      throw new ExprUnsupported('indexing a string (Go gives a byte)');
    throw new ExprRuntimeError(`cannot fetch ${String(key)} from string`);
  }
  if (base instanceof GoFuncMap) {
    if (typeof key !== 'string') throw new ExprRuntimeError(`cannot fetch ${String(key)} from map`);
    const fn = base.funcs.get(key);
    if (fn) return fn;
    if (base.names.has(key)) throw new ExprUnsupported(`sprig.${key}`);
    return null;
  }
  if (base instanceof GoStruct) {
    if (typeof key === 'string' && Object.hasOwn(base.fields, key)) return base.fields[key];
    throw new ExprRuntimeError(`cannot fetch ${String(key)} from ${base.typeName}`);
  }
  if (isGoMap(base)) {
    if (key === null) return base[''] ?? null;
    if (typeof key !== 'string')
      throw new ExprRuntimeError(
        `reflect.Value.MapIndex: value of type ${goType(key)} is not assignable to type string`,
      );
    return Object.hasOwn(base, key) ? base[key] : null;
  }
  throw new ExprRuntimeError(`cannot fetch ${String(key)} from ${goType(base)}`);
}

/** runtime.In. */
function inOp(needle: unknown, haystack: unknown): boolean {
  if (haystack === null || haystack === undefined) return false;
  if (Array.isArray(haystack)) return haystack.some((x) => equal(x, needle));
  if (haystack instanceof GoStruct) {
    if (typeof needle !== 'string')
      throw new ExprRuntimeError(`cannot use ${goType(needle)} as field name of ${haystack.typeName}`);
    return Object.hasOwn(haystack.fields, needle);
  }
  if (isGoMap(haystack)) {
    if (needle === null) return Object.hasOwn(haystack, '');
    if (typeof needle !== 'string')
      throw new ExprRuntimeError(
        `reflect.Value.MapIndex: value of type ${goType(needle)} is not assignable to type string`,
      );
    return Object.hasOwn(haystack, needle);
  }
  throw new ExprRuntimeError(`operator "in" not defined on ${goType(haystack)}`);
}

/** The VM's OpCall through reflection: argument count, nil as the parameter's zero value, exact parameter types. */
function callGoFunc(fn: GoFunc, args: readonly unknown[]): unknown {
  const variadic = fn.params.at(-1)?.startsWith('...') ?? false;
  const fixed = variadic ? fn.params.length - 1 : fn.params.length;
  if (variadic ? args.length < fixed : args.length !== fixed)
    throw new ExprRuntimeError(`invalid number of arguments: expected ${fixed}, got ${args.length}`);
  const converted = args.map((a, i) => {
    const want = (i < fixed ? fn.params[i] : fn.params.at(-1)?.slice(3)) ?? 'any';
    if (want === 'any') return a;
    if (a === null) {
      if (want === 'string') return '';
      if (want === 'int') return 0n;
      if (want === 'bool') return false;
      return null;
    }
    const kind = natureOf(a).k;
    if (kind !== want) throw new ExprRuntimeError(`reflect: Call using ${goType(a)} as type ${want}`);
    return a;
  });
  return fn.call(converted);
}

export { compareGoStrings };

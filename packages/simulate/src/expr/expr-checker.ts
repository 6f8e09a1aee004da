/**
 * expr-lang's type checker (v1.17.8, checker/), reduced to what Argo's environments hold: each node's nature (its
 * static type: a Go type, interface{} for a map's element or a function's `any` result, or none at all), and the
 * compile errors expr raises from them, with its quirks: a conditional typed by its first branch when the second is
 * interface{}; arguments of a call through an untyped value and indexes of a slice of one are not checked.
 */
import { checkBuiltin } from './expr-builtins.js';
import { ExprUnsupported } from './expr-lexer.js';
import type { Node } from './expr-parser.js';
import { GoFunc, GoFuncMap, GoStruct } from './expr-values.js';
import { compileRe2 } from './re2.js';

export class ExprCompileError extends Error {}

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
  if (v instanceof GoStruct) {
    let n = STRUCT_NATURES.get(v);
    if (!n) {
      n = {
        k: 'struct',
        name: v.typeName,
        fields: Object.fromEntries(Object.entries(v.fields).map(([f, x]) => [f, natureOf(x)])),
      };
      STRUCT_NATURES.set(v, n);
    }
    return n;
  }
  return { k: 'map' };
}

/** A struct's nature, once per struct (its fields do not change): every mention of it in an expression asks. */
const STRUCT_NATURES = new WeakMap<GoStruct, Nature>();

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
export function check(tree: Node, env: Readonly<Record<string, unknown>>): WeakMap<Node, Nature> {
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
export function compileConstantPatterns(node: Node): void {
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
export const isPredicateBuiltin = (name: string) => PREDICATE_BUILTINS.includes(name);

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

/**
 * expr-lang's virtual machine (v1.17.8, vm/), operator by operator, over the checked and optimized tree: Go's
 * runtime type assertions, member access on maps, lists, structs and nil, optional chains, the closures over `#`,
 * calls of Go functions through reflection.
 */

import { callBuiltin } from './expr-builtins.js';
import { isPredicateBuiltin, type Nature, natureOf } from './expr-checker.js';
import { ExprUnsupported } from './expr-lexer.js';
import { arithmetic, ExprRuntimeError, equal, less, toInt } from './expr-ops.js';
import type { SetNode } from './expr-optimizer.js';
import type { Node } from './expr-parser.js';
import { GoFunc, GoFuncMap, GoStruct, goTypeName, isGoMap } from './expr-values.js';
import { compileRe2 } from './re2.js';

/** An optional chain (`a?.b.c`) that met nil: the whole chain is nil. */
const CHAIN_NIL = Symbol('chain-nil');

export class Evaluator {
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

/**
 * expr-lang's optimizer (v1.17.8, optimizer/), the parts that change what an expression does, reproduced on the
 * checked tree before it runs:
 *
 * - constant folding to a fixed point (fold.go): arithmetic on number literals, `!`/`-` of literals, `==` of two
 *   literals of one kind, and the boolean shortcuts `x and false` → false, `x and true` → x, `x or true` → true,
 *   `x or false` → x (and mirrored): `x` is then never evaluated, or is the result without a bool check; a `%` by a
 *   constant zero is a compile error;
 * - `in` over a literal list of ints (when the left side is typed int) or of strings (in_array.go): a set lookup,
 *   where a needle of another type is a runtime error and nil finds "";
 * - `in` over a literal int range (in_range.go) for a left side typed int: `x >= a and x <= b`.
 *
 * The other passes (filter/map/count/sum rewrites) give the same results and are not reproduced.
 */
import { ExprCompileError, type Nature } from './expr-checker.js';
import { pow } from './expr-ops.js';
import type { Node } from './expr-parser.js';

/** A `in` whose right side became a set: ints or strings. */
export type SetNode = { readonly type: 'set'; readonly kind: 'int' | 'string'; readonly values: ReadonlySet<unknown> };

export function optimize(tree: Node, natures: WeakMap<Node, Nature>): Node {
  let node = inArray(tree, natures);
  for (let limit = 1000; limit >= 0; limit--) {
    const state = { applied: false };
    node = fold(node, natures, state);
    if (!state.applied) break;
  }
  return inRange(node, natures);
}

const isInt = (n: Node): n is Node & { type: 'int' } => n.type === 'int';
const isFloat = (n: Node): n is Node & { type: 'float' } => n.type === 'float';
const isBool = (n: Node): n is Node & { type: 'bool' } => n.type === 'bool';
const isString = (n: Node): n is Node & { type: 'string' } => n.type === 'string';

const wrap = (n: bigint) => BigInt.asIntN(64, n);

/** Rebuilds `node` with `f` applied to its children (the same object when nothing changed; a copy keeps its nature). */
function mapChildren(node: Node, f: (n: Node) => Node, natures: WeakMap<Node, Nature>): Node {
  const copy = rebuild(node, f);
  const nature = natures.get(node);
  if (copy !== node && nature) natures.set(copy, nature);
  return copy;
}

function rebuild(node: Node, f: (n: Node) => Node): Node {
  switch (node.type) {
    case 'unary': {
      const n = f(node.node);
      return n === node.node ? node : { ...node, node: n };
    }
    case 'binary': {
      const l = f(node.left);
      const r = f(node.right);
      return l === node.left && r === node.right ? node : { ...node, left: l, right: r };
    }
    case 'conditional': {
      const c = f(node.cond);
      const a = f(node.whenTrue);
      const b = f(node.whenFalse);
      return c === node.cond && a === node.whenTrue && b === node.whenFalse
        ? node
        : { ...node, cond: c, whenTrue: a, whenFalse: b };
    }
    case 'member': {
      const n = f(node.node);
      const p = f(node.property);
      return n === node.node && p === node.property ? node : { ...node, node: n, property: p };
    }
    case 'slice': {
      const n = f(node.node);
      const from = node.from && f(node.from);
      const to = node.to && f(node.to);
      return n === node.node && from === node.from && to === node.to ? node : { ...node, node: n, from, to };
    }
    case 'call': {
      const args = node.args.map(f);
      return args.every((a, i) => a === node.args[i]) ? node : { ...node, args };
    }
    case 'builtin': {
      const args = node.args.map(f);
      return args.every((a, i) => a === node.args[i]) ? node : { ...node, args };
    }
    case 'predicate': {
      const n = f(node.node);
      return n === node.node ? node : { ...node, node: n };
    }
    case 'array': {
      const nodes = node.nodes.map(f);
      return nodes.every((a, i) => a === node.nodes[i]) ? node : { ...node, nodes };
    }
    case 'map': {
      const pairs = node.pairs.map((p) => ({ key: f(p.key), value: f(p.value) }));
      return pairs.every((p, i) => p.key === node.pairs[i]?.key && p.value === node.pairs[i]?.value)
        ? node
        : { ...node, pairs };
    }
    default:
      return node;
  }
}

function literal(node: Node, natures: WeakMap<Node, Nature>): Node {
  const k =
    node.type === 'int' || node.type === 'float' || node.type === 'string' || node.type === 'bool'
      ? node.type
      : undefined;
  if (k) natures.set(node, { k });
  return node;
}

function fold(node: Node, natures: WeakMap<Node, Nature>, state: { applied: boolean }): Node {
  const n = mapChildren(node, (c) => fold(c, natures, state), natures);
  const patch = (x: Node) => {
    state.applied = true;
    return literal(x, natures);
  };
  const copy = (x: Node) => {
    state.applied = true;
    return x;
  };
  if (n.type === 'unary') {
    const v = n.node;
    if (n.operator === '-' && isInt(v)) return patch({ type: 'int', value: wrap(-v.value) });
    if (n.operator === '-' && isFloat(v)) return patch({ type: 'float', value: -v.value });
    if (n.operator === '+' && (isInt(v) || isFloat(v))) return patch(v);
    if ((n.operator === '!' || n.operator === 'not') && isBool(v)) return patch({ type: 'bool', value: !v.value });
    return n;
  }
  if (n.type !== 'binary') return n;
  const { left: a, right: b } = n;
  const num = (x: Node): number | undefined => (isInt(x) ? Number(x.value) : isFloat(x) ? x.value : undefined);
  switch (n.operator) {
    case '+':
    case '-':
    case '*':
      if (isInt(a) && isInt(b))
        return patch({
          type: 'int',
          value: wrap(
            n.operator === '+' ? a.value + b.value : n.operator === '-' ? a.value - b.value : a.value * b.value,
          ),
        });
      if (n.operator === '+' && isString(a) && isString(b)) return patch({ type: 'string', value: a.value + b.value });
      if (num(a) !== undefined && num(b) !== undefined) {
        const x = num(a) as number;
        const y = num(b) as number;
        return patch({ type: 'float', value: n.operator === '+' ? x + y : n.operator === '-' ? x - y : x * y });
      }
      return n;
    case '/':
      if (num(a) !== undefined && num(b) !== undefined)
        return patch({ type: 'float', value: (num(a) as number) / (num(b) as number) });
      return n;
    case '%':
      if (isInt(a) && isInt(b)) {
        if (b.value === 0n) throw new ExprCompileError('integer divide by zero');
        return patch({ type: 'int', value: wrap(a.value % b.value) });
      }
      return n;
    case '**':
    case '^':
      if (num(a) !== undefined && num(b) !== undefined)
        return patch({ type: 'float', value: pow(num(a) as number, num(b) as number) });
      return n;
    case 'and':
    case '&&':
      if (isBool(a) && a.value) return copy(b);
      if (isBool(b) && b.value) return copy(a);
      if ((isBool(a) && !a.value) || (isBool(b) && !b.value)) return patch({ type: 'bool', value: false });
      return n;
    case 'or':
    case '||':
      if (isBool(a) && !a.value) return copy(b);
      if (isBool(b) && !b.value) return copy(a);
      if ((isBool(a) && a.value) || (isBool(b) && b.value)) return patch({ type: 'bool', value: true });
      return n;
    case '==':
      if ((isInt(a) && isInt(b)) || (isString(a) && isString(b)) || (isBool(a) && isBool(b)))
        return patch({ type: 'bool', value: a.value === b.value });
      return n;
    default:
      return n;
  }
}

function inArray(node: Node, natures: WeakMap<Node, Nature>): Node {
  const n = mapChildren(node, (c) => inArray(c, natures), natures);
  if (n.type !== 'binary' || n.operator !== 'in' || n.right.type !== 'array' || n.right.nodes.length === 0) return n;
  const items = n.right.nodes;
  let kind: 'int' | 'string' | undefined;
  if (natures.get(n.left)?.k === 'int' && items.every(isInt)) kind = 'int';
  else if (items.every(isString)) kind = 'string';
  if (!kind) return n;
  const set: SetNode = { type: 'set', kind, values: new Set(items.map((i) => (i as { value: unknown }).value)) };
  return { ...n, right: set as unknown as Node };
}

function inRange(node: Node, natures: WeakMap<Node, Nature>): Node {
  const n = mapChildren(node, (c) => inRange(c, natures), natures);
  if (n.type !== 'binary' || n.operator !== 'in' || natures.get(n.left)?.k !== 'int') return n;
  const r = n.right;
  if (r.type !== 'binary' || r.operator !== '..' || !isInt(r.left) || !isInt(r.right)) return n;
  return {
    type: 'binary',
    operator: 'and',
    left: { type: 'binary', operator: '>=', left: n.left, right: r.left },
    right: { type: 'binary', operator: '<=', left: n.left, right: r.right },
  };
}

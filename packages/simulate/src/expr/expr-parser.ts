/**
 * expr-lang's parser (v1.17.8, parser/parser.go), reproduced: precedence climbing with the same table, `not in`,
 * chained comparisons (`a < b < c` is `a < b && b < c`), `??` that cannot mix with other operators unparenthesised,
 * the ternary and its `?:` form, postfix member/index/slice/call, predicates of the closure builtins with `#`.
 * Constructs outside the simulation's subset are parsed far enough to be named (`let`, `if`, `;`, method calls).
 */
import { ExprSyntaxError, ExprUnsupported, isValidIdentifier, lexExpr, type Token } from './expr-lexer.js';

export type Node =
  | { readonly type: 'nil' }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'identifier'; readonly name: string }
  | { readonly type: 'pointer'; readonly name: string }
  | { readonly type: 'unary'; readonly operator: string; readonly node: Node }
  | { readonly type: 'binary'; readonly operator: string; readonly left: Node; readonly right: Node }
  | { readonly type: 'conditional'; readonly cond: Node; readonly whenTrue: Node; readonly whenFalse: Node }
  | {
      readonly type: 'member';
      readonly node: Node;
      readonly property: Node;
      readonly optional: boolean;
      readonly chain: boolean;
    }
  | { readonly type: 'slice'; readonly node: Node; readonly from?: Node; readonly to?: Node }
  | { readonly type: 'call'; readonly callee: Node; readonly args: readonly Node[] }
  | { readonly type: 'builtin'; readonly name: string; readonly args: readonly Node[] }
  | { readonly type: 'predicate'; readonly node: Node }
  | { readonly type: 'array'; readonly nodes: readonly Node[] }
  | { readonly type: 'map'; readonly pairs: readonly { readonly key: Node; readonly value: Node }[] };

const UNARY: Record<string, number> = { not: 50, '!': 50, '-': 90, '+': 90 };
const BINARY: Record<string, { precedence: number; right?: boolean }> = {
  '|': { precedence: 0 },
  or: { precedence: 10 },
  '||': { precedence: 10 },
  and: { precedence: 15 },
  '&&': { precedence: 15 },
  '==': { precedence: 20 },
  '!=': { precedence: 20 },
  '<': { precedence: 20 },
  '>': { precedence: 20 },
  '>=': { precedence: 20 },
  '<=': { precedence: 20 },
  in: { precedence: 20 },
  matches: { precedence: 20 },
  contains: { precedence: 20 },
  startsWith: { precedence: 20 },
  endsWith: { precedence: 20 },
  '..': { precedence: 25 },
  '+': { precedence: 30 },
  '-': { precedence: 30 },
  '*': { precedence: 60 },
  '/': { precedence: 60 },
  '%': { precedence: 60 },
  '**': { precedence: 100, right: true },
  '^': { precedence: 100, right: true },
  '??': { precedence: 500 },
};
const COMPARISON = ['<', '>', '>=', '<='];
const NEGATABLE = ['contains', 'matches', 'startsWith', 'endsWith', 'in'];

/** Builtins whose arguments after the first are predicates (closures over `#`), and which may be optional. */
const PREDICATES: Record<string, readonly ('expr' | 'predicate' | 'predicate?' | 'expr?')[]> = {
  all: ['expr', 'predicate'],
  none: ['expr', 'predicate'],
  any: ['expr', 'predicate'],
  one: ['expr', 'predicate'],
  filter: ['expr', 'predicate'],
  map: ['expr', 'predicate'],
  count: ['expr', 'predicate?'],
  sum: ['expr', 'predicate?'],
  find: ['expr', 'predicate'],
  findIndex: ['expr', 'predicate'],
  findLast: ['expr', 'predicate'],
  findLastIndex: ['expr', 'predicate'],
  groupBy: ['expr', 'predicate'],
  sortBy: ['expr', 'predicate', 'expr?'],
  reduce: ['expr', 'predicate', 'expr?'],
};

/** expr-lang's builtin functions (builtin.Index): a call to one of these names is a builtin, not an env function. */
export const BUILTIN_NAMES = new Set([
  'len',
  'type',
  'abs',
  'ceil',
  'floor',
  'round',
  'int',
  'float',
  'string',
  'trim',
  'trimPrefix',
  'trimSuffix',
  'upper',
  'lower',
  'split',
  'splitAfter',
  'replace',
  'repeat',
  'join',
  'indexOf',
  'lastIndexOf',
  'hasPrefix',
  'hasSuffix',
  'max',
  'min',
  'mean',
  'median',
  'toJSON',
  'fromJSON',
  'toBase64',
  'fromBase64',
  'now',
  'duration',
  'date',
  'timezone',
  'first',
  'last',
  'get',
  'take',
  'keys',
  'values',
  'toPairs',
  'fromPairs',
  'reverse',
  'uniq',
  'concat',
  'flatten',
  'sort',
  'bitand',
  'bitor',
  'bitxor',
  'bitnand',
  'bitnot',
  'bitshl',
  'bitshr',
  'bitushr',
]);

export function parseExpr(source: string): Node {
  const tokens = lexExpr(source);
  let i = 0;
  let current = tokens[0] as Token;
  let stashed: Token | undefined;
  let depth = 0;
  const fail = (message: string): never => {
    throw new ExprSyntaxError(message);
  };
  const is = (t: Token, kind: Token['kind'], ...values: string[]) =>
    t.kind === kind && (values.length === 0 || values.includes(t.value));
  const next = () => {
    if (stashed) {
      current = stashed;
      stashed = undefined;
      return;
    }
    i++;
    const t = tokens[i];
    if (t === undefined) fail('unexpected end of expression');
    current = t as Token;
  };
  const expect = (kind: Token['kind'], ...values: string[]) => {
    if (is(current, kind, ...values)) next();
    else fail(`unexpected token ${show(current)}`);
  };

  const parseSequence = (): Node => {
    const first = parseExpression(0);
    if (is(current, 'Operator', ';')) throw new ExprUnsupported('a sequence of expressions (;)');
    return first;
  };

  const parseExpression = (precedence: number): Node => {
    if (precedence === 0 && is(current, 'Operator', 'let')) throw new ExprUnsupported('a variable declaration (let)');
    if (precedence === 0 && is(current, 'Operator', 'if')) throw new ExprUnsupported('if/else');
    let left = parsePrimary();
    let prev = '';
    let op = current;
    while (op.kind === 'Operator') {
      const negate = is(op, 'Operator', 'not');
      if (negate) {
        const backup = current;
        next();
        if (NEGATABLE.includes(current.value)) {
          const b = BINARY[current.value];
          if (b && b.precedence >= precedence) op = current;
          else {
            stashed = current;
            current = backup;
            break;
          }
        } else {
          fail(`unexpected token ${show(current)}`);
        }
      }
      const b = BINARY[op.value];
      if (!b || b.precedence < precedence) break;
      next();
      if (op.value === '|') throw new ExprUnsupported('the pipe operator (|)');
      if (prev === '??' && op.value !== '??')
        fail(`Operator (${op.value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.`);
      if (COMPARISON.includes(op.value)) {
        left = parseComparison(left, op, b.precedence);
      } else {
        const right = parseExpression(b.right ? b.precedence : b.precedence + 1);
        left = { type: 'binary', operator: op.value, left, right };
        if (negate) left = { type: 'unary', operator: 'not', node: left };
      }
      prev = op.value;
      op = current;
    }
    if (precedence === 0) left = parseConditional(left);
    return left;
  };

  const parseComparison = (first: Node, token: Token, precedence: number): Node => {
    let left = first;
    let root: Node | undefined;
    let t = token;
    for (;;) {
      const right = parseExpression(precedence + 1);
      const cmp: Node = { type: 'binary', operator: t.value, left, right };
      root = root === undefined ? cmp : { type: 'binary', operator: '&&', left: root, right: cmp };
      left = right;
      t = current;
      if (!(t.kind === 'Operator' && COMPARISON.includes(t.value))) break;
      next();
    }
    return root;
  };

  const parseConditional = (first: Node): Node => {
    let node = first;
    while (is(current, 'Operator', '?')) {
      next();
      let whenTrue: Node;
      let whenFalse: Node;
      if (!is(current, 'Operator', ':')) {
        whenTrue = parseExpression(0);
        expect('Operator', ':');
        whenFalse = parseExpression(0);
      } else {
        next();
        whenTrue = node;
        whenFalse = parseExpression(0);
      }
      node = { type: 'conditional', cond: node, whenTrue, whenFalse };
    }
    return node;
  };

  const parsePrimary = (): Node => {
    const token = current;
    if (token.kind === 'Operator' && UNARY[token.value] !== undefined) {
      next();
      const node = parseExpression(UNARY[token.value] as number);
      return parsePostfix({ type: 'unary', operator: token.value, node });
    }
    if (is(token, 'Bracket', '(')) {
      next();
      const node = parseSequence();
      expect('Bracket', ')');
      return parsePostfix(node);
    }
    if (depth > 0 && (is(token, 'Operator', '#') || is(token, 'Operator', '.'))) {
      let name = '';
      if (is(token, 'Operator', '#')) {
        next();
        if (current.kind === 'Identifier') {
          name = current.value;
          next();
        }
      }
      return parsePostfix({ type: 'pointer', name });
    }
    if (is(token, 'Operator', '::')) throw new ExprUnsupported('a call through ::');
    return parseSecondary();
  };

  const parseSecondary = (): Node => {
    const token = current;
    let node: Node;
    switch (token.kind) {
      case 'Identifier':
        next();
        if (token.value === 'true' || token.value === 'false') return { type: 'bool', value: token.value === 'true' };
        if (token.value === 'nil') return { type: 'nil' };
        node = is(current, 'Bracket', '(') ? parseCall(token) : { type: 'identifier', name: token.value };
        break;
      case 'Number':
        next();
        return parseNumber(token.value);
      case 'String':
        next();
        node = { type: 'string', value: token.value };
        break;
      case 'Bytes':
        throw new ExprUnsupported("a bytes literal (b'…')");
      default:
        if (is(token, 'Bracket', '[')) node = parseArray();
        else if (is(token, 'Bracket', '{')) node = parseMap();
        else return fail(`unexpected token ${show(token)}`);
    }
    return parsePostfix(node);
  };

  const parseNumber = (text: string): Node => {
    // Go removes every underscore first, then parses: hexadecimal, float, binary, octal, else decimal (0123 is 123).
    const value = text.replace(/_/g, '');
    const lower = value.toLowerCase();
    const prefixed = (prefix: string, digits: RegExp): Node => {
      const body = value.slice(2);
      if (!digits.test(body)) fail(`invalid literal: ${text}`);
      const n = BigInt(`${prefix}${body}`);
      if (n > 2n ** 63n - 1n) fail('integer literal is too large');
      return { type: 'int', value: n };
    };
    if (lower.startsWith('0x')) return prefixed('0x', /^[0-9a-fA-F]+$/);
    if (lower.includes('.') || lower.includes('e')) {
      const f = Number(value);
      if (!/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(lower) || !Number.isFinite(f)) fail(`invalid float literal: ${text}`);
      return { type: 'float', value: f };
    }
    if (lower.startsWith('0b')) return prefixed('0b', /^[01]+$/);
    if (lower.startsWith('0o')) return prefixed('0o', /^[0-7]+$/);
    if (!/^\d+$/.test(value)) fail(`invalid integer literal: ${text}`);
    const n = BigInt(value);
    if (n > 2n ** 63n - 1n) fail('invalid integer literal: value out of range');
    return { type: 'int', value: n };
  };

  const parseCall = (token: Token): Node => {
    const spec = PREDICATES[token.value];
    if (spec) {
      expect('Bracket', '(');
      const args: Node[] = [];
      for (const [k, arg] of spec.entries()) {
        if (arg.endsWith('?')) {
          if (is(current, 'Bracket', ')')) break;
        } else if (is(current, 'Bracket', ')')) fail(`expected at least ${spec.length} arguments`);
        if (k > 0) expect('Operator', ',');
        args.push(arg.startsWith('predicate') ? parsePredicate() : parseExpression(0));
      }
      if (is(current, 'Operator', ',')) next();
      expect('Bracket', ')');
      return { type: 'builtin', name: token.value, args };
    }
    const args = parseArguments();
    if (BUILTIN_NAMES.has(token.value)) return { type: 'builtin', name: token.value, args };
    return { type: 'call', callee: { type: 'identifier', name: token.value }, args };
  };

  const parseArguments = (): Node[] => {
    const args: Node[] = [];
    expect('Bracket', '(');
    while (!is(current, 'Bracket', ')')) {
      if (args.length > 0) {
        expect('Operator', ',');
        if (is(current, 'Bracket', ')')) break;
      }
      args.push(parseExpression(0));
    }
    expect('Bracket', ')');
    return args;
  };

  const parsePredicate = (): Node => {
    const braces = is(current, 'Bracket', '{');
    if (braces) next();
    depth++;
    const node = braces ? parseSequence() : parseExpression(0);
    if (!braces && is(current, 'Operator', ';')) fail('wrap predicate with brackets { and }');
    depth--;
    if (braces) expect('Bracket', '}');
    return { type: 'predicate', node };
  };

  const parseArray = (): Node => {
    const nodes: Node[] = [];
    expect('Bracket', '[');
    while (!is(current, 'Bracket', ']')) {
      if (nodes.length > 0) {
        expect('Operator', ',');
        if (is(current, 'Bracket', ']')) break;
      }
      nodes.push(parseExpression(0));
    }
    expect('Bracket', ']');
    return { type: 'array', nodes };
  };

  const parseMap = (): Node => {
    expect('Bracket', '{');
    const pairs: { key: Node; value: Node }[] = [];
    while (!is(current, 'Bracket', '}')) {
      if (pairs.length > 0) {
        expect('Operator', ',');
        if (is(current, 'Bracket', '}')) break;
        if (is(current, 'Operator', ',')) fail(`unexpected token ${show(current)}`);
      }
      let key: Node;
      if (current.kind === 'Number' || current.kind === 'String' || current.kind === 'Identifier') {
        key = { type: 'string', value: current.value };
        next();
      } else if (is(current, 'Bracket', '(')) {
        key = parseExpression(0);
      } else {
        return fail(
          'a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses',
        );
      }
      expect('Operator', ':');
      pairs.push({ key, value: parseExpression(0) });
    }
    expect('Bracket', '}');
    return { type: 'map', pairs };
  };

  const parsePostfix = (first: Node): Node => {
    let node = first;
    let t = current;
    while (t.kind === 'Operator' || t.kind === 'Bracket') {
      let optional = t.value === '?.';
      if (t.value === '.' || t.value === '?.') {
        next();
        const property = current;
        if (optional && is(property, 'Bracket', '[')) {
          t = property;
          optional = true;
          node = parseIndex(node, true);
          t = current;
          continue;
        }
        next();
        if (property.kind !== 'Identifier' && (property.kind !== 'Operator' || !isValidIdentifier(property.value)))
          fail('expected name');
        const chained = node.type === 'member' && node.chain;
        node = {
          type: 'member',
          node,
          property: { type: 'string', value: property.value },
          optional,
          chain: chained || optional,
        };
        // A method call, or (the case Argo has) a call of a function held in a map: `sprig.upper(x)`.
        if (is(current, 'Bracket', '(')) node = { type: 'call', callee: node, args: parseArguments() };
      } else if (t.value === '[') {
        node = parseIndex(node, false);
      } else {
        break;
      }
      t = current;
    }
    return node;
  };

  const parseIndex = (node: Node, optional: boolean): Node => {
    next(); // past [
    if (is(current, 'Operator', ':')) {
      next();
      const to = is(current, 'Bracket', ']') ? undefined : parseExpression(0);
      expect('Bracket', ']');
      return { type: 'slice', node, to };
    }
    const from = parseExpression(0);
    if (is(current, 'Operator', ':')) {
      next();
      const to = is(current, 'Bracket', ']') ? undefined : parseExpression(0);
      expect('Bracket', ']');
      return { type: 'slice', node, from, to };
    }
    expect('Bracket', ']');
    const chained = node.type === 'member' && node.chain;
    return { type: 'member', node, property: from, optional, chain: chained || optional };
  };

  const tree = parseSequence();
  if (current.kind !== 'EOF') fail(`unexpected token ${show(current)}`);
  return tree;
}

function show(t: Token): string {
  return t.kind === 'EOF' ? 'EOF' : `${t.kind}(${JSON.stringify(t.value)})`;
}

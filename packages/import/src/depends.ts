import { type Code, call } from './code.js';

/** Argo's enhanced `depends` expression, parsed: task results combined with &&, || and !. */
export type DependsAst =
  | { readonly op: 'and' | 'or'; readonly parts: readonly DependsAst[] }
  | { readonly op: 'not'; readonly part: DependsAst }
  | { readonly op: 'atom'; readonly task: string; readonly result?: string };

const RESULTS: Readonly<Record<string, string>> = {
  Succeeded: 'succeeded',
  Failed: 'failed',
  Errored: 'errored',
  Skipped: 'skipped',
  Omitted: 'omitted',
  Daemoned: 'daemoned',
  AnySucceeded: 'anySucceeded',
  AllFailed: 'allFailed',
};
const TOKEN = /\s*(&&|\|\||!|\(|\)|[A-Za-z0-9][-A-Za-z0-9]*(?:\.[A-Za-z]+)?)/y;

/** Parses a `depends` string; undefined when it is not something the DSL's and/or/not can rebuild. */
export function parseDepends(text: string): DependsAst | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    tokens.push(m[1] as string);
  }
  let i = 0;
  const peek = () => tokens[i];
  const list = (op: 'and' | 'or', sep: string, next: () => DependsAst | undefined): DependsAst | undefined => {
    const parts: DependsAst[] = [];
    for (;;) {
      const p = next();
      if (!p) return undefined;
      parts.push(p);
      if (peek() !== sep) break;
      i++;
    }
    return parts.length === 1 ? parts[0] : { op, parts };
  };
  const unary = (): DependsAst | undefined => {
    const t = tokens[i++];
    if (t === '!') {
      const part = unary();
      return part && { op: 'not', part };
    }
    if (t === '(') {
      const inner = orExpr();
      return tokens[i++] === ')' ? inner : undefined;
    }
    if (!t || !/^[A-Za-z0-9]/.test(t)) return undefined;
    const [task, result] = t.split('.') as [string, string | undefined];
    if (result !== undefined && !(result in RESULTS)) return undefined;
    return { op: 'atom', task, ...(result ? { result } : {}) };
  };
  const andExpr = () => list('and', '&&', unary);
  const orExpr = (): DependsAst | undefined => list('or', '||', andExpr);
  const ast = orExpr();
  return ast && i === tokens.length ? ast : undefined;
}

/** Every task an expression mentions, in order of first mention. */
export function tasksIn(ast: DependsAst): string[] {
  const out = new Set<string>();
  const walk = (a: DependsAst): void => {
    if (a.op === 'atom') out.add(a.task);
    else if (a.op === 'not') walk(a.part);
    else a.parts.forEach(walk);
  };
  walk(ast);
  return [...out];
}

/** The task names of a plain conjunction (`a && b`: what `dependencies: [a, b]` means), else undefined. */
export function plainTasks(ast: DependsAst): string[] | undefined {
  if (ast.op === 'atom') return ast.result ? undefined : [ast.task];
  if (ast.op !== 'and') return undefined;
  const names = ast.parts.map((p) => (p.op === 'atom' && !p.result ? p.task : undefined));
  return names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

/** The expression in the DSL: `and(a.succeeded, not(b.failed))`. */
export function dependsCode(ast: DependsAst, varOf: (task: string) => string, imports: Set<string>): Code {
  if (ast.op === 'atom') return `${varOf(ast.task)}.${ast.result ? RESULTS[ast.result] : 'done'}`;
  imports.add(ast.op);
  if (ast.op === 'not') return call('not', dependsCode(ast.part, varOf, imports));
  return call(ast.op, ...ast.parts.map((p) => dependsCode(p, varOf, imports)));
}

/**
 * A canonical text for comparing two expressions: nested and/or flattened and their parts sorted (both are
 * commutative), so `b && (a)` and `a && b` compare equal. Used by the round-trip normalisation.
 */
export function canonicalDepends(ast: DependsAst): string {
  if (ast.op === 'atom') return ast.result ? `${ast.task}.${ast.result}` : ast.task;
  if (ast.op === 'not') return `!(${canonicalDepends(ast.part)})`;
  const flatParts = ast.parts.flatMap((p) => (p.op === ast.op ? (p as { parts: readonly DependsAst[] }).parts : [p]));
  const texts = [...new Set(flatParts.map(canonicalDepends))].sort();
  return texts.length === 1 ? (texts[0] as string) : `(${texts.join(ast.op === 'and' ? ' && ' : ' || ')})`;
}

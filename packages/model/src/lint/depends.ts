/**
 * Argo's enhanced `depends` expressions: task names and `task.Result` joined by `&&`, `||`, `!` and parentheses.
 * Argo reads the task names out of the string with a regex and leaves the boolean syntax to run time
 * (argo-validation-rules.md rules 41, 45 and §12); we parse it, so a typo fails before the cluster sees it.
 */

/** The results a `depends` expression may name (`task.Failed`): the controller's TaskResults fields, in its order. */
export const TASK_RESULTS = [
  'Succeeded',
  'Failed',
  'Errored',
  'Skipped',
  'Omitted',
  'Daemoned',
  'AnySucceeded',
  'AllFailed',
] as const;

export interface DependsOperand {
  readonly task: string;
  readonly result?: string;
}

export type ParsedDepends =
  | { readonly ok: true; readonly operands: readonly DependsOperand[] }
  | { readonly ok: false; readonly error: string };

const TOKEN = /\s*(?:(&&|\|\||!|\(|\))|([a-zA-Z0-9][-a-zA-Z0-9]*)(?:\.([A-Za-z]+))?)/y;
/** Only spaces left from `lastIndex` on (sticky, so the rest of the text is not copied to look). */
const BLANK_REST = /\s*$/y;

/** Task names joined by ` && `, as the DSL writes a task's dependencies: most `depends` of a generated document. */
const PLAIN_AND = /^[a-zA-Z0-9][-a-zA-Z0-9]*(?: && [a-zA-Z0-9][-a-zA-Z0-9]*)*$/;

export function parseDepends(text: string): ParsedDepends {
  // The tokenizer and parser below read such a text as these very operands; this skips their tokens and regex matches.
  if (PLAIN_AND.test(text)) {
    const names = text.split(' && ');
    const operands: DependsOperand[] = [];
    for (let i = 0; i < names.length; i++) operands.push({ task: names[i] as string });
    return { ok: true, operands };
  }
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    BLANK_REST.lastIndex = at;
    if (BLANK_REST.test(text)) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return { ok: false, error: `unexpected '${text.slice(at).trim()}'` };
    at = TOKEN.lastIndex;
    if (m[1]) tokens.push({ op: m[1] });
    else tokens.push(m[3] !== undefined ? { task: m[2] ?? '', result: m[3] } : { task: m[2] ?? '' });
  }
  // Recursive descent over plain functions and one state object (no closures per call: the lint parses every task's
  // `depends`); each function returns an error message or undefined.
  const p: Parser = { tokens, i: 0, operands: [] };
  const error = or(p);
  if (error) return { ok: false, error };
  const rest = tokens[p.i];
  if (rest !== undefined) return { ok: false, error: `unexpected '${'op' in rest ? rest.op : rest.task}'` };
  return { ok: true, operands: p.operands };
}

type Token = { readonly op: string } | DependsOperand;

interface Parser {
  readonly tokens: readonly Token[];
  /** The next token. */
  i: number;
  readonly operands: DependsOperand[];
}

function isOp(p: Parser, op: string): boolean {
  const t = p.tokens[p.i];
  return t !== undefined && 'op' in t && t.op === op;
}

function primary(p: Parser): string | undefined {
  const t = p.tokens[p.i];
  if (t === undefined) return 'unexpected end of expression';
  if ('op' in t) {
    if (t.op === '!') {
      p.i++;
      return primary(p);
    }
    if (t.op === '(') {
      p.i++;
      const inner = or(p);
      if (inner) return inner;
      if (!isOp(p, ')')) return "missing ')'";
      p.i++;
      return undefined;
    }
    return `unexpected '${t.op}'`;
  }
  p.operands.push(t);
  p.i++;
  return undefined;
}

function and(p: Parser): string | undefined {
  let e = primary(p);
  while (!e && isOp(p, '&&')) {
    p.i++;
    e = primary(p);
  }
  return e;
}

function or(p: Parser): string | undefined {
  let e = and(p);
  while (!e && isOp(p, '||')) {
    p.i++;
    e = and(p);
  }
  return e;
}

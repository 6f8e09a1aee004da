/**
 * Argo's enhanced `depends` expressions: task names and `task.Result` joined by `&&`, `||`, `!` and parentheses.
 * Argo reads the task names out of the string with a regex and leaves the boolean syntax to run time
 * (argo-validation-rules.md rules 41, 45 and §12); we parse it, so a typo fails before the cluster sees it.
 */

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

export function parseDepends(text: string): ParsedDepends {
  const tokens: ({ op: string } | DependsOperand)[] = [];
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
  const operands: DependsOperand[] = [];
  let i = 0;
  const peek = () => tokens[i];
  const isOp = (op: string) => {
    const t = peek();
    return t !== undefined && 'op' in t && t.op === op;
  };
  // Recursive descent; each function returns an error message or undefined.
  const primary = (): string | undefined => {
    const t = peek();
    if (t === undefined) return 'unexpected end of expression';
    if ('op' in t) {
      if (t.op === '!') {
        i++;
        return primary();
      }
      if (t.op === '(') {
        i++;
        const inner = or();
        if (inner) return inner;
        if (!isOp(')')) return "missing ')'";
        i++;
        return undefined;
      }
      return `unexpected '${t.op}'`;
    }
    operands.push(t);
    i++;
    return undefined;
  };
  const and = (): string | undefined => {
    let e = primary();
    while (!e && isOp('&&')) {
      i++;
      e = primary();
    }
    return e;
  };
  const or = (): string | undefined => {
    let e = and();
    while (!e && isOp('||')) {
      i++;
      e = and();
    }
    return e;
  };
  const error = or();
  if (error) return { ok: false, error };
  const rest = peek();
  if (rest !== undefined) return { ok: false, error: `unexpected '${'op' in rest ? rest.op : rest.task}'` };
  return { ok: true, operands };
}

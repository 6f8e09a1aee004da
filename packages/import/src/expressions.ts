import { arr, type Code, call, key, obj, quote } from './code.js';
import { isIdentifier } from './names.js';

/** How often the import had to use an escape hatch, reported at the end of the command's output. */
export interface RawCounts {
  /** `rawTemplate(...)`: templates the DSL cannot express, and stubs for templates of other WorkflowTemplates. */
  rawTemplate: number;
  /** Raw `DAGTask` / `WorkflowStep` objects in `dag()` / `steps()`. */
  rawCall: number;
  /** `raw('{{…}}')`: expressions with no handle (expr-lang `{{=…}}`, unknown variables, references out of scope). */
  raw: number;
}

/** The counts, and the DSL names the generated module must import (handles and raw() used inside strings). */
export interface Tally extends RawCounts {
  readonly imports: Set<string>;
}

/** What a task or step handle offers: its variable and, unless its template is raw, the outputs it declares. */
export interface CallHandle {
  readonly varName: string;
  readonly outputs: 'loose' | { readonly parameters: ReadonlySet<string>; readonly artifacts: ReadonlySet<string> };
}

/** The handles visible where a string is written. */
export interface Scope {
  /** The enclosing template's `inputs()` variable and the names it declares. */
  readonly inputs?: { readonly varName: string; readonly names: ReadonlySet<string> };
  /** The `workflowParams()` variable and the names it declares. */
  readonly params?: { readonly varName: string; readonly names: ReadonlySet<string> };
  /** Tasks or steps whose handles may be used here (already declared, and allowed as dependencies). */
  readonly calls?: { readonly prefix: 'tasks' | 'steps'; readonly get: (name: string) => CallHandle | undefined };
  /** Inside a loop's `args` function: the item parameter and, for `withItems` of objects, its keys. */
  readonly item?: { readonly kind: 'items' | 'param' | 'sequence'; readonly keys: ReadonlySet<string> };
  /** Told the Argo name of each task or step whose handle was written (a data dependency). */
  readonly onCall?: (name: string) => void;
}

const GLOBALS = new Set([
  'name',
  'namespace',
  'uid',
  'serviceAccountName',
  'status',
  'failures',
  'duration',
  'creationTimestamp',
  'mainEntrypoint',
]);
/** The parts Argo sets under `workflow.creationTimestamp` (the DSL's `CreationPart`). */
const CREATION_PARTS = new Set('B b m A a d H I M S Y y p Z z L s RFC3339'.split(' '));
const CALL_REF =
  /^(tasks|steps)\.([a-zA-Z0-9][-a-zA-Z0-9]*)\.(?:outputs\.(parameters|artifacts)\.([-\w]+)|(outputs\.result|status|exitCode|id|startedAt|finishedAt))$/;
const CALL_FIELD: Readonly<Record<string, string>> = {
  'outputs.result': 'outputs.result',
  status: 'status',
  exitCode: 'exitCode',
  id: 'id',
  startedAt: 'startedAt',
  finishedAt: 'finishedAt',
};

/** `.name`, or `['name']` for a name that is not an identifier, and for `__proto__` (read as the prototype by linters). */
const prop = (name: string) => (isIdentifier(name) && name !== '__proto__' ? `.${name}` : `[${quote(name)}]`);

/** The handle expression for a `{{…}}` variable, or undefined when no handle is in scope for it. */
export function resolve(path: string, scope: Scope, imports?: Set<string>): string | undefined {
  let m = /^inputs\.(parameters|artifacts)\.([-\w]+)$/.exec(path);
  if (m) return scope.inputs?.names.has(m[2] as string) ? `${scope.inputs.varName}${prop(m[2] as string)}` : undefined;
  m = /^workflow\.parameters\.([-\w]+)$/.exec(path);
  if (m) return scope.params?.names.has(m[1] as string) ? `${scope.params.varName}${prop(m[1] as string)}` : undefined;
  m = /^workflow\.(\w+)$/.exec(path);
  if (m && GLOBALS.has(m[1] as string)) {
    imports?.add('globals');
    return `globals.${m[1]}`;
  }
  m = /^workflow\.creationTimestamp\.([A-Za-z]|RFC3339)$/.exec(path);
  if (m && CREATION_PARTS.has(m[1] as string)) {
    imports?.add('globals');
    return `globals.created(${quote(m[1] as string)})`;
  }
  m = /^workflow\.outputs\.(parameters|artifacts)\.([-\w]+)$/.exec(path);
  if (m) {
    imports?.add('globals');
    return `globals.${m[1] === 'parameters' ? 'outputParameter' : 'outputArtifact'}(${quote(m[2] as string)})`;
  }
  m = /^workflow\.(labels|annotations)\.([-\w./]+)$/.exec(path);
  if (m) {
    imports?.add('globals');
    return `globals.${m[1] === 'labels' ? 'label' : 'annotation'}(${quote(m[2] as string)})`;
  }
  if (path === 'pod.name' || path === 'node.name' || path === 'retries') {
    imports?.add(path.split('.')[0] as string);
    return path;
  }
  if (path === 'item' && scope.item) return 'item';
  m = /^item\.([-\w]+)$/.exec(path);
  if (m && scope.item) {
    if (scope.item.kind === 'param') return `item.field(${quote(m[1] as string)})`;
    return scope.item.keys.has(m[1] as string) ? `item${prop(m[1] as string)}` : undefined;
  }
  m = CALL_REF.exec(path);
  if (m && scope.calls?.prefix === m[1]) return callRef(m, scope);
  return undefined;
}

function callRef(m: RegExpExecArray, scope: Scope): string | undefined {
  const handle = scope.calls?.get(m[2] as string);
  if (!handle) return undefined;
  const kind = m[3] as 'parameters' | 'artifacts' | undefined;
  const field = kind ? undefined : CALL_FIELD[m[5] as string];
  if (kind) {
    const name = m[4] as string;
    if (handle.outputs !== 'loose' && !handle.outputs[kind].has(name)) return undefined;
  }
  scope.onCall?.(m[2] as string);
  return kind ? `${handle.varName}.outputs.${kind}${prop(m[4] as string)}` : `${handle.varName}.${field}`;
}

type Piece = { readonly text: string } | { readonly handle: string } | { readonly raw: string };

/** Splits a string into literal text, handles and raw `{{…}}` pieces (each raw piece is counted). */
export function pieces(text: string, scope: Scope, counts: Tally): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{{', at);
    if (open === -1) {
      out.push({ text: text.slice(at) });
      break;
    }
    if (open > at) out.push({ text: text.slice(at, open) });
    const close = text.indexOf('}}', open + 2);
    const end = close === -1 ? text.length : close + 2;
    const whole = text.slice(open, end);
    const handle = close === -1 ? undefined : resolve(text.slice(open + 2, close), scope, counts.imports);
    if (handle) out.push({ handle });
    else {
      counts.raw++;
      counts.imports.add('raw');
      out.push({ raw: whole });
    }
    at = end;
  }
  return out;
}

function templatePart(text: string): string {
  return text.replace(/[\\`\r\t\u2028\u2029]|\$\{/g, (c) =>
    c === '${' ? '\\${' : c === '\r' ? '\\r' : c === '\t' ? '\\t' : c.length === 1 && c > '~' ? c : `\\${c}`,
  );
}

/**
 * A string as TypeScript: a quoted literal; a template literal with `${handle}` and `${raw('…')}` parts; or, when
 * `refOk` and the string is exactly one handle, the handle itself.
 */
export function stringCode(text: string, scope: Scope, counts: Tally, refOk = false): Code {
  const ps = pieces(text, scope, counts);
  const only = ps.length === 1 ? ps[0] : undefined;
  if (only && 'handle' in only && refOk) return only.handle;
  if (only && 'raw' in only) return call('raw', quote(only.raw));
  if (ps.every((p) => 'text' in p) && !text.includes('\n')) return quote(text);
  const body = ps
    .map((p) => ('text' in p ? templatePart(p.text) : 'handle' in p ? `\${${p.handle}}` : `\${raw(${quote(p.raw)})}`))
    .join('');
  return `\`${body}\``;
}

/** Any YAML value as TypeScript, converting every string (handles where `refOk`). */
export function valueCode(value: unknown, scope: Scope, counts: Tally, refOk = false): Code {
  if (typeof value === 'string') return stringCode(value, scope, counts, refOk);
  if (Array.isArray(value)) return arr(value.map((v) => valueCode(v, scope, counts, refOk)));
  if (value !== null && typeof value === 'object') {
    return obj(Object.entries(value).map(([k, v]) => [key(k), valueCode(v, scope, counts, refOk)] as const));
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

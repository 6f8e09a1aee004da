/**
 * Argo's template substitution (util/template v4.1.2), as the controller applies it to a field: the field's text is
 * JSON-encoded, every `{{…}}` tag in it replaced (fasttemplate: from `{{` to the next `}}`), and the result decoded.
 *
 * - `{{a.b.c}}` is replaced by the value of the key `a.b.c` of the flat map (trimmed of spaces); a `null` value is an
 *   absent optional output (a skipped node's parameter with no default) and an error, as in Argo 4.0.7+.
 * - `{{=expr}}` is evaluated by expr-lang in Argo's environment (the map nested by dots, plus asInt, asFloat,
 *   jsonpath, toJson, sprig); a string is written as it is, any other value as its JSON.
 * - A tag that cannot be resolved is kept as it is, or is an error, exactly as Argo decides: by the mode (`unresolved`),
 *   and for `{{= }}` by Argo's own rules (a missing name under a strict prefix is an error; whenFalse a missing name,
 *   a nil result or a failure leaves the tag; `item`, `retries`, `lastRetry.*`, `workflow.status`/`failures` missing
 *   leave it even when the rest would fail).
 * - A value that cannot be written back into JSON the way Go quotes it (a control character such as BEL or VT) makes
 *   the whole substitution fail, as it does in Argo.
 */
import { argoExprEnv } from './argo-env.js';
import type { Evaluated } from './evaluated.js';
import { children } from './expr-checker.js';
import { runExprLang } from './expr-lang.js';
import { ExprSyntaxError, ExprUnsupported } from './expr-lexer.js';
import { type Node, parseExpr } from './expr-parser.js';
import { GoFuncMap, goJson, goJsonString, isGoMap, JsonError, SIMPLE_ESCAPES } from './expr-values.js';
import { hasName, namesOf } from './names.js';

export interface SubstituteOptions {
  /**
   * What an unresolved tag does: `keep` (Replace with allowUnresolved), `error` (Replace without), or an error only
   * for tags under the given prefixes (ReplaceStrict; the controller uses `tasks` and `steps` for `when` and for
   * DAG/steps arguments). Default: `{ strictPrefixes: ['tasks', 'steps'] }`.
   */
  readonly unresolved?: 'keep' | 'error' | { readonly strictPrefixes: readonly string[] };
}

const PLACEHOLDER_PREFIX = '__argo__internal__placeholder-';
const KEPT_WHEN_MISSING = [
  'item',
  'retries',
  'lastRetry.exitCode',
  'lastRetry.status',
  'lastRetry.duration',
  'lastRetry.message',
  'workflow.status',
  'workflow.failures',
];

class TemplateError extends Error {}

export function substitute(
  text: string,
  scope: Readonly<Record<string, string | null>>,
  options: SubstituteOptions = {},
): Evaluated {
  try {
    return { ok: true, value: replace(text, scope, options.unresolved ?? CONTROLLER_STRICT) };
  } catch (e) {
    if (e instanceof ExprUnsupported)
      return { ok: false, reason: `expr: ${e.message} is not supported by the simulation` };
    if (e instanceof TemplateError) return { ok: false, reason: e.message };
    throw e;
  }
}

function replace(
  text: string,
  scope: Readonly<Record<string, string | null>>,
  mode: NonNullable<SubstituteOptions['unresolved']>,
): string {
  const json = goJsonString(text);
  const strict = strictTags(mode);
  const allowUnresolvedArtifacts = mode !== 'error';
  let out = '';
  let at = 0;
  let env: Record<string, unknown> | undefined;
  for (;;) {
    const start = json.indexOf('{{', at);
    if (start < 0) {
      out += json.slice(at);
      break;
    }
    out += json.slice(at, start);
    const end = json.indexOf('}}', start + 2);
    if (end < 0)
      throw new TemplateError(
        `Cannot find end tag="}}" in the template=${JSON.stringify(json)} starting from ${JSON.stringify(json.slice(start + 2))}`,
      );
    const tag = json.slice(start + 2, end);
    at = end + 2;
    if (tag.startsWith('=')) {
      env ??= argoExprEnv(scope);
      out += expressionTag(fixJson(tag.slice(1)), env, scope, strict);
    } else {
      out += simpleTag(tag, scope, strict, allowUnresolvedArtifacts);
    }
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(out);
  } catch {
    throw new TemplateError('cannot finish template replacement because the result was invalid JSON');
  }
  return decoded as string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** What the controller substitutes a task's or step's fields with: ReplaceStrict for `tasks` and `steps`. */
const CONTROLLER_STRICT = { strictPrefixes: ['tasks', 'steps'] } as const;

/** Replace(allowUnresolved=false) matches every tag; ReplaceStrict only those under its prefixes. */
const MATCH_ALL = /.*/;
/** The pattern of a list of prefixes, made once per list (the default's, a caller's own list while it is held). */
const STRICT_TAGS = new WeakMap<readonly string[], RegExp>();

function strictTags(mode: NonNullable<SubstituteOptions['unresolved']>): RegExp | undefined {
  if (mode === 'error') return MATCH_ALL;
  if (mode === 'keep' || mode.strictPrefixes.length === 0) return undefined;
  let pattern = STRICT_TAGS.get(mode.strictPrefixes);
  if (!pattern) {
    pattern = new RegExp(`^((${mode.strictPrefixes.map(escapeRegExp).join('|')}))(\\.|$)`);
    STRICT_TAGS.set(mode.strictPrefixes, pattern);
  }
  return pattern;
}

/** util/json Fix: json.Marshal's HTML escapes of <, > and & undone inside an expression tag. */
const fixJson = (s: string) => s.replaceAll('\\u003c', '<').replaceAll('\\u003e', '>').replaceAll('\\u0026', '&');

function simpleTag(
  tag: string,
  scope: Readonly<Record<string, string | null>>,
  strict: RegExp | undefined,
  allowUnresolvedArtifacts: boolean,
): string {
  const key = tag.trim();
  if (!hasName(scope, key)) {
    const index = tag.lastIndexOf('{{');
    if (index > 0) {
      const nested = tag.slice(index + 2);
      if (hasName(scope, nested)) {
        const value = scope[nested];
        if (value === null)
          throw new TemplateError(`unable to substitute nested tag {{${tag}}}: "${nested}" is an absent optional`);
        return `{{${tag.slice(0, index)}${quoteGoInner(value as string)}`;
      }
    }
    const trimmed = tag.trim();
    const isStrict = strict?.test(trimmed) ?? false;
    if (isStrict && (!allowUnresolvedArtifacts || !trimmed.includes('.outputs.artifacts.')))
      throw new TemplateError(`failed to resolve {{${tag}}}`);
    return `{{${tag}}}`;
  }
  const value = scope[key];
  if (value === null || value === undefined)
    throw new TemplateError(
      `unable to substitute {{${tag}}}: output is an absent optional (skipped/omitted node with no default)`,
    );
  return quoteGoInner(value);
}

/** strconv.Quote without its quotes: what Argo writes into the JSON text (a Go-only escape makes it invalid JSON). */
function quoteGoInner(s: string): string {
  let out = '';
  for (const c of s) {
    const code = c.codePointAt(0) as number;
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) out += simple;
    else if (code < 0x20 || code === 0x7f)
      throw new TemplateError('cannot finish template replacement because the result was invalid JSON');
    else if (code >= 0xd800 && code <= 0xdfff) throw new ExprUnsupported('a lone UTF-16 surrogate in a value');
    else if (code < 0x80 || /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(c)) out += c;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else throw new TemplateError('cannot finish template replacement because the result was invalid JSON');
  }
  return out;
}

/** expressionReplaceStrict. */
function expressionTag(
  expression: string,
  env: Record<string, unknown>,
  scope: Readonly<Record<string, string | null>>,
  strict: RegExp | undefined,
): string {
  const raw = decodeJsonString(expression);
  if (raw === undefined) return expressionCore(expression, env, scope, false);
  const missing = missingNames(raw, env);
  if (missing === undefined) return expressionCore(expression, env, scope, false);
  for (const id of missing)
    if (strict?.test(id)) throw new TemplateError(`failed to evaluate expression: ${id} is missing`);
  return expressionCore(expression, env, scope, missing.length > 0 || strict === undefined);
}

/** expressionReplaceCore. */
function expressionCore(
  expression: string,
  env: Record<string, unknown>,
  scope: Readonly<Record<string, string | null>>,
  allowUnresolved: boolean,
): string {
  const keep = `{{=${expression}}}`;
  const allowFailure = namesOf(scope).some((k) => {
    const v = scope[k];
    return typeof v === 'string' && v.startsWith(PLACEHOLDER_PREFIX);
  });
  const raw = decodeJsonString(expression);
  if (raw === undefined) {
    if (allowUnresolved) return keep;
    throw new TemplateError('failed to unmarshall JSON expression');
  }
  const missing = missingNames(raw, env) ?? [];
  if (missing.some((id) => KEPT_WHEN_MISSING.includes(id)) && allowUnresolved) return keep;
  const run = runExprLang(raw, env);
  if (!run.ok) {
    if (run.stage === 'unsupported')
      throw new ExprUnsupported(run.reason.replace(/^expr: /, '').replace(/ is not supported by the simulation$/, ''));
    if (run.stage === 'compile' && !allowUnresolved && !allowFailure)
      throw new TemplateError(`failed to evaluate expression: ${run.reason}`);
    if (allowUnresolved || allowFailure) return keep;
    throw new TemplateError(`failed to evaluate expression: ${run.reason}`);
  }
  if (run.value === null) {
    if (allowUnresolved || allowFailure) return keep;
    throw new TemplateError(`failed to evaluate expression ${JSON.stringify(expression)}`);
  }
  let marshaled: string;
  try {
    marshaled = goJson(run.value);
  } catch (e) {
    if (!(e instanceof JsonError)) throw e;
    if (allowUnresolved) return keep;
    throw new TemplateError(`failed to marshal evaluated expression: ${e.message}`);
  }
  if (marshaled.length > 1 && marshaled.startsWith('"') && marshaled.endsWith('"')) return marshaled.slice(1, -1);
  return quoteGoInner(marshaled);
}

/** json.Unmarshal of `"<s>"`, or undefined when that is not a JSON string. */
function decodeJsonString(s: string): string | undefined {
  try {
    const v = JSON.parse(`"${s}"`) as unknown;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** missingVarsInEnv: the names and member paths the expression reads that the environment lacks (undefined: it does not parse). */
function missingNames(expression: string, env: Record<string, unknown>): string[] | undefined {
  let tree: Node;
  try {
    tree = parseExpr(expression);
  } catch (e) {
    if (e instanceof ExprSyntaxError) return undefined;
    throw e;
  }
  const guarded = new Set<Node>();
  const markMembers = (n: Node) => walk(n, (x) => x.type === 'member' && guarded.add(x));
  walk(tree, (n) => {
    if (n.type === 'binary' && n.operator === '??') markMembers(n.left);
    if (n.type === 'member' && n.optional && n.node.type === 'member') guarded.add(n.node);
  });
  const ids: string[] = [];
  walk(tree, (n) => {
    if (guarded.has(n)) return;
    if (n.type === 'identifier' && !ids.includes(n.name)) ids.push(n.name);
    if (n.type === 'member') {
      const path = memberPath(n);
      if (path !== undefined && !ids.includes(path)) ids.push(path);
    }
  });
  return ids.filter((id) => !hasVarInEnv(env, id));
}

function memberPath(node: Node & { type: 'member' }): string | undefined {
  const parts: string[] = [];
  let curr: Node = node;
  for (;;) {
    if (curr.type !== 'member' || curr.optional || curr.property.type !== 'string') return undefined;
    parts.unshift(curr.property.value);
    if (curr.node.type === 'identifier') return [curr.node.name, ...parts].join('.');
    curr = curr.node;
  }
}

function walk(node: Node, visit: (n: Node) => void): void {
  for (const child of children(node)) walk(child, visit);
  visit(node);
}

/** hasVarInEnv: the first part names an entry of the environment, the rest walks its maps. */
function hasVarInEnv(env: Record<string, unknown>, id: string): boolean {
  if (Object.hasOwn(env, id)) return true;
  let current: unknown = env;
  for (const part of id.split('.')) {
    if (current === null || current === undefined) return false;
    if (current instanceof GoFuncMap) {
      if (!current.names.has(part)) return false;
      current = current.funcs.get(part) ?? part;
    } else if (isGoMap(current)) {
      if (!Object.hasOwn(current, part)) return false;
      current = current[part];
    } else {
      return false;
    }
  }
  return true;
}

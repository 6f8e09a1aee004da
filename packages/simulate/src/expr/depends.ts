/**
 * How the controller evaluates a DAG task's `depends` (workflow/common/ancestry.go GetTaskDependencies and
 * workflow/controller/dag.go evaluateDependsLogic, v4.1.2). It is not govaluate: a bare task name is expanded to
 * `(t.Succeeded || t.Skipped || t.Daemoned)` (plus `t.Errored` / `t.Failed` when that task continues on them), every
 * `-` in the text becomes `_`, and the text is evaluated by expr-lang with each dependency's TaskResults, a struct:
 * a result name it lacks (`t.Passed`) or a task it does not know is a compile error, the result must be a boolean.
 */
import { TASK_RESULTS } from '@argo-gen/model';
import { readDependsDirectly } from './depends-read.js';
import type { Evaluated } from './evaluated.js';
import { runExprLang } from './expr-lang.js';
import { GoStruct } from './expr-values.js';
import { isBlank, NOT_A_NAME, RESULT_FIELDS, readJoined } from './plain-logic.js';

/** The controller's TaskResults of one finished dependency. */
export interface TaskResults {
  readonly Succeeded: boolean;
  readonly Failed: boolean;
  readonly Errored: boolean;
  readonly Skipped: boolean;
  readonly Omitted: boolean;
  readonly Daemoned: boolean;
  /** For a task group (a loop): some child succeeded. */
  readonly AnySucceeded: boolean;
  /** For a task group (a loop) with children: every child failed. */
  readonly AllFailed: boolean;
}

/** What a dependency continues on (its `continueOn`), which widens a bare name's expansion. */
export interface ContinueOn {
  readonly error?: boolean;
  readonly failed?: boolean;
}

/** The kind of each dependency: `items` when the logic reads `.AnySucceeded` or `.AllFailed` (the controller waits for the whole group). */
export type DependencyKind = 'task' | 'items';

const TASK_NAME = /([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)/g;

/**
 * getTaskDependsLogic + GetTaskDependencies: the task's logic with bare names expanded, and its dependencies.
 * `continueOn(name)` gives a dependency's `continueOn` (undefined: none).
 */
export function dependsLogic(
  task: { readonly depends?: string; readonly dependencies?: readonly string[] },
  continueOn: (name: string) => ContinueOn | undefined,
): { readonly logic: string; readonly dependencies: ReadonlyMap<string, DependencyKind> } {
  const expand = (name: string) => {
    const c = continueOn(name);
    const results = ['Succeeded', 'Skipped', 'Daemoned'];
    if (c?.error) results.push('Errored');
    if (c?.failed) results.push('Failed');
    return `(${results.map((r) => `${name}.${r}`).join(' || ')})`;
  };
  let logic = task.depends ? task.depends : (task.dependencies ?? []).map(expand).join(' && ');
  const dependencies = new Map<string, DependencyKind>();
  const bare: { name: string; start: number; end: number }[] = [];
  for (const m of logic.matchAll(TASK_NAME)) {
    if (m[1] !== undefined) {
      const [name, result] = m[1].split('.') as [string, string];
      if (result === 'AnySucceeded' || result === 'AllFailed') dependencies.set(name, 'items');
      else if (!dependencies.has(name)) dependencies.set(name, 'task');
    } else if (m[2] !== undefined) {
      dependencies.set(m[2], 'task');
      bare.push({ name: m[2], start: m.index, end: m.index + m[2].length });
    }
  }
  for (const b of bare.sort((x, y) => y.start - x.start))
    logic = logic.slice(0, b.start) + expand(b.name) + logic.slice(b.end);
  return { logic, dependencies };
}

/**
 * evaluateDependsLogic's evaluation: `logic` (already expanded) with the results of the dependencies, keyed by task
 * name. A task name with `-` is read with `_`, as the controller does (the first of two names that collide wins).
 */
export function evaluateDependsLogic(logic: string, results: Readonly<Record<string, TaskResults>>): Evaluated {
  return compileDependsLogic(logic)(results);
}

/** A task's `depends` logic, read once, to evaluate with each set of its dependencies' results. */
export type DependsProgram = (results: Readonly<Record<string, TaskResults>>) => Evaluated;

/**
 * Reads `logic` once for `evaluateDependsLogic`. Logic made only of `task.Result` under `&&`, `||`, `!` and parentheses
 * (what a bare name expands to, and nearly every `depends`) is evaluated from its tree: expr-lang gives such text a
 * boolean with no error possible once every task it names has results, and compiling it per task was most of the time
 * a large DAG took to simulate. Any other text, or one naming a task without results, goes through expr-lang.
 */
export function compileDependsLogic(logic: string): DependsProgram {
  const text = logic.replaceAll('-', '_');
  const tree = readPlainLogic(text);
  const named = tree ? tasksOf(tree) : [];
  return (results) => {
    const byKey = resultsByKey(results);
    if (tree && named.every((t) => Object.hasOwn(byKey, t))) return { ok: true, value: holds(tree, byKey) };
    return runDependsExprLang(text, byKey);
  };
}

/** The same evaluation through expr-lang alone (the oracle the plain-logic reading is tested against). */
export function evaluateDependsLogicByExprLang(
  logic: string,
  results: Readonly<Record<string, TaskResults>>,
): Evaluated {
  return runDependsExprLang(logic.replaceAll('-', '_'), resultsByKey(results));
}

/**
 * A task's dependency logic, read once: its dependencies in the order first named, whether it has logic at all, and
 * how it is evaluated. Most logic is read directly into its tree (depends-read.ts); the rest as the controller does,
 * expanded and compiled (`dependsLogic`, `compileDependsLogic`).
 */
export interface CompiledDepends {
  readonly dependencies: readonly string[];
  readonly hasLogic: boolean;
  /** The tree read directly, over the dependencies' own names; undefined when the logic goes the controller's way. */
  readonly tree: PlainLogic | undefined;
  readonly task: { readonly depends?: string; readonly dependencies?: readonly string[] };
  readonly continueOn: (name: string) => ContinueOn | undefined;
  /** The controller's way, compiled when first needed. */
  byText: DependsProgram | undefined;
}

export function compileDepends(
  task: { readonly depends?: string; readonly dependencies?: readonly string[] },
  continueOn: (name: string) => ContinueOn | undefined,
): CompiledDepends {
  const direct = readDependsDirectly(task, continueOn);
  if (direct) {
    const dependencies = [...direct.dependencies.keys()];
    return {
      dependencies,
      hasLogic: direct.tree !== undefined,
      tree: direct.tree,
      task,
      continueOn,
      byText: undefined,
    };
  }
  const d = dependsLogic(task, continueOn);
  return {
    dependencies: [...d.dependencies.keys()],
    hasLogic: d.logic !== '',
    tree: undefined,
    task,
    continueOn,
    byText: compileDependsLogic(d.logic),
  };
}

/**
 * The logic's value with `results`, the results of (some of) the task's dependencies by name. A dependency without
 * results is expr-lang's unknown name, which only the controller's way reports as it does.
 */
export function evaluateDepends(c: CompiledDepends, results: Readonly<Record<string, TaskResults>>): Evaluated {
  const { tree } = c;
  if (tree && c.dependencies.every((d) => Object.hasOwn(results, d))) return { ok: true, value: holds(tree, results) };
  c.byText ??= compileDependsLogic(dependsLogic(c.task, c.continueOn).logic);
  return c.byText(results);
}

/**
 * The results by the name the expression reads (`-` as `_`); of two names that collide, the first wins. A table
 * without a prototype: a task may be called `constructor`.
 */
function resultsByKey(results: Readonly<Record<string, TaskResults>>): Record<string, TaskResults> {
  const byKey: Record<string, TaskResults> = Object.create(null);
  for (const [name, r] of Object.entries(results)) {
    const key = name.replaceAll('-', '_');
    if (!Object.hasOwn(byKey, key)) byKey[key] = r;
  }
  return byKey;
}

function runDependsExprLang(text: string, byKey: Readonly<Record<string, TaskResults>>): Evaluated {
  const env: Record<string, unknown> = {};
  for (const [key, r] of Object.entries(byKey)) env[key] = taskResultsStruct(r);
  const run = runExprLang(text, env);
  if (!run.ok) return { ok: false, reason: `unable to evaluate expression '${text}': ${run.reason}` };
  if (typeof run.value !== 'boolean')
    return { ok: false, reason: `unable to evaluate expression '${text}': unable to cast expression result to bool` };
  return { ok: true, value: run.value };
}

/** Plain logic: a dependency's result, its negation, or two joined by `&&` / `||`. */
export type PlainLogic =
  | { readonly op: 'result'; readonly task: string; readonly result: keyof TaskResults }
  | { readonly op: '!'; readonly node: PlainLogic }
  | { readonly op: '&&' | '||'; readonly left: PlainLogic; readonly right: PlainLogic };

/** The characters of a word as expr-lang lexes it within plain logic (ASCII letters, digits and `_`). */
const isWordChar = (c: number) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;

/**
 * The tree of `text` when it is plain logic, with expr-lang's precedence (`!` binds tightest, then `&&`, then `||`);
 * undefined for anything else. A result that is not a TaskResults field is not plain (expr-lang refuses it).
 */
export function readPlainLogic(text: string): PlainLogic | undefined {
  // Tokens, after ASCII blanks: `&&`, `||`, `!` (not the start of `!=`, `!&`, `!*`, which expr-lang's lexer reads as
  // one operator), a parenthesis, or `name.Field` whose words expr-lang reads as exactly these words. Any other
  // character is not plain, and the whole text goes to expr-lang.
  const tokens: Token[] = [];
  for (let at = 0; at < text.length; ) {
    const c = text.charCodeAt(at);
    const next = text.charCodeAt(at + 1);
    if (isBlank(c)) at++;
    else if ((c === 0x26 && next === 0x26) || (c === 0x7c && next === 0x7c)) {
      tokens.push({ op: c === 0x26 ? '&&' : '||' });
      at += 2;
    } else if (c === 0x21 && next !== 0x26 && next !== 0x3d && next !== 0x2a) {
      tokens.push({ op: '!' });
      at++;
    } else if (c === 0x28 || c === 0x29) {
      tokens.push({ op: c === 0x28 ? '(' : ')' });
      at++;
    } else {
      // a name starts with a letter or `_` (a digit starts a number), its result right after the dot
      if (!isWordChar(c) || (c >= 0x30 && c <= 0x39)) return undefined;
      let dot = at + 1;
      while (isWordChar(text.charCodeAt(dot))) dot++;
      if (text.charCodeAt(dot) !== 0x2e) return undefined;
      let end = dot + 1;
      while (isWordChar(text.charCodeAt(end))) end++;
      const task = text.slice(at, dot);
      const result = text.slice(dot + 1, end);
      if (NOT_A_NAME.has(task) || !RESULT_FIELDS.has(result)) return undefined;
      tokens.push({ task, result: result as keyof TaskResults });
      at = end;
    }
  }
  const r: TokenReader = { tokens, at: 0 };
  const tree = readOr(r);
  return tree && r.at === tokens.length ? tree : undefined;
}

type Token = { readonly op: string } | { readonly task: string; readonly result: keyof TaskResults };

/**
 * The tokens of one text and the reader's place in them. The reader is top-level functions over this record rather
 * than closures made per text: V8 drops the optimised code of closures whose call has ended at a full GC.
 */
interface TokenReader {
  readonly tokens: readonly Token[];
  at: number;
}

function isOp(r: TokenReader, op: string): boolean {
  const t = r.tokens[r.at];
  return t !== undefined && 'op' in t && t.op === op;
}

function takeOp(r: TokenReader, op: string): boolean {
  if (!isOp(r, op)) return false;
  r.at++;
  return true;
}

function readOr(r: TokenReader): PlainLogic | undefined {
  return readJoined(r, '||', readAnd, takeOp);
}

function readAnd(r: TokenReader): PlainLogic | undefined {
  return readJoined(r, '&&', readUnary, takeOp);
}

function readUnary(r: TokenReader): PlainLogic | undefined {
  const t = r.tokens[r.at++];
  if (t === undefined) return undefined;
  if (!('op' in t)) return { op: 'result', task: t.task, result: t.result };
  if (t.op === '!') {
    const node = readUnary(r);
    return node && { op: '!', node };
  }
  if (t.op !== '(') return undefined;
  const inner = readOr(r);
  if (!inner || !isOp(r, ')')) return undefined;
  r.at++;
  return inner;
}

function tasksOf(tree: PlainLogic): string[] {
  if (tree.op === 'result') return [tree.task];
  if (tree.op === '!') return tasksOf(tree.node);
  return [...tasksOf(tree.left), ...tasksOf(tree.right)];
}

/** The tree's value over `results`, which hold every task it names as an own key (both callers check that first). */
function holds(tree: PlainLogic, results: Readonly<Record<string, TaskResults>>): boolean {
  switch (tree.op) {
    case 'result':
      return results[tree.task]?.[tree.result] === true;
    case '!':
      return !holds(tree.node, results);
    case '&&':
      return holds(tree.left, results) && holds(tree.right, results);
    case '||':
      return holds(tree.left, results) || holds(tree.right, results);
  }
}

/** The TaskResults struct of some results: one per combination, shared, so that its nature is checked once. */
function taskResultsStruct(r: TaskResults): GoStruct {
  let bits = 0;
  for (const f of TASK_RESULTS) bits = bits * 2 + (r[f] === true ? 1 : 0);
  let s = TASK_RESULT_STRUCTS.get(bits);
  if (!s) {
    s = new GoStruct(
      'controller.TaskResults',
      Object.freeze(Object.fromEntries(TASK_RESULTS.map((f) => [f, r[f] === true]))),
    );
    TASK_RESULT_STRUCTS.set(bits, s);
  }
  return s;
}

const TASK_RESULT_STRUCTS = new Map<number, GoStruct>();

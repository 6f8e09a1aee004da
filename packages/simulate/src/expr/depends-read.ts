/**
 * A task's `depends` (or `dependencies`) read straight into plain logic, without writing out the text the controller
 * builds (every bare name expanded, every `-` made `_`) and reading that again. Building and re-reading the expanded
 * text, which is three to five times the length of the `depends` a team writes, was a fifth of the time a large DAG
 * took to simulate.
 *
 * Only text whose reading cannot differ is read here: names of ASCII letters, digits and `-` that start with a letter
 * (no `_`, so two names never meet under one expression name), each followed by nothing but an operator, a
 * parenthesis or a blank; results that are TaskResults fields; `&&`, `||`, `!` and parentheses. For such text the
 * controller's scan (`GetTaskDependencies`) finds exactly these names, and the expanded text is plain logic whose tree
 * is this one with each bare name's expansion in its place. Anything else is undefined, and goes the controller's way
 * (depends.ts). test/depends-read.test.ts holds the two readings equal on generated text.
 */
import type { ContinueOn, DependencyKind, PlainLogic, TaskResults } from './depends.js';
import { isBlank, NOT_A_NAME, RESULT_FIELDS, readJoined } from './plain-logic.js';

/** What a task's dependency logic reads as: its tree (none when the task has no logic) and its dependencies. */
export interface DependsReading {
  readonly tree: PlainLogic | undefined;
  readonly dependencies: ReadonlyMap<string, DependencyKind>;
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isNameChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/** A name read here: a letter first, then letters, digits and `-`, and not a keyword once `-` is `_`. */
function isPlainName(name: string): boolean {
  if (name.length === 0 || !isLetter(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) if (!isNameChar(name.charCodeAt(i))) return false;
  return !NOT_A_NAME.has(name.replaceAll('-', '_'));
}

/** What a bare name expands to: `(t.Succeeded || t.Skipped || t.Daemoned …)`, grouped from the left. */
function expansion(name: string, continueOn: ContinueOn | undefined): PlainLogic {
  let tree: PlainLogic = { op: 'result', task: name, result: 'Succeeded' };
  const or = (result: keyof TaskResults) => {
    tree = { op: '||', left: tree, right: { op: 'result', task: name, result } };
  };
  or('Skipped');
  or('Daemoned');
  if (continueOn?.error) or('Errored');
  if (continueOn?.failed) or('Failed');
  return tree;
}

/** The task's logic read directly, or undefined when it must go the controller's way (see above). */
export function readDependsDirectly(
  task: { readonly depends?: string; readonly dependencies?: readonly string[] },
  continueOn: (name: string) => ContinueOn | undefined,
): DependsReading | undefined {
  const dependencies = new Map<string, DependencyKind>();
  if (!task.depends) {
    // `dependencies: [a, b]` is `a && b` of the expansions
    let tree: PlainLogic | undefined;
    for (const name of task.dependencies ?? []) {
      if (!isPlainName(name)) return undefined;
      dependencies.set(name, 'task');
      const x = expansion(name, continueOn(name));
      tree = tree ? { op: '&&', left: tree, right: x } : x;
    }
    return { tree, dependencies };
  }
  const r: Reader = { text: task.depends, at: 0, dependencies, continueOn, plain: true };
  const tree = readOr(r);
  skipBlanks(r);
  return r.plain && tree && r.at === r.text.length ? { tree, dependencies } : undefined;
}

/**
 * The text and the place in it, the dependencies found so far, and whether the text is still plain. Top-level
 * functions over this record rather than closures per text, as depends.ts's reader (a full GC drops a finished
 * closure's optimised code).
 */
interface Reader {
  readonly text: string;
  at: number;
  readonly dependencies: Map<string, DependencyKind>;
  readonly continueOn: (name: string) => ContinueOn | undefined;
  plain: boolean;
}

function skipBlanks(r: Reader): void {
  while (isBlank(r.text.charCodeAt(r.at))) r.at++;
}

/** Whether the next token is the two-character operator `op` (`&&` or `||`); consumed if so. */
function takeJoin(r: Reader, op: '&&' | '||'): boolean {
  skipBlanks(r);
  const c = op.charCodeAt(0);
  if (r.text.charCodeAt(r.at) !== c || r.text.charCodeAt(r.at + 1) !== c) return false;
  r.at += 2;
  return true;
}

function readOr(r: Reader): PlainLogic | undefined {
  return readJoined(r, '||', readAnd, takeJoin);
}

function readAnd(r: Reader): PlainLogic | undefined {
  return readJoined(r, '&&', readUnary, takeJoin);
}

function readUnary(r: Reader): PlainLogic | undefined {
  skipBlanks(r);
  const { text } = r;
  const c = text.charCodeAt(r.at);
  if (c === 0x21) {
    // `!=`, `!&` and `!*` are other operators to expr-lang's lexer
    const next = text.charCodeAt(r.at + 1);
    if (next === 0x26 || next === 0x3d || next === 0x2a) return notPlain(r);
    r.at++;
    const node = readUnary(r);
    return node && { op: '!', node };
  }
  if (c === 0x28) {
    r.at++;
    const inner = readOr(r);
    skipBlanks(r);
    if (!inner || text.charCodeAt(r.at) !== 0x29) return notPlain(r);
    r.at++;
    return inner;
  }
  return readName(r);
}

/**
 * `name` (a bare name: its expansion) or `name.Result`. What follows is left to the callers: anything but a blank, an
 * operator or a closing parenthesis (`a_b`, `a.Succeeded2`, `a.b.Failed`) leaves text unread, and the whole is not plain.
 */
function readName(r: Reader): PlainLogic | undefined {
  const { text } = r;
  const start = r.at;
  let end = start;
  while (isNameChar(text.charCodeAt(end))) end++;
  const name = text.slice(start, end);
  if (!isPlainName(name)) return notPlain(r);
  if (text.charCodeAt(end) !== 0x2e) {
    r.at = end;
    r.dependencies.set(name, 'task');
    return expansion(name, r.continueOn(name));
  }
  let stop = end + 1;
  while (isLetter(text.charCodeAt(stop))) stop++;
  const result = text.slice(end + 1, stop);
  if (!RESULT_FIELDS.has(result)) return notPlain(r);
  r.at = stop;
  if (result === 'AnySucceeded' || result === 'AllFailed') r.dependencies.set(name, 'items');
  else if (!r.dependencies.has(name)) r.dependencies.set(name, 'task');
  return { op: 'result', task: name, result: result as keyof TaskResults };
}

function notPlain(r: Reader): undefined {
  r.plain = false;
  return undefined;
}

/**
 * The names a node of a workflow could have, and the one check of a name given to `simulate` (an outcome's key) or
 * to a matcher (`ran`, `didNotRun`, `phase`, `ranBefore`): a misspelt name would otherwise answer a question nobody
 * asked (an outcome that decides nothing, a `didNotRun` that passes because no node has that name).
 *
 * The words are the names the documents declare, walking from the entry, the exit handler and the workflow's hooks
 * through every template they reach: template, task, step and hook names, and the workflow's name. A name is known
 * when every part of it is a word: a node's full name (`wf.deploy.web-25-gate`, `wf[1].deploy(1:us)`), a display
 * name (`web-25-gate`, `web-25-gate.onExit`), a loop's item or a retry's attempt (`deploy(0:eu)`, `build(0)`: what is
 * in parentheses is the run's, not the name's), a step group (`[0]`). A declared name with a `{{…}}` in it stands
 * for whatever the run makes of it. The nodes of a run are known as they are.
 */
import { ArgoGenError, closest, type Issue, issue, quote } from '@argo-gen/model';
import { type Hook, holderOfHook } from './hooks.js';
import { type Library, resolveTemplate, type Template, type TemplateBase, type TemplateHolder } from './templates.js';

/** What a node of this workflow may be called. */
export interface NodeNames {
  /** The declared words, and the exact names of the run's nodes. */
  readonly words: ReadonlySet<string>;
  /** Declared words with a `{{…}}` in them, each as a pattern matching what the run may make of it. */
  readonly patterns: readonly RegExp[];
}

/** The words of the templates reachable from the entry point, the exit handler and the workflow's hooks. */
export function declaredNames(
  workflowName: string,
  spec: Readonly<Record<string, unknown>>,
  base: TemplateBase,
  library: Library,
  entrypoint: string | undefined,
): Set<string> {
  // One record for the walk, read by top-level functions (not closures made per call, whose optimised code V8 drops
  // at a full GC once the call has ended; see dag.ts).
  const w: NameWalk = { words: new Set<string>([workflowName]), seen: new Set<Template>(), library };
  if (entrypoint !== undefined) visitHolder(w, { template: entrypoint }, base);
  if (typeof spec.onExit === 'string' && spec.onExit !== '') visitHolder(w, { template: spec.onExit }, base);
  visitHooks(w, spec.hooks, base);
  return w.words;
}

interface NameWalk {
  readonly words: Set<string>;
  readonly seen: Set<Template>;
  readonly library: Library;
}

function visitHolder(w: NameWalk, holder: TemplateHolder, from: TemplateBase): void {
  const resolved = resolveTemplate(holder, from, w.library);
  if (resolved.ok) visitTemplate(w, resolved.template, resolved.base);
}

function visitHooks(w: NameWalk, hooks: unknown, from: TemplateBase): void {
  if (typeof hooks !== 'object' || hooks === null) return;
  for (const [hookName, hook] of Object.entries(hooks as Readonly<Record<string, Hook>>)) {
    w.words.add(hookName);
    visitHolder(w, holderOfHook(hook), from);
  }
}

function visitCall(w: NameWalk, call: Readonly<Record<string, unknown>>, from: TemplateBase): void {
  if (typeof call.name === 'string') w.words.add(call.name);
  visitHolder(w, call as TemplateHolder, from);
  if (typeof call.onExit === 'string' && call.onExit !== '') visitHolder(w, { template: call.onExit }, from);
  visitHooks(w, call.hooks, from);
}

function visitTemplate(w: NameWalk, t: Template, from: TemplateBase): void {
  if (w.seen.has(t)) return;
  w.seen.add(t);
  if (t.name !== undefined) w.words.add(t.name);
  const dag = t.dag as { readonly tasks?: readonly Readonly<Record<string, unknown>>[] } | undefined;
  for (const task of dag?.tasks ?? []) visitCall(w, task, from);
  const groups = t.steps as readonly (readonly Readonly<Record<string, unknown>>[] | null)[] | undefined;
  for (const group of groups ?? []) for (const step of group ?? []) visitCall(w, step, from);
}

/** The names of a run: the declared words (if any) and every node's name, display name and template name. */
export function nodeNames(
  declared: Iterable<string>,
  nodes: Iterable<{ name: string; displayName?: string; templateName?: string }>,
): NodeNames {
  const words = new Set<string>();
  const patterns: RegExp[] = [];
  for (const w of declared) {
    if (w.includes('{{')) patterns.push(templatedPattern(w));
    else words.add(w);
  }
  for (const n of nodes) {
    words.add(n.name);
    if (n.displayName) words.add(n.displayName);
    if (n.templateName) words.add(n.templateName);
  }
  return { words, patterns };
}

/**
 * Throws an `ArgoGenError` (code `simulate/unknown-node`, one issue per name) unless every name is one a node of
 * this workflow could have; `where` says who was given it (`outcomes`, `didNotRun`).
 */
export function checkNodeNames(names: Iterable<string>, known: NodeNames, where: string): void {
  const problems: Issue[] = [];
  for (const name of names) {
    if (isKnown(name, known)) continue;
    const near = suggestion(name, known);
    problems.push(
      issue(
        'simulate/unknown-node',
        where,
        `no node or template of this workflow is called ${quote(name)}${near ? `; did you mean ${quote(near)}?` : ''}`,
      ),
    );
  }
  if (problems.length > 0) throw new ArgoGenError(problems);
}

function isKnown(name: string, known: NodeNames): boolean {
  if (known.words.has(name)) return true;
  const parts = partsOf(name);
  return parts !== undefined && parts.length > 0 && parts.every((p, i) => isWord(p, known, i === parts.length - 1));
}

/** A part of a name: a declared word, `onExit`, or `hooks` before a hook's name. */
function isWord(part: string, known: NodeNames, last: boolean): boolean {
  if (known.words.has(part) || part === 'onExit' || (part === 'hooks' && !last)) return true;
  return known.patterns.some((p) => p.test(part));
}

/**
 * The words of a name: split at each `.` outside parentheses, a step group `[n]` dropped, the parentheses after a
 * word (a loop's item, a retry's attempt) dropped; undefined when it is not of that shape (unbalanced parentheses,
 * text after them, an empty word).
 */
function partsOf(name: string): string[] | undefined {
  if (name.endsWith('.')) return undefined;
  const parts: string[] = [];
  let word = '';
  let closed = false; // the word's parentheses have been read: only `(`, `.` or `[` may follow
  let i = 0;
  const endWord = (): boolean => {
    if (word === '') return false;
    parts.push(word);
    word = '';
    closed = false;
    return true;
  };
  while (i < name.length) {
    const c = name[i] as string;
    if (c === '(') {
      const end = closingParenthesis(name, i);
      if (end < 0 || word === '') return undefined;
      closed = true;
      i = end + 1;
    } else if (c === '.') {
      if (!endWord()) return undefined;
      i++;
    } else if (c === '[') {
      const end = name.indexOf(']', i);
      if (end < 0 || !/^\[\d+\]$/.test(name.slice(i, end + 1))) return undefined;
      if (word !== '' && !endWord()) return undefined;
      i = end + 1;
      if (name[i] === '.') i++;
    } else {
      if (closed) return undefined;
      word += c;
      i++;
    }
  }
  if (word !== '') parts.push(word);
  return parts;
}

function closingParenthesis(name: string, open: number): number {
  let depth = 0;
  for (let i = open; i < name.length; i++) {
    if (name[i] === '(') depth++;
    else if (name[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The known name nearest the whole name, else the name with its first unknown word replaced by the nearest word. */
function suggestion(name: string, known: NodeNames): string | undefined {
  const near = closest(name, known.words);
  if (near !== undefined) return near;
  const parts = partsOf(name);
  if (!parts) return undefined;
  const bad = parts.find((p, i) => !isWord(p, known, i === parts.length - 1));
  const word = bad === undefined ? undefined : closest(bad, known.words);
  return bad === undefined || word === undefined ? undefined : name.replace(bad, word);
}

/** `deploy-{{inputs.parameters.env}}` as a pattern: each `{{…}}` stands for any text without a `.`. */
function templatedPattern(word: string): RegExp {
  const source = word
    .split(/\{\{.*?\}\}/)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^.]*');
  return new RegExp(`^${source}$`);
}

const declaredOfRun = new WeakMap<object, readonly string[]>();
const namesOfRunCache = new WeakMap<object, NodeNames>();

/** Keeps the declared words of the workflow a simulation ran, for the matchers to check names against. */
export function recordDeclaredNames<T extends object>(sim: T, declared: Iterable<string>): T {
  declaredOfRun.set(sim, [...declared]);
  return sim;
}

/**
 * The names a node of this run's workflow could have: the declared words kept by `simulate`, and its nodes' names.
 * A simulation made otherwise (by hand, or decoded from JSON) knows only its nodes.
 */
export function namesOfRun(sim: {
  readonly nodes: Readonly<Record<string, { name: string; displayName?: string; templateName?: string }>>;
}): NodeNames {
  let names = namesOfRunCache.get(sim);
  if (!names) {
    names = nodeNames(declaredOfRun.get(sim) ?? [], Object.values(sim.nodes));
    namesOfRunCache.set(sim, names);
  }
  return names;
}

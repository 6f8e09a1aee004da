/**
 * Assertions about a simulated run, for a team's tests: which nodes ran, which did not, with which phase, in which
 * order. A name matches a node's display name (`web-25-gate`) or its full name (`release.web-25-gate`); a name that
 * matches no node exactly matches the items of its loop (`deploy(0:eu)`, `deploy(1:us)`). A name no node of the
 * workflow could have (node-names.ts) throws an `ArgoGenError`, whatever the expectation (`.not` too): a misspelt
 * `didNotRun` would otherwise pass. Failure messages list what did run, so a wrong expectation shows the real path.
 *
 * Two forms, no test framework imported: matchers returning `{ pass, message }` for `expect.extend(simulationMatchers)`
 * (vitest, jest), and `assert…` functions that throw.
 */

import type { NodeNamesOf } from '@argo-gen/dsl';
import { checkNodeNames, namesOfRun } from './node-names.js';
import type { NodeName, SimulatedNode, SimulatedPhase, Simulation } from './types.js';

/** What `expect.extend` takes from a matcher: whether it passed, and the message for either outcome. */
export interface MatchResult {
  /** Whether the expectation holds (`expect(…).not` inverts it). */
  readonly pass: boolean;
  /** What went wrong, worded for the outcome: the failure of the matcher, or of its `.not`. */
  readonly message: () => string;
}

/** Phases of a node that started: a node that ran, whatever came of it. */
const STARTED: ReadonlySet<string> = new Set(['Running', 'Succeeded', 'Failed', 'Error']);
/** Phases of a node that was never started: skipped by `when`, omitted by `depends`, or still waiting. */
const NOT_STARTED: ReadonlySet<string> = new Set(['Skipped', 'Omitted', 'Pending']);
/** Grouping nodes that say nothing a reader of "what ran" needs. */
const GROUPS: ReadonlySet<string> = new Set(['StepGroup', 'TaskGroup']);
const LISTED = 40;

/** Passes when a node of that name started (Running, Succeeded, Failed or Error). */
function ran(sim: unknown, name: string): MatchResult {
  const s = simulationOf(sim);
  if (typeof s === 'string') return refused(s);
  checkNodeNames([name], namesOfRun(s), 'ran');
  const found = find(s, name);
  const started = found.filter((n) => STARTED.has(n.phase));
  const pass = started.length > 0;
  return {
    pass,
    message: () =>
      pass
        ? `expected '${name}' not to have run, but it ran (${describe(started)})`
        : `expected '${name}' to have run, but ${found.length === 0 ? 'no node of that name was created' : `it is ${describe(found)}`}${ranList(s)}`,
  };
}

/**
 * Passes when no node of that name started: none exists, or each was skipped, omitted or left pending. An
 * Undetermined node fails it: the simulation cannot say that it did not run.
 */
function didNotRun(sim: unknown, name: string): MatchResult {
  const s = simulationOf(sim);
  if (typeof s === 'string') return refused(s);
  checkNodeNames([name], namesOfRun(s), 'didNotRun');
  const found = find(s, name);
  const pass = found.every((n) => NOT_STARTED.has(n.phase));
  return {
    pass,
    message: () =>
      pass
        ? `expected '${name}' to have run, but ${found.length === 0 ? 'no node of that name was created' : `it is ${describe(found)}`}${ranList(s)}`
        : `expected '${name}' not to have run, but it is ${describe(found.filter((n) => !NOT_STARTED.has(n.phase)))}${ranList(s)}`,
  };
}

/** Passes when every node of that name has the phase (and at least one exists). */
function phase(sim: unknown, name: string, expected: SimulatedPhase): MatchResult {
  const s = simulationOf(sim);
  if (typeof s === 'string') return refused(s);
  checkNodeNames([name], namesOfRun(s), 'phase');
  const found = find(s, name);
  const pass = found.length > 0 && found.every((n) => n.phase === expected);
  return {
    pass,
    message: () =>
      pass
        ? `expected '${name}' not to be ${expected}, but it is`
        : `expected '${name}' to be ${expected}, but ${found.length === 0 ? 'no node of that name was created' : `it is ${describe(found)}`}${ranList(s)}`,
  };
}

/** Passes when both ran and the first of `first`'s nodes started before the first of `then`'s. */
function ranBefore(sim: unknown, first: string, then: string): MatchResult {
  const s = simulationOf(sim);
  if (typeof s === 'string') return refused(s);
  checkNodeNames([first, then], namesOfRun(s), 'ranBefore');
  const a = firstStart(s, first);
  const b = firstStart(s, then);
  const pass = a !== undefined && b !== undefined && a < b;
  const why = () => {
    if (a === undefined) return `'${first}' did not run`;
    if (b === undefined) return `'${then}' did not run`;
    return `'${then}' started first`;
  };
  return {
    pass,
    message: () =>
      pass
        ? `expected '${first}' not to have run before '${then}', but it did`
        : `expected '${first}' to have run before '${then}', but ${why()}${ranList(s)}`,
  };
}

/** For `expect.extend(simulationMatchers)`: `expect(run).ran('web-25-gate')`, `.not.ran(…)`, `.phase(…)`, … */
export const simulationMatchers: {
  readonly ran: (sim: unknown, name: string) => MatchResult;
  readonly didNotRun: (sim: unknown, name: string) => MatchResult;
  readonly phase: (sim: unknown, name: string, expected: SimulatedPhase) => MatchResult;
  readonly ranBefore: (sim: unknown, first: string, then: string) => MatchResult;
} = { ran, didNotRun, phase, ranBefore };

/**
 * The matchers' signatures, to declare them on your test framework's assertion type, e.g. for vitest:
 * `declare module 'vitest' { interface Assertion<T> extends SimulationMatchers<T> {} }`. `T` is what `expect` was
 * given: for the result of `simulate()` on a DSL value, the names are those its nodes may have (NodeName), so a
 * misspelt one is a compile error; otherwise any string. `R` is what a matcher returns (jest:
 * `interface Matchers<R, T> extends SimulationMatchers<T, R> {}`).
 */
export interface SimulationMatchers<T = unknown, R = T> {
  /** A node of that name started (Running, Succeeded, Failed or Error). */
  ran(name: NodeName<NodeNamesOf<T>>): R;
  /** No node of that name started: none was created, or each was skipped, omitted or left pending. */
  didNotRun(name: NodeName<NodeNamesOf<T>>): R;
  /** Every node of that name has this phase. */
  phase(name: NodeName<NodeNamesOf<T>>, phase: SimulatedPhase): R;
  /** Both ran, and `first` started before `then`. */
  ranBefore(first: NodeName<NodeNamesOf<T>>, then: NodeName<NodeNamesOf<T>>): R;
}

/** Throws (with the matcher's message) unless a node of that name ran. */
export function assertRan<N extends string>(sim: Simulation<N>, name: NodeName<NoInfer<N>>): void {
  check(ran(sim, name));
}

/** Throws unless no node of that name started (see `didNotRun`). */
export function assertDidNotRun<N extends string>(sim: Simulation<N>, name: NodeName<NoInfer<N>>): void {
  check(didNotRun(sim, name));
}

/** Throws unless every node of that name has the phase. */
export function assertPhase<N extends string>(
  sim: Simulation<N>,
  name: NodeName<NoInfer<N>>,
  expected: SimulatedPhase,
): void {
  check(phase(sim, name, expected));
}

/** Throws unless both ran and `first` started before `then`. */
export function assertRanBefore<N extends string>(
  sim: Simulation<N>,
  first: NodeName<NoInfer<N>>,
  then: NodeName<NoInfer<N>>,
): void {
  check(ranBefore(sim, first, then));
}

function check(result: MatchResult): void {
  if (!result.pass) throw new Error(result.message());
}

function simulationOf(value: unknown): Simulation | string {
  const v = value as Partial<Simulation> | null;
  if (v !== null && typeof v === 'object' && typeof v.nodes === 'object' && Array.isArray(v.order))
    return v as Simulation;
  return `expected a simulation (the result of simulate()), got ${value === null ? 'null' : typeof value}`;
}

function refused(message: string): MatchResult {
  return { pass: false, message: () => message };
}

/** The nodes a name means: exact display-name or full-name matches, else the items of a loop of that name. */
function find(sim: Simulation, name: string): SimulatedNode[] {
  const nodes = Object.values(sim.nodes);
  const exact = nodes.filter((n) => n.displayName === name || n.name === name);
  if (exact.length > 0) return sortByStart(sim, exact);
  return sortByStart(
    sim,
    nodes.filter((n) => (n.displayName ?? '').startsWith(`${name}(`)),
  );
}

function firstStart(sim: Simulation, name: string): number | undefined {
  const started = find(sim, name).filter((n) => STARTED.has(n.phase));
  const at = started.map((n) => sim.order.indexOf(n.id)).filter((i) => i >= 0);
  return at.length > 0 ? Math.min(...at) : undefined;
}

function sortByStart(sim: Simulation, nodes: SimulatedNode[]): SimulatedNode[] {
  const at = (n: SimulatedNode) => {
    const i = sim.order.indexOf(n.id);
    return i < 0 ? Number.POSITIVE_INFINITY : i;
  };
  return nodes.sort((a, b) => at(a) - at(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** `Failed: exit code 1`, or for several nodes `Failed (release.a), Succeeded (release.b)`. */
function describe(nodes: readonly SimulatedNode[]): string {
  if (nodes.length === 1) {
    const n = nodes[0] as SimulatedNode;
    return n.message ? `${n.phase}: ${n.message}` : n.phase;
  }
  return nodes.map((n) => `${n.phase} (${n.name})`).join(', ');
}

/** What did run, in start order: the answer to "then what happened?". */
function ranList(sim: Simulation): string {
  const ranNodes = sim.order
    .map((id) => sim.nodes[id])
    .filter((n): n is SimulatedNode => n !== undefined && STARTED.has(n.phase) && !GROUPS.has(n.type));
  if (ranNodes.length === 0) return '\nnothing ran';
  const shown = ranNodes.slice(0, LISTED).map((n) => `  ${n.displayName ?? n.name} (${n.phase})`);
  const more = ranNodes.length > LISTED ? [`  … and ${ranNodes.length - LISTED} more`] : [];
  return `\nran, in order (workflow ${sim.phase}):\n${[...shown, ...more].join('\n')}`;
}

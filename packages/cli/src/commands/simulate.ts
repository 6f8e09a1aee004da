import { ArgoGenError, formatIssue } from '@argo-gen/model';
import { formatSimulation, type Simulation, simulate, type WorkflowPhase } from '@argo-gen/simulate';
import { EXIT, type Io } from '../io.js';
import { fileIssues } from '../load/file-issues.js';
import { relativeTo } from '../relative-source.js';
import { type LoadedRun, loadRun, type RunFlags, USAGE_CODE } from '../simulate/load-run.js';

export interface SimulateFlags extends RunFlags {
  readonly output: 'text' | 'json';
}

/**
 * Exit codes by the run's final phase, so that CI can assert a path: 0 Succeeded; 1 Failed or Error (as `submit
 * --watch`, and as any command whose input is invalid: stderr then says which); 2 stays the usage error it is for
 * every command (a bad flag, an outcome for a node the workflow does not have); 3 the run has no final phase: a node
 * could not be decided (Undetermined) or a suspend node was left waiting (Running).
 */
export const SIMULATE_EXIT: Readonly<Record<WorkflowPhase, number>> = {
  Succeeded: EXIT.ok,
  Failed: EXIT.failed,
  Error: EXIT.failed,
  Undetermined: 3,
  Running: 3,
};

/** `argo-gen simulate <file>`: runs the workflow's logic with the outcomes given, prints the node tree or JSON. */
export async function simulateCommand(inputs: readonly string[], flags: SimulateFlags, io: Io): Promise<number> {
  let sim: Simulation;
  try {
    sim = await simulateFiles(inputs, flags, io);
  } catch (error) {
    return reportRunError(error, inputs[0] ?? '', io);
  }
  io.stdout(
    flags.output === 'json' ? `${JSON.stringify(sim, null, 2)}\n` : formatSimulation(sim, { color: wantsColor(io) }),
  );
  return SIMULATE_EXIT[sim.phase];
}

/** The run `simulate` and `graph --simulate` share: the files loaded and checked, the outcome flags, the simulation. */
export async function simulateFiles(inputs: readonly string[], flags: RunFlags, io: Io): Promise<Simulation> {
  return runLoaded(await loadRun(inputs, flags, io));
}

export function runLoaded(run: LoadedRun): Simulation {
  return simulate(run.workflow, run.options);
}

/** Issues whose fix is on the command line exit 2; the rest (the files) exit 1. */
export function reportRunError(error: unknown, file: string, io: Io): number {
  const issues = fileIssues(error, file);
  for (const i of issues) {
    const placed = i.source || !/^(input|graph)\//.test(i.code) ? i : { ...i, source: { file, line: 0, column: 0 } };
    io.stderr(`${formatIssue(relativeTo(io.cwd, placed))}\n`);
  }
  const usage = error instanceof ArgoGenError && issues.every((i) => USAGE_CODE.test(i.code));
  return usage ? EXIT.usage : EXIT.failed;
}

/** Colour on a terminal only, and never when NO_COLOR is set (no-color.org) or the terminal is dumb. */
export function wantsColor(io: Io): boolean {
  const env = io.env ?? {};
  return io.isTTY && !env.NO_COLOR && env.TERM !== 'dumb';
}

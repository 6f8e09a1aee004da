/**
 * How a phase is shown: `argo get`'s symbols and colours (cmd/argo/commands/common/common.go), plus the two phases
 * only a simulation has a reason to show: `Omitted` (argo get hides it; here it answers "what did not run") and
 * `Undetermined`.
 */
import type { SimulatedPhase, WorkflowPhase } from '../types.js';

const RED = 31;
const GREEN = 32;
const YELLOW = 33;
const MAGENTA = 35;
const CYAN = 36;
const DIM = 2;

interface Style {
  readonly symbol: string;
  /** SGR code; undefined: the terminal's default colour, as argo get leaves Skipped. */
  readonly color?: number;
}

const STYLES: Readonly<Record<SimulatedPhase, Style>> = {
  Pending: { symbol: '◷', color: YELLOW },
  Running: { symbol: '●', color: CYAN },
  Succeeded: { symbol: '✔', color: GREEN },
  Skipped: { symbol: '○' },
  Failed: { symbol: '✖', color: RED },
  Error: { symbol: '⚠', color: RED },
  Omitted: { symbol: '○', color: DIM },
  Undetermined: { symbol: '?', color: MAGENTA },
};

/** A suspend node still waiting for its approval: argo get's `ǁ`, whatever its phase says. */
const WAITING: Style = { symbol: 'ǁ', color: CYAN };

/** Wraps `text` in the phase's colour when `color` is on; plain otherwise. */
export type Paint = (text: string, phase: string) => string;

export function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, phase) => {
    const code = styleOf(phase).color;
    return code === undefined ? text : `\u001b[${code}m${text}\u001b[0m`;
  };
}

export function symbolOf(phase: string, waiting = false): string {
  return waiting ? WAITING.symbol : styleOf(phase).symbol;
}

/** The workflow's phases share the nodes' styles (`Running` is a workflow left waiting at a suspend node). */
export function styleOf(phase: SimulatedPhase | WorkflowPhase | string): Style {
  return STYLES[phase as SimulatedPhase] ?? { symbol: '?' };
}

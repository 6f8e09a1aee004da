import { elapsedMs, formatDuration, type WorkflowProgress } from '@argo-gen/kube';

/** Shows watch progress: redrawn in place on a terminal, otherwise one plain line per phase change. */
export interface ProgressView {
  update(progress: WorkflowProgress): void;
  /** Final redraw (terminal) or nothing more (plain). */
  finish(): void;
}

const PHASE_MARK: Record<string, string> = {
  Pending: '·',
  Running: '●',
  Succeeded: '✔',
  Failed: '✖',
  Error: '✖',
  Skipped: '○',
  Omitted: '○',
};

/** The table a terminal shows: one row per node, phase and elapsed time. */
export function renderTable(p: WorkflowProgress, now: number): string[] {
  const width = Math.max(4, ...p.nodes.map((n) => n.name.length));
  const head = `workflow/${p.name}  ${p.phase || 'Pending'}  ${time(p, now)}`;
  const rows = p.nodes.map((n) => {
    const mark = PHASE_MARK[n.phase] ?? '?';
    const msg = n.message && (n.phase === 'Failed' || n.phase === 'Error') ? `  ${n.message}` : '';
    return `  ${mark} ${n.name.padEnd(width)}  ${n.phase.padEnd(9)}  ${time(n, now)}${msg}`;
  });
  return [head, ...rows];
}

function time(item: { startedAt?: string; finishedAt?: string }, now: number): string {
  const ms = elapsedMs(item, now);
  return ms === undefined ? '' : formatDuration(ms);
}

/** Plain lines, for logs and CI: printed when a node's (or the workflow's) phase changes, never repeated. */
export function plainView(write: (line: string) => void, now: () => number = Date.now): ProgressView {
  const phases = new Map<string, string>();
  let workflowPhase = '';
  return {
    update(p) {
      for (const n of p.nodes) {
        if (phases.get(n.id) === n.phase) continue;
        phases.set(n.id, n.phase);
        // Elapsed time once a node is done; live times are for the terminal view.
        const t = n.finishedAt ? time(n, now()) : '';
        const msg = n.message && (n.phase === 'Failed' || n.phase === 'Error') ? `: ${n.message}` : '';
        write(`  ${n.name} ${n.phase}${t ? ` (${t})` : ''}${msg}\n`);
      }
      if (p.phase && p.phase !== workflowPhase) {
        workflowPhase = p.phase;
        write(`workflow/${p.name} ${p.phase}\n`);
      }
    },
    finish() {},
  };
}

/** A terminal: the table is redrawn in place (cursor up, clear to end), and re-timed every second. */
export function ttyView(write: (text: string) => void, now: () => number = Date.now): ProgressView {
  let lines = 0;
  let last: WorkflowProgress | undefined;
  const draw = () => {
    if (!last) return;
    const rows = renderTable(last, now());
    write(`${lines > 0 ? `\x1b[${lines}F` : ''}\x1b[0J${rows.join('\n')}\n`);
    lines = rows.length;
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    update(p) {
      last = p;
      draw();
    },
    finish() {
      clearInterval(timer);
      draw();
    },
  };
}

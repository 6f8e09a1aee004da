import type { ArgoObject, WorkflowProgress } from '@argo-gen/kube';
import { renderTable } from './progress-view.js';

/** Left-aligned columns separated by three spaces, like kubectl. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('   ')
      .trimEnd();
  return `${[head, ...rows].map(line).join('\n')}\n`;
}

/** `42s`, `5m`, `3h`, `2d` since creation, like kubectl's AGE. */
export function ageOf(o: ArgoObject, now: number): string {
  const created = Date.parse(o.metadata?.creationTimestamp ?? '');
  if (Number.isNaN(created)) return '';
  const s = Math.max(0, Math.floor((now - created) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172_800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

/** A workflow's phase and its nodes, as `get workflow` prints them. */
export function nodeLines(p: WorkflowProgress, now: number): string[] {
  return [...renderTable(p, now), ...(p.message ? [`message: ${p.message}`] : [])];
}

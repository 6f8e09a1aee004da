/**
 * A template's `parallelism`: at most N of its children run at once. A child that is ready while N run starts when
 * the first of them is done. It only delays starts (and so the order and the clock), never changes a phase.
 */
export class Slots {
  private readonly busy: { start: number; end: number }[] = [];
  private readonly limit: number | undefined;

  constructor(limit: unknown) {
    const n = Number(limit);
    this.limit = limit !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
  }

  /** The first time at or after `ready` when a slot is free. */
  firstFree(ready: number): number {
    const limit = this.limit;
    if (limit === undefined) return ready;
    const candidates = [ready, ...this.busy.map((b) => b.end).filter((end) => end > ready)].sort((a, b) => a - b);
    for (const t of candidates) {
      if (this.busy.filter((b) => b.start <= t && t < b.end).length < limit) return t;
    }
    return ready;
  }

  take(start: number, end: number): void {
    if (this.limit !== undefined) this.busy.push({ start, end });
  }
}

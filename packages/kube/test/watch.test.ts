import { describe, expect, it } from 'vitest';
import type { WatchEvent } from '../src/client.js';
import { workflowProgress } from '../src/progress.js';
import { formatDuration, watchWorkflow } from '../src/watch.js';
import { FakeKube } from './fake-kube.js';

const wf = (rv: string, phase: string, nodes: Record<string, object> = {}) => ({
  kind: 'Workflow',
  metadata: { name: 'w', namespace: 'default', resourceVersion: rv },
  status: { phase, nodes },
});
const ev = (type: WatchEvent['type'], object: object) => ({ type, object }) as WatchEvent;

/** A sleeper that records each wait and returns at once: backoff without a clock. */
function recordingSleep() {
  const waits: number[] = [];
  return { waits, sleep: async (ms: number) => void waits.push(ms) };
}

describe('watchWorkflow', () => {
  it('continues from the last resourceVersion (events and bookmarks), lists again after 410 Gone', async () => {
    const kube = new FakeKube();
    kube.objects.set('Workflow/default/w', wf('1', 'Running'));
    kube.listVersion = '9';
    kube.watches.push({
      events: [
        ev('MODIFIED', wf('3', 'Running', { a: { displayName: 'a', phase: 'Running' } })),
        ev('BOOKMARK', { metadata: { resourceVersion: '5' } }),
      ],
      end: 'close',
    });
    kube.watches.push({ events: [ev('ERROR', { kind: 'Status', code: 410, message: 'too old resource version' })] });
    kube.watches.push({ events: [ev('MODIFIED', wf('10', 'Succeeded'))] });
    const seen: string[] = [];
    const { waits, sleep } = recordingSleep();
    const final = await watchWorkflow(kube, 'w', 'default', {
      sleep,
      random: () => 0,
      onProgress: (p) => seen.push(`${p.phase}:${p.nodes.map((n) => `${n.name}=${n.phase}`).join(',')}`),
    });
    expect(workflowProgress(final).phase).toBe('Succeeded');
    expect(seen).toEqual(['Running:', 'Running:a=Running', 'Succeeded:']);
    expect(kube.requests).toEqual(['get w', 'watch from 1', 'watch from 5', 'list metadata.name=w', 'watch from 9']);
    // The first close came after progress (base delay); the 410 round brought none (doubled).
    expect(waits).toEqual([500, 1000]);
  });

  it('backs off exponentially, capped, while watches end without an event; jitter only shortens', async () => {
    const kube = new FakeKube();
    kube.objects.set('Workflow/default/w', wf('1', 'Running'));
    for (let i = 0; i < 8; i++) kube.watches.push({ events: [], end: 'close' });
    kube.watches.push({ events: [ev('MODIFIED', wf('2', 'Failed'))] });
    const { waits, sleep } = recordingSleep();
    await watchWorkflow(kube, 'w', 'default', {
      sleep,
      random: () => 0.5,
      backoff: { baseDelayMs: 100, maxDelayMs: 2000 },
    });
    expect(waits).toEqual([180, 360, 720, 1440, 1800, 1800, 1800, 1800]);
    expect(kube.requests.filter((r) => r.startsWith('watch'))).toHaveLength(9);
  });

  it('returns at once for a finished workflow, and gives up with kube/timeout when the deadline passes', async () => {
    const kube = new FakeKube();
    kube.objects.set('Workflow/default/w', wf('1', 'Failed'));
    expect(workflowProgress(await watchWorkflow(kube, 'w', 'default')).phase).toBe('Failed');
    kube.objects.set('Workflow/default/w', wf('1', 'Running'));
    const deadline = new AbortController();
    // The watch hangs (the fake's default); the deadline passes once it is open.
    const watching = watchWorkflow(kube, 'w', 'default', { timeoutMs: 50, deadline: deadline.signal });
    await Promise.resolve();
    deadline.abort();
    await expect(watching).rejects.toThrow(
      "workflow/w in namespace 'default': still Running after 50ms; it keeps running",
    );
  });

  it('a deleted workflow ends the watch with kube/not-found', async () => {
    const kube = new FakeKube();
    kube.objects.set('Workflow/default/w', wf('1', 'Running'));
    kube.watches.push({ events: [ev('DELETED', wf('2', 'Running'))] });
    await expect(watchWorkflow(kube, 'w', 'default')).rejects.toThrow(
      'was deleted while being watched [kube/not-found]',
    );
  });

  it('formats durations', () => {
    expect([850, 12_000, 240_000, 3_723_000].map(formatDuration)).toEqual(['850ms', '12s', '4m0s', '1h2m3s']);
  });
});

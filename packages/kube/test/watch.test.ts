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

describe('watchWorkflow', () => {
  it('re-reads and re-watches after 410 Gone and after the stream closes, reporting each new state', async () => {
    const kube = new FakeKube();
    kube.objects.set('Workflow/default/w', wf('1', 'Running'));
    kube.watches.push({ events: [ev('ERROR', { kind: 'Status', code: 410, message: 'too old resource version' })] });
    kube.watches.push({
      events: [ev('MODIFIED', wf('3', 'Running', { a: { displayName: 'a', phase: 'Running' } }))],
      end: 'close',
    });
    kube.watches.push({ events: [ev('BOOKMARK', {}), ev('MODIFIED', wf('4', 'Succeeded'))] });
    const seen: string[] = [];
    const final = await watchWorkflow(kube, 'w', 'default', {
      onProgress: (p) => seen.push(`${p.phase}:${p.nodes.map((n) => `${n.name}=${n.phase}`).join(',')}`),
    });
    expect(workflowProgress(final).phase).toBe('Succeeded');
    expect(seen).toEqual(['Running:', 'Running:a=Running', 'Succeeded:']);
    expect(kube.requests).toEqual(['get w', 'watch from 1', 'get w', 'watch from 1', 'get w', 'watch from 3']);
  });

  it('returns at once for a finished workflow, and times out with kube/timeout otherwise', async () => {
    const kube = new FakeKube();
    kube.objects.set('Workflow/default/w', wf('1', 'Failed'));
    expect(workflowProgress(await watchWorkflow(kube, 'w', 'default')).phase).toBe('Failed');
    kube.objects.set('Workflow/default/w', wf('1', 'Running'));
    await expect(watchWorkflow(kube, 'w', 'default', { timeoutMs: 50 })).rejects.toThrow(
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

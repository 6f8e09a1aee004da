import { describe, expect, it } from 'vitest';
import { images, perfCheck } from '../src/index.js';
import { rendered } from './render.js';

describe('perf-check', () => {
  const gate = perfCheck({
    name: 'web-gate',
    target: { service: { name: 'web', namespace: 'burger-prod', port: 8080, path: '/healthz' } },
    duration: '1m',
    vus: 5,
    thresholds: { p95Ms: 300, errorRate: 0.01, minRps: 20 },
  });

  it('loads a Service for a duration with k6 and exposes verdict and metrics', () => {
    const r = rendered(gate);
    expect(r.inputs?.parameters).toEqual([
      { name: 'url', default: 'http://web.burger-prod.svc.cluster.local:8080/healthz', description: 'The URL to load' },
      { name: 'duration', default: '1m', description: 'How long to load it (k6 --duration)' },
    ]);
    expect(r.outputs?.parameters).toEqual([
      { name: 'verdict', description: 'pass or fail', valueFrom: { default: 'fail', path: '/tmp/verdict' } },
      {
        name: 'metrics',
        description: "k6's end-of-test summary",
        valueFrom: { default: '{}', path: '/tmp/metrics.json' },
      },
    ]);
    expect(r.script?.image).toBe(images.k6);
    expect(r.script?.env).toEqual([
      { name: 'TARGET_URL', value: '{{inputs.parameters.url}}' },
      { name: 'DURATION', value: '{{inputs.parameters.duration}}' },
      { name: 'VUS', value: '5' },
    ]);
  });

  it('turns the thresholds into k6 thresholds', () => {
    expect(rendered(gate).script?.source).toContain(
      'export const options = { thresholds: {"http_req_duration":["p(95)<=300"],"http_req_failed":["rate<=0.01"],"http_reqs":["rate>=20"]} };',
    );
  });

  it('gate mode fails the step on a crossed threshold; report mode only reports', () => {
    expect(gate.mode).toBe('gate');
    expect(rendered(gate).script?.source?.trimEnd().split('\n').at(-1)).toBe('exit "$rc"');
    const report = perfCheck({ target: { url: 'https://burger.example' }, thresholds: { p95Ms: 300 }, mode: 'report' });
    expect(report.mode).toBe('report');
    expect(rendered(report).script?.source?.trimEnd().split('\n').at(-1)).toBe(
      'if [ "$rc" -eq 99 ]; then exit 0; fi; exit "$rc"',
    );
    expect(rendered(report).inputs?.parameters?.[0]?.default).toBe('https://burger.example');
  });
});

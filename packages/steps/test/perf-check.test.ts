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
      {
        name: 'p95',
        description: '95th percentile of request duration (ms)',
        valueFrom: { default: 'NaN', path: '/tmp/p95' },
      },
      {
        name: 'error-rate',
        description: 'Share of failed requests (0-1)',
        valueFrom: { default: 'NaN', path: '/tmp/error-rate' },
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

  it('emits template metrics: p95 and error-rate gauges from its outputs, a counter of failed verdicts', () => {
    const labels = [
      { key: 'check', value: 'web-gate' },
      { key: 'namespace', value: 'burger-prod' },
      { key: 'service', value: 'web' },
    ];
    expect(rendered(gate).metrics).toEqual({
      prometheus: [
        {
          name: 'perf_check_p95_ms',
          help: 'Perf check: 95th percentile of request duration, in milliseconds',
          labels,
          gauge: { value: '{{outputs.parameters.p95}}', realtime: false },
        },
        {
          name: 'perf_check_error_rate',
          help: 'Perf check: share of failed requests, between 0 and 1',
          labels,
          gauge: { value: '{{outputs.parameters.error-rate}}', realtime: false },
        },
        {
          name: 'perf_check_failures',
          help: 'Perf check: runs whose verdict was fail (a threshold crossed, or k6 could not run)',
          labels,
          when: "'{{outputs.parameters.verdict}}' == 'fail'",
          counter: { value: '1' },
        },
      ],
    });
    const source = rendered(gate).script?.source ?? '';
    expect(source).toContain("out['/tmp/p95'] = String(d.values['p(95)'])");
    expect(source).toContain("out['/tmp/error-rate'] = String(f.values.rate)");
  });

  it('takes a prefix and extra labels; a URL target is labelled by its host; metrics: false emits none', () => {
    const url = perfCheck({
      name: 'edge',
      target: { url: 'https://burger.example/menu' },
      thresholds: { errorRate: 0.05 },
      metrics: { prefix: 'burger_perf', labels: { team: 'web' } },
    });
    const m = rendered(url).metrics?.prometheus ?? [];
    expect(m.map((x) => x.name)).toEqual(['burger_perf_p95_ms', 'burger_perf_error_rate', 'burger_perf_failures']);
    expect(m[0]?.labels).toEqual([
      { key: 'check', value: 'edge' },
      { key: 'namespace', value: 'external' },
      { key: 'service', value: 'burger.example' },
      { key: 'team', value: 'web' },
    ]);
    const none = perfCheck({ target: { url: 'https://burger.example' }, thresholds: { p95Ms: 1 }, metrics: false });
    expect(rendered(none).metrics).toBeUndefined();
  });

  it('refuses metric names and labels that break Prometheus naming, naming the step, template and metric', () => {
    const target = { service: { name: 'web', namespace: 'shop' } };
    expect(() =>
      perfCheck({ name: 'web-gate', target, thresholds: { p95Ms: 1 }, metrics: { prefix: 'web-perf' } }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ArgoGenError: step 'perf-check': template 'web-gate': metric 'web-perf_p95_ms' is not a valid Prometheus metric name: letters, digits and '_', not starting with a digit (metrics.prefix "web-perf") [steps/bad-option]
      step 'perf-check': template 'web-gate': metric 'web-perf_error_rate' is not a valid Prometheus metric name: letters, digits and '_', not starting with a digit (metrics.prefix "web-perf") [steps/bad-option]
      step 'perf-check': template 'web-gate': metric 'web-perf_failures' is not a valid Prometheus metric name: letters, digits and '_', not starting with a digit (metrics.prefix "web-perf") [steps/bad-option]]
    `);
    expect(() =>
      perfCheck({ name: 'web-gate', target, thresholds: { p95Ms: 1 }, metrics: { prefix: 'perf:web' } }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ArgoGenError: step 'perf-check': template 'web-gate': metric 'perf:web_p95_ms' is not a valid Prometheus metric name: letters, digits and '_', not starting with a digit (':' is Prometheus's but Argo refuses it) (metrics.prefix "perf:web") [steps/bad-option]
      step 'perf-check': template 'web-gate': metric 'perf:web_error_rate' is not a valid Prometheus metric name: letters, digits and '_', not starting with a digit (':' is Prometheus's but Argo refuses it) (metrics.prefix "perf:web") [steps/bad-option]
      step 'perf-check': template 'web-gate': metric 'perf:web_failures' is not a valid Prometheus metric name: letters, digits and '_', not starting with a digit (':' is Prometheus's but Argo refuses it) (metrics.prefix "perf:web") [steps/bad-option]]
    `);
    expect(() =>
      perfCheck({
        name: 'web-gate',
        target,
        thresholds: { p95Ms: 1 },
        metrics: { labels: { 'app.kubernetes.io/name': 'web', __team: 'x', '1st': 'y' } },
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [ArgoGenError: step 'perf-check': template 'web-gate': label 'app.kubernetes.io/name' of metric 'perf_check_p95_ms' is not a valid Prometheus label name: letters, digits and '_', not starting with a digit [steps/bad-option]
      step 'perf-check': template 'web-gate': label '__team' of metric 'perf_check_p95_ms' is not a valid Prometheus label name: names starting with '__' are reserved [steps/bad-option]
      step 'perf-check': template 'web-gate': label '1st' of metric 'perf_check_p95_ms' is not a valid Prometheus label name: letters, digits and '_', not starting with a digit [steps/bad-option]]
    `);
  });
});

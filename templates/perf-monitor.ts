import { dag, output, task, workflowTemplate } from '@argo-gen/dsl';
import { perfCheck } from '@argo-gen/steps';

/**
 * Measures production as users reach it, after a release: k6 against the frontend and the backend Services in
 * `report` mode, so a slow result is recorded (`verdict`, `metrics`) without failing a release that already passed
 * its gates.
 */
const NS = 'burger-prod';

/** What production must meet, shared with the scheduled monitor (perf-monitor-cron.ts). */
export const slo = {
  frontend: {
    target: { service: { name: 'frontend', namespace: NS } },
    thresholds: { p95Ms: 400, errorRate: 0.01, minRps: 50 },
  },
  backend: {
    target: { service: { name: 'backend', namespace: NS, port: 8080, path: '/healthz' } },
    thresholds: { p95Ms: 250, errorRate: 0.01 },
  },
} as const;

const frontendCheck = perfCheck({ name: 'frontend-perf', ...slo.frontend, duration: '5m', mode: 'report' });
const backendCheck = perfCheck({ name: 'backend-perf', ...slo.backend, duration: '5m', mode: 'report' });

const frontend = task('frontend', frontendCheck);
const backend = task('backend', backendCheck);

export const monitor = dag('perf-monitor', [frontend, backend], {
  outputs: {
    'frontend-verdict': output.from(frontend.outputs.parameters.verdict),
    'frontend-metrics': output.from(frontend.outputs.parameters.metrics),
    'backend-verdict': output.from(backend.outputs.parameters.verdict),
    'backend-metrics': output.from(backend.outputs.parameters.metrics),
  },
});

export default workflowTemplate('burger-perf-monitor', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  entrypoint: monitor,
  // Argo's executor records outputs with this ServiceAccount's token; the steps' own containers get none.
  spec: { executor: { serviceAccountName: 'burger-executor' } },
});

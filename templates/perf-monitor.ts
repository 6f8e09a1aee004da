import { dag, output, task, workflowTemplate } from '@argo-gen/dsl';
import { perfCheck } from '@argo-gen/steps';

/**
 * Measures production as users reach it, after a release: k6 against the frontend and the backend Services in
 * `report` mode, so a slow result is recorded (`verdict`, `metrics`) without failing a release that already passed
 * its gates.
 */
const NS = 'burger-prod';

const frontendCheck = perfCheck({
  name: 'frontend-perf',
  target: { service: { name: 'frontend', namespace: NS } },
  duration: '5m',
  thresholds: { p95Ms: 400, errorRate: 0.01, minRps: 50 },
  mode: 'report',
});
const backendCheck = perfCheck({
  name: 'backend-perf',
  target: { service: { name: 'backend', namespace: NS, port: 8080, path: '/healthz' } },
  duration: '5m',
  thresholds: { p95Ms: 250, errorRate: 0.01 },
  mode: 'report',
});

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
});

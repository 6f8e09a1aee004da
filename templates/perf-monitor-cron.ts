import { and, cronWorkflow, dag, globals, or, param, task, when, workflowParams } from '@argo-gen/dsl';
import { fail, perfCheck, webhook } from '@argo-gen/steps';
import { slo } from './perf-monitor.js';

/**
 * Continuous performance monitoring of production: every 30 minutes (Europe/Berlin), k6 measures the frontend and the
 * backend Services. The checks run in `report` mode so that both always finish and report; the verdicts are then
 * checked explicitly: when either is `fail`, the `verdicts` task fails, and its lifecycle hook posts the failing
 * metrics as JSON to the team's webhook before the run ends as Failed. Every check also feeds the controller's
 * metrics endpoint (`perf_check_p95_ms`, `perf_check_error_rate`, `perf_check_failures`) for the dashboards.
 *
 * The webhook URL is a workflow parameter read from the ConfigMap `burger-perf-monitor` (key `webhook-url`): Argo's
 * HTTP template cannot take its URL from a Secret, so the URL is configuration and the credential, the
 * `Authorization` header, comes from the Secret `burger-perf-webhook` (key `authorization`).
 */
const NS = 'burger-prod';

const p = workflowParams({
  'webhook-url': param.fromConfigMap('burger-perf-monitor', 'webhook-url', {
    description: 'Where failing checks are reported (https://)',
  }),
});

const frontendCheck = perfCheck({ name: 'frontend-slo', ...slo.frontend, duration: '2m', mode: 'report' });
const backendCheck = perfCheck({ name: 'backend-slo', ...slo.backend, duration: '2m', mode: 'report' });

const notify = webhook({
  name: 'notify-perf-failure',
  url: p['webhook-url'],
  authorizationSecret: { name: 'burger-perf-webhook', key: 'authorization' },
});
const verdictFailed = fail({ name: 'perf-verdict-failed', message: 'a production perf check crossed its thresholds' });

const frontend = task('frontend', frontendCheck);
const backend = task('backend', backendCheck);
const f = frontend.outputs.parameters;
const b = backend.outputs.parameters;

/** The failing metrics as one JSON document; p95 and error rate are strings because k6 may report NaN. */
const report = (name: string, o: typeof f) =>
  `"${name}":{"verdict":"${o.verdict}","p95Ms":"${o.p95}","errorRate":"${o['error-rate']}","summary":${o.metrics}}`;
const body = `{"workflow":"${globals.name}","scheduledTime":"${globals.scheduledTime}","namespace":"${NS}","checks":{${report('frontend', f)},${report('backend', b)}}}`;

// A check that could not run (k6 failed to start) still has outputs (verdict defaults to fail), so it is judged too.
const verdicts = task('verdicts', verdictFailed, {
  depends: and(or(frontend.succeeded, frontend.failed), or(backend.succeeded, backend.failed)),
  when: when.or(when.eq(f.verdict, 'fail'), when.eq(b.verdict, 'fail')),
  hooks: { failed: { template: notify, expression: 'tasks.verdicts.status == "Failed"', args: { body } } },
});

export const monitor = dag('perf-monitor', [frontend, backend, verdicts]);

export default cronWorkflow(
  'perf-monitor',
  {
    schedules: ['*/30 * * * *'],
    timezone: 'Europe/Berlin',
    concurrencyPolicy: 'Forbid',
    startingDeadlineSeconds: 300,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 10,
  },
  {
    namespace: 'burger-ci',
    labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
    params: p,
    entrypoint: monitor,
    spec: { serviceAccountName: 'burger-perf-monitor', executor: { serviceAccountName: 'burger-executor' } },
  },
);

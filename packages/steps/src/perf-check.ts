import { inputs, type OutputParamSpec, output, type ParamSpec, param, script, type Template } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { images } from './images.js';
import { optionError, parseOptions } from './internal/options.js';
import { noApiToken, restricted } from './internal/pod-security.js';
import { duration, imageRef, integer, k8sName, matching, namespace, templateName } from './internal/schemas.js';
import { metricsSchema, perfMetrics } from './perf-metrics.js';

export type PerfCheckInputs = {
  readonly url: ParamSpec<string, false>;
  readonly duration: ParamSpec<string, false>;
};
/**
 * `verdict` is `pass` or `fail`; `metrics` is k6's end-of-test summary as JSON (`--summary-export`); `p95` (ms) and
 * `error-rate` (0–1) are single numbers, `NaN` when k6 measured nothing: typed `number`, so conditions read them as
 * numbers (`when.lt(gate.outputs.parameters.p95, 300)`; with NaN every comparison is false, as in TypeScript).
 */
export type PerfCheckOutputs = {
  readonly verdict: OutputParamSpec;
  readonly metrics: OutputParamSpec;
  readonly p95: OutputParamSpec & { readonly type: 'number' };
  readonly 'error-rate': OutputParamSpec & { readonly type: 'number' };
};

/** A perf-check template, which remembers its mode so that strategies can refuse a gate that never fails. */
export type PerfCheckTemplate = Template<PerfCheckInputs, PerfCheckOutputs> & { readonly mode: 'gate' | 'report' };

const target = z.union(
  [
    z.strictObject({ url: matching(/^https?:\/\/\S+$/, 'must be an http:// or https:// URL') }),
    z.strictObject({
      service: z.strictObject({
        name: k8sName,
        namespace,
        /** @default 80 */
        port: z.optional(integer(1, 65535)),
        /** @default '/' */
        path: z.optional(matching(/^\/\S*$/, "must start with '/'")),
      }),
    }),
  ],
  { error: 'must be { url } or { service: { name, namespace, port?, path? } }' },
);

const thresholds = z.strictObject({
  /**
   * The 95th percentile of request duration must stay at or under this many milliseconds (`p(95)<=N` on
   * `http_req_duration`).
   * @default not checked
   * @see https://grafana.com/docs/k6/latest/using-k6/thresholds/
   */
  p95Ms: z.optional(z.number().check(z.positive())),
  /**
   * The share of failed requests, between 0 and 1, must stay at or under this (`rate<=X` on `http_req_failed`).
   * @default not checked
   * @see https://grafana.com/docs/k6/latest/using-k6/metrics/reference/
   */
  errorRate: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  /**
   * Requests per second must reach at least this (`rate>=N` on `http_reqs`).
   * @default not checked
   */
  minRps: z.optional(z.number().check(z.positive())),
});

const schema = z.strictObject({
  /**
   * The template's name; must be unique in the workflow.
   * @default 'perf-check'
   */
  name: z.optional(templateName),
  /** The default of the template's `url` input: `{ url }` or `{ service: { name, namespace, port?, path? } }`. */
  target,
  /**
   * The default of the template's `duration` input (k6 `--duration`).
   * @default '30s'
   * @see https://grafana.com/docs/k6/latest/using-k6/k6-options/reference/#duration
   */
  duration: z.optional(duration),
  /**
   * Concurrent virtual users (k6 `--vus`).
   * @default 10
   * @see https://grafana.com/docs/k6/latest/using-k6/k6-options/reference/#vus
   */
  vus: z.optional(integer(1)),
  /** Pass/fail thresholds; a run that crosses any of them fails. At least one is required. */
  thresholds,
  /**
   * `gate`: the step fails when a threshold is crossed, so `depends` on `.failed` can react (rollback).
   * `report`: the step always succeeds when k6 ran; read the `verdict` output instead.
   * @default 'gate'
   */
  mode: z.optional(z.enum(['gate', 'report'])),
  /**
   * The k6 image.
   * @default images.k6
   */
  image: z.optional(imageRef),
  /**
   * The ServiceAccount whose token only Argo's executor gets (it records outputs; it needs `workflowtaskresults`
   * create and patch). This step never calls the Kubernetes API, so its own container gets no token
   * (`automountServiceAccountToken: false`); Argo then requires an executor ServiceAccount, here or in the
   * workflow's `spec.executor`.
   * @default the workflow's `spec.executor.serviceAccountName`
   */
  executorServiceAccountName: z.optional(k8sName),
  /**
   * Argo custom metrics for dashboards: gauges `<prefix>_p95_ms` and `<prefix>_error_rate` and a counter
   * `<prefix>_failures`, labelled by service, namespace and check; `false` emits none. Names and labels are checked
   * against Prometheus's rules here.
   * @default { prefix: 'perf_check' }
   * @see https://argo-workflows.readthedocs.io/en/latest/metrics/
   */
  metrics: z.optional(metricsSchema),
});

/** What to load: a URL, or a Service reached through cluster DNS. */
export type PerfTarget = z.input<typeof target>;
/** Pass/fail thresholds; a run that crosses any of them fails. At least one is required. */
export type PerfThresholds = z.input<typeof thresholds>;
export type PerfCheckOptions = z.input<typeof schema>;

function urlOf(t: z.output<typeof schema>['target']): string {
  if ('url' in t) return t.url;
  const s = t.service;
  return `http://${s.name}.${s.namespace}.svc.cluster.local${s.port && s.port !== 80 ? `:${s.port}` : ''}${s.path ?? '/'}`;
}

/** The metrics' default labels: the Service's name and namespace, or a URL's host and `external`. */
function labelsOf(t: z.output<typeof schema>['target']): Record<string, string> {
  if ('service' in t) return { service: t.service.name, namespace: t.service.namespace };
  return { service: new URL(t.url).host, namespace: 'external' };
}

/** k6 threshold expressions, keyed by metric, in a fixed order. */
function thresholdsOf(t: PerfThresholds): Record<string, string[]> {
  return {
    ...(t.p95Ms !== undefined ? { http_req_duration: [`p(95)<=${t.p95Ms}`] } : {}),
    ...(t.errorRate !== undefined ? { http_req_failed: [`rate<=${t.errorRate}`] } : {}),
    ...(t.minRps !== undefined ? { http_reqs: [`rate>=${t.minRps}`] } : {}),
  };
}

/**
 * The script: k6 exits 99 when a threshold is crossed (https://grafana.com/docs/k6/latest/results-output/end-of-test/),
 * which becomes `verdict=fail`; in `gate` mode the step then fails, in `report` mode it succeeds. Any other non-zero
 * exit (k6 could not run) fails the step in both modes, since nothing was measured.
 */
function source(thresholds: Record<string, string[]>, gate: boolean): string {
  return [
    'set -u',
    "cat > /tmp/load.js <<'EOF'",
    "import http from 'k6/http';",
    `export const options = { thresholds: ${JSON.stringify(thresholds)} };`,
    'export default function () { http.get(__ENV.TARGET_URL); }',
    // k6 still writes --summary-export when handleSummary is defined; these two files feed the p95/error-rate outputs.
    'export function handleSummary(data) {',
    '  const d = data.metrics.http_req_duration, f = data.metrics.http_req_failed, out = {};',
    "  if (d && d.values['p(95)'] !== undefined) out['/tmp/p95'] = String(d.values['p(95)']);",
    "  if (f && f.values.rate !== undefined) out['/tmp/error-rate'] = String(f.values.rate);",
    "  out.stdout = 'p95_ms=' + (out['/tmp/p95'] || 'NaN') + ' error_rate=' + (out['/tmp/error-rate'] || 'NaN') + '\\n';",
    '  return out;',
    '}',
    'EOF',
    'k6 run --quiet --vus "$VUS" --duration "$DURATION" --summary-export /tmp/metrics.json /tmp/load.js',
    'rc=$?',
    'if [ "$rc" -eq 0 ]; then echo pass > /tmp/verdict; else echo fail > /tmp/verdict; fi',
    '[ -s /tmp/metrics.json ] || echo "{}" > /tmp/metrics.json',
    gate ? 'exit "$rc"' : 'if [ "$rc" -eq 99 ]; then exit 0; fi; exit "$rc"',
    '',
  ].join('\n');
}

/**
 * Loads a URL or Service with k6 for a duration and judges it against thresholds. Outputs `verdict` (pass/fail) and
 * `metrics` (JSON). In `gate` mode a crossed threshold fails the step; in `report` mode it only reports.
 * @see https://grafana.com/docs/k6/latest/
 */
export function perfCheck(options: PerfCheckOptions): PerfCheckTemplate {
  const o = parseOptions("step 'perf-check'", schema, options);
  const thresholds = thresholdsOf(o.thresholds);
  if (Object.keys(thresholds).length === 0) {
    throw optionError(
      "step 'perf-check'",
      'thresholds must set at least one of p95Ms, errorRate, minRps (got {}); without one, every run passes',
    );
  }
  const mode = o.mode ?? 'gate';
  const name = o.name ?? 'perf-check';
  const metrics = perfMetrics(name, o.metrics, labelsOf(o.target));
  const i = inputs({
    url: param.string({ default: urlOf(o.target), description: 'The URL to load' }),
    duration: param.string({ default: o.duration ?? '30s', description: 'How long to load it (k6 --duration)' }),
  });
  const t = script(
    name,
    {
      image: o.image ?? images.k6,
      command: ['sh'],
      source: source(thresholds, mode === 'gate'),
      env: [
        { name: 'TARGET_URL', value: i.url },
        { name: 'DURATION', value: i.duration },
        { name: 'VUS', value: String(o.vus ?? 10) },
      ],
      // k6's image runs as its own user, 12345.
      securityContext: restricted(12345),
    },
    {
      ...noApiToken(o.executorServiceAccountName),
      inputs: i,
      outputs: {
        verdict: output.path('/tmp/verdict', { default: 'fail', description: 'pass or fail' }),
        metrics: output.path('/tmp/metrics.json', { default: '{}', description: "k6's end-of-test summary" }),
        p95: output.path('/tmp/p95', {
          default: 'NaN',
          type: 'number',
          description: '95th percentile of request duration (ms)',
        }),
        'error-rate': output.path('/tmp/error-rate', {
          default: 'NaN',
          type: 'number',
          description: 'Share of failed requests (0-1)',
        }),
      },
      ...(metrics ? { metrics } : {}),
    },
  );
  // The template's own properties copied as they are, not spread: spreading reads `source`, which formats the call's
  // stack (source-mapping every frame) on every run; copied, it stays a getter read only when an error needs it.
  return Object.freeze(
    Object.defineProperties({} as PerfCheckTemplate, {
      ...Object.getOwnPropertyDescriptors(t),
      mode: { value: mode, enumerable: true },
    }),
  );
}

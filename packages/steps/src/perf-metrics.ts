import { Ref, when } from '@argo-gen/dsl';
import type * as model from '@argo-gen/model';
import { ArgoGenError, issue } from '@argo-gen/model';
import * as z from 'zod/mini';
import { nonEmpty } from './internal/schemas.js';

/**
 * Prometheus metric names as Argo accepts them: Prometheus's legacy rule without `:` (Argo's
 * `IsValidMetricName` refuses it, although Prometheus allows it for recording rules).
 * @see https://prometheus.io/docs/concepts/data_model/#metric-names-and-labels
 */
export const METRIC_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Label names: the same characters; names starting with `__` are reserved for Prometheus's own use. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const metricsOptions = z.strictObject({
  /**
   * The start of every metric name: `<prefix>_p95_ms`, `<prefix>_error_rate`, `<prefix>_failures`.
   * @default 'perf_check'
   */
  prefix: z.optional(z.string()),
  /**
   * Labels added to every metric (or replacing the defaults `service`, `namespace`, `check`).
   * @default { service, namespace } of a Service target (a URL's host and 'external' for a URL), check: the template name
   */
  labels: z.optional(z.record(z.string(), nonEmpty)),
});

/** Custom metrics of a perf check (template-level Prometheus metrics, emitted by the workflow controller). */
export type PerfMetricsOptions = z.input<typeof metricsOptions>;

export const metricsSchema = z.union([z.literal(false), metricsOptions]);

const output = (name: string) => new Ref<string>(['outputs', 'parameters', name]);
const self = (name: string) => String(output(name));

/**
 * The metrics, checked by name before Argo sees them. Values come from the step's own outputs (`{{outputs.…}}` is in
 * scope for template metrics once the step has finished; `realtime: false`). A p95 or error rate that k6 could not
 * measure is `NaN` (the outputs' default), which Go's ParseFloat accepts and dashboards show as a gap.
 */
export function perfMetrics(
  template: string,
  options: z.output<typeof metricsSchema> | undefined,
  defaults: Readonly<Record<string, string>>,
): model.Metrics | undefined {
  if (options === false) return undefined;
  const subject = "step 'perf-check'";
  const prefix = options?.prefix ?? 'perf_check';
  const labels = { ...defaults, check: template, ...(options?.labels ?? {}) };
  const names = [`${prefix}_p95_ms`, `${prefix}_error_rate`, `${prefix}_failures`];
  const problems = [
    ...names
      .filter((n) => !METRIC_NAME.test(n))
      .map(
        (n) =>
          `template '${template}': metric '${n}' is not a valid Prometheus metric name: letters, digits and '_', not starting with a digit${n.includes(':') ? " (':' is Prometheus's but Argo refuses it)" : ''} (metrics.prefix ${JSON.stringify(prefix)})`,
      ),
    ...Object.keys(labels)
      .filter((k) => !LABEL_NAME.test(k) || k.startsWith('__'))
      .map(
        (k) =>
          `template '${template}': label '${k}' of metric '${names[0]}' is not a valid Prometheus label name: ${k.startsWith('__') ? "names starting with '__' are reserved" : "letters, digits and '_', not starting with a digit"}`,
      ),
  ];
  if (problems.length > 0) throw new ArgoGenError(problems.map((m) => issue('steps/bad-option', '', m, { subject })));
  const labelList = Object.entries(labels)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => ({ key, value }));
  return {
    prometheus: [
      {
        name: names[0] as string,
        help: 'Perf check: 95th percentile of request duration, in milliseconds',
        labels: labelList,
        gauge: { value: self('p95'), realtime: false },
      },
      {
        name: names[1] as string,
        help: 'Perf check: share of failed requests, between 0 and 1',
        labels: labelList,
        gauge: { value: self('error-rate'), realtime: false },
      },
      {
        name: names[2] as string,
        help: 'Perf check: runs whose verdict was fail (a threshold crossed, or k6 could not run)',
        labels: labelList,
        // a typed condition, quoted as govaluate reads strings: `'{{outputs.parameters.verdict}}' == 'fail'`
        when: String(when.eq(output('verdict'), 'fail')),
        counter: { value: '1' },
      },
    ],
  };
}

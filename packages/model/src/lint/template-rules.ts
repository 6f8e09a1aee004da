import type { Metrics, ResourceRequirements, Template } from '../gen/types.gen.js';
import { isObject, list, type Sink, type TemplateAt, typeCount, typesOf } from './document.js';

/** Argo's names for template types in messages (`Steps template doesn't support timeout field`). */
export function typeName(t: Template): string {
  const [type] = typesOf(t);
  return type ? (TYPE_NAMES[type] ?? type) : 'Unknown';
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  container: 'Container',
  containerSet: 'ContainerSet',
  steps: 'Steps',
  script: 'Script',
  resource: 'Resource',
  dag: 'DAG',
  suspend: 'Suspend',
  data: 'Data',
  http: 'HTTP',
  plugin: 'Plugin',
};

const RETRY_POLICIES = ['Always', 'OnFailure', 'OnError', 'OnTransientError', ''];

/** Rules about a template as a whole (argo-validation-rules.md rules 22–25, 29, 30, 32, 33, 57, 58; CEL rules). */
const TIMEOUT_FIELDS = ['timeout', 'pendingTimeout'] as const;

export function checkTemplateShape(sink: Sink, at: TemplateAt): void {
  const { template: t, path } = at;
  const types = typeCount(t); // the list itself only for a message
  const stepsOrDag = t.steps !== undefined || t.dag !== undefined;
  if (types === 0) sink.error('lint/unknown-template-type', path, `template '${at.name}' type is unknown`);
  if (types > 1)
    sink.error(
      'lint/multiple-template-types',
      path,
      `multiple template types specified (${typesOf(t).join(', ')}). choose one of: container, containerSet, steps, script, resource, dag, suspend, template, template ref`,
    );
  if (t.podResources !== undefined) {
    if (t.http !== undefined || t.plugin !== undefined)
      sink.error(
        'lint/invalid-pod-resources',
        `${path}/podResources`,
        `podResources is not supported for ${typeName(t)} templates`,
      );
    else checkPodResources(sink, t.podResources, `${path}/podResources`);
  }
  const podType = t.container || t.containerSet || t.script || t.resource || t.data;
  if (t.resourceClaims !== undefined && !podType)
    sink.error(
      'lint/invalid-resource-claims',
      `${path}/resourceClaims`,
      `resourceClaims is not supported for ${typeName(t)} templates, which do not create a pod`,
    );
  for (let f = 0; f < TIMEOUT_FIELDS.length; f++) {
    const field = TIMEOUT_FIELDS[f] as (typeof TIMEOUT_FIELDS)[number];
    const value = t[field];
    if (value === undefined) continue;
    if (stepsOrDag)
      sink.error(
        'lint/timeout-on-non-leaf',
        `${path}/${field}`,
        `${typeName(t)} template doesn't support ${field} field`,
      );
    else if (field === 'timeout' && /^\s*-?\d+\s*$/.test(value))
      sink.error(
        'lint/invalid-duration',
        `${path}/${field}`,
        `${at.name} has invalid duration format in timeout (got '${value}'; add a unit, e.g. '${value.trim()}s')`,
      );
  }
  const deadline = t.activeDeadlineSeconds;
  if (deadline !== undefined) {
    if (stepsOrDag)
      sink.error(
        'lint/active-deadline-on-non-leaf',
        `${path}/activeDeadlineSeconds`,
        'activeDeadlineSeconds is only valid for leaf templates',
      );
    else if (!validDeadline(deadline))
      sink.error(
        'lint/invalid-active-deadline',
        `${path}/activeDeadlineSeconds`,
        `activeDeadlineSeconds must be a positive integer > 0 or an argo variable (got ${JSON.stringify(deadline)})`,
      );
  }
  if (t.parallelism !== undefined && !stepsOrDag)
    sink.error(
      'lint/parallelism-on-leaf',
      `${path}/parallelism`,
      'parallelism is only valid for steps and dag templates',
    );
  const policy = t.retryStrategy?.retryPolicy;
  if (typeof policy === 'string' && !RETRY_POLICIES.includes(policy))
    sink.error(
      'lint/invalid-retry-policy',
      `${path}/retryStrategy/retryPolicy`,
      `${policy} is not a valid RetryPolicy (expected one of Always, OnFailure, OnError, OnTransientError)`,
    );
  checkMetrics(sink, t.metrics, `${path}/metrics`, true);
}

function validDeadline(value: number | string): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0;
  const trimmed = value.trim();
  if (trimmed.startsWith('{{') && trimmed.endsWith('}}')) return true;
  return /^\d+$/.test(trimmed);
}

/** Pod-level resources: only cpu, memory and hugepages-*, and no claims (rule 17). */
export function checkPodResources(sink: Sink, r: ResourceRequirements | undefined, path: string): void {
  if (!r) return;
  if (r.claims !== undefined)
    sink.error('lint/invalid-pod-resources', `${path}/claims`, 'claims is not supported for pod-level resources');
  for (const field of ['limits', 'requests'] as const) {
    const values = r[field];
    if (!isObject(values)) continue;
    for (const name of Object.keys(values))
      if (name !== 'cpu' && name !== 'memory' && !name.startsWith('hugepages-'))
        sink.error(
          'lint/invalid-pod-resources',
          `${path}/${field}`,
          `"${name}" is not a valid pod-level resource, only cpu, memory and hugepages-* are supported`,
        );
  }
}

const METRIC_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** Prometheus metrics (rule 32; the realtime-gauge CEL rule also covers workflow-level `spec.metrics`). */
export function checkMetrics(sink: Sink, metrics: Metrics | undefined, path: string, full: boolean): void {
  list(metrics?.prometheus).forEach((m, i) => {
    if (!m) return;
    const at = `${path}/prometheus/${i}`;
    if (m.gauge?.realtime && /resourcesDuration\./.test(m.gauge.value ?? ''))
      sink.error(
        'lint/invalid-metric',
        `${at}/gauge/value`,
        `metric '${m.name}' error: 'resourcesDuration.*' metrics cannot be used in real-time gauges`,
      );
    if (!full) return;
    if (!METRIC_NAME.test(m.name))
      sink.error(
        'lint/invalid-metric',
        `${at}/name`,
        `metric name '${m.name}' is invalid. Metric names must contain alphanumeric characters or '_'`,
      );
    list(m.labels).forEach((label, j) => {
      if (label && !METRIC_NAME.test(label.key))
        sink.error(
          'lint/invalid-metric',
          `${at}/labels/${j}/key`,
          `metric label '${label.key}' is invalid: keys may only contain alphanumeric characters or '_'`,
        );
      // Stricter than Argo: Prometheus reserves label names that start with '__' for its own use.
      else if (label?.key.startsWith('__'))
        sink.error(
          'lint/invalid-metric',
          `${at}/labels/${j}/key`,
          `metric label '${label.key}' is invalid: names starting with '__' are reserved by Prometheus`,
        );
    });
    if (!m.help)
      sink.error('lint/invalid-metric', at, `metric '${m.name}' must contain a help string under 'help: ' field`);
    for (const kind of ['gauge', 'counter', 'histogram'] as const) {
      const body = m[kind] as { value?: string } | undefined;
      if (body !== undefined && !body.value)
        sink.error('lint/invalid-metric', `${at}/${kind}`, `metric '${m.name}' error: missing ${kind}.value`);
    }
  });
}

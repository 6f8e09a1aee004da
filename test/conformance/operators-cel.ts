import {
  arr,
  type Doc,
  dags,
  isObj,
  type Json,
  type Operator,
  pick,
  spec,
  stepsOf,
  tasksOf,
  templates,
} from './mutate.js';

/**
 * Mutation operators for the limits and CEL rules of Argo 4.x's full CRDs (manifests/base/crds/full, what
 * `manifests/cluster-install` installs): the API server refuses what breaks them even where Argo's Go validator
 * does not look. Each limit has one operator at its bound (valid) and one just over it (invalid).
 */

/** The bounds, as the v4.1.2 CRDs state them (maxItems / maxLength). */
export const CRD_LIMITS = {
  templates: 200,
  dagTasks: 200,
  inputParameters: 500,
  prometheusMetrics: 100,
  stepOrTaskName: 128,
  gaugeValue: 256,
} as const;

const PAD_TEMPLATE = 'pad-leaf';

/** A leaf template that takes nothing, for padding tasks to call. */
function addPadTemplate(doc: Doc): void {
  const s = spec(doc);
  if (!templates(doc).some((t) => t.name === PAD_TEMPLATE))
    s.templates = [...arr(s.templates), { name: PAD_TEMPLATE, container: { image: 'busybox:1.36' } }];
}

const leaves = (doc: Doc) => templates(doc).filter((t) => isObj(t.container) || isObj(t.script));

/** Pads spec.templates to `n` templates (false when it already has more). */
function padTemplates(doc: Doc, n: number): boolean {
  const s = spec(doc);
  const ts = arr(s.templates);
  if (ts.length === 0 || ts.length > n) return false;
  const pads = Array.from({ length: n - ts.length }, (_, i) => ({
    name: `pad-${i}`,
    container: { image: 'busybox:1.36' },
  }));
  s.templates = [...ts, ...pads];
  return true;
}

/** Pads one DAG to `n` tasks that call the pad template (false when it already has more). */
function padTasks(doc: Doc, a: number, n: number): boolean {
  const dag = pick(dags(doc), a);
  if (!dag || !isObj(dag.dag)) return false;
  const tasks = tasksOf(dag);
  if (tasks.length > n) return false;
  addPadTemplate(doc);
  dag.dag.tasks = [
    ...tasks,
    ...Array.from({ length: n - tasks.length }, (_, i) => ({ name: `pad-${i}`, template: PAD_TEMPLATE })),
  ];
  return true;
}

/** Gives one leaf template `n` input parameters in all (each with a value, so no caller must pass it). */
function padInputs(doc: Doc, a: number, n: number): boolean {
  const t = pick(leaves(doc), a);
  if (!t) return false;
  const inputs: Json = isObj(t.inputs) ? t.inputs : {};
  const params = arr(inputs.parameters);
  if (params.length > n) return false;
  const pads = Array.from({ length: n - params.length }, (_, i) => ({ name: `pad-${i}`, value: 'x' }));
  t.inputs = { ...inputs, parameters: [...params, ...pads] };
  return true;
}

/** Gives one leaf template `n` Prometheus counters. */
function padMetrics(doc: Doc, a: number, n: number): boolean {
  const t = pick(leaves(doc), a);
  if (!t || t.metrics !== undefined) return false;
  t.metrics = {
    prometheus: Array.from({ length: n }, (_, i) => ({ name: `pad_${i}`, help: 'padding', counter: { value: '1' } })),
  };
  return true;
}

/** Adds a task (or a step, when there is no DAG) of a `length`-character name calling the pad template. */
function longCallName(doc: Doc, a: number, length: number): boolean {
  const name = 'long-name-'
    .repeat(Math.ceil(length / 10))
    .slice(0, length - 1)
    .concat('x');
  const dag = pick(dags(doc), a);
  if (dag && isObj(dag.dag)) {
    addPadTemplate(doc);
    dag.dag.tasks = [...tasksOf(dag), { name, template: PAD_TEMPLATE }];
    return true;
  }
  const steps = pick(
    templates(doc).filter((t) => stepsOf(t).length > 0),
    a,
  );
  if (!steps || !Array.isArray(steps.steps)) return false;
  addPadTemplate(doc);
  steps.steps = [...steps.steps, [{ name, template: PAD_TEMPLATE }]];
  return true;
}

function gauge(doc: Doc, a: number, g: Json): boolean {
  const t = pick(leaves(doc), a);
  if (!t || t.metrics !== undefined) return false;
  t.metrics = { prometheus: [{ name: 'gauge_metric', help: 'a gauge', gauge: g }] };
  return true;
}

const nonLeaf = (doc: Doc) => templates(doc).filter((t) => t.steps !== undefined || t.dag !== undefined);
const dependent = (doc: Doc) => dags(doc).flatMap((d) => tasksOf(d).filter((t) => typeof t.depends === 'string'));

export const CEL_OPERATORS: readonly Operator[] = [
  { name: 'templates-at-limit', expect: 'valid', apply: (doc) => padTemplates(doc, CRD_LIMITS.templates) },
  { name: 'templates-over-limit', expect: 'invalid', apply: (doc) => padTemplates(doc, CRD_LIMITS.templates + 1) },
  { name: 'dag-tasks-at-limit', expect: 'valid', apply: (doc, [a]) => padTasks(doc, a, CRD_LIMITS.dagTasks) },
  { name: 'dag-tasks-over-limit', expect: 'invalid', apply: (doc, [a]) => padTasks(doc, a, CRD_LIMITS.dagTasks + 1) },
  {
    name: 'input-parameters-at-limit',
    expect: 'valid',
    apply: (doc, [a]) => padInputs(doc, a, CRD_LIMITS.inputParameters),
  },
  {
    name: 'input-parameters-over-limit',
    expect: 'invalid',
    apply: (doc, [a]) => padInputs(doc, a, CRD_LIMITS.inputParameters + 1),
  },
  { name: 'metrics-at-limit', expect: 'valid', apply: (doc, [a]) => padMetrics(doc, a, CRD_LIMITS.prometheusMetrics) },
  {
    name: 'metrics-over-limit',
    expect: 'invalid',
    apply: (doc, [a]) => padMetrics(doc, a, CRD_LIMITS.prometheusMetrics + 1),
  },
  { name: 'call-name-at-limit', expect: 'valid', apply: (doc, [a]) => longCallName(doc, a, CRD_LIMITS.stepOrTaskName) },
  {
    name: 'call-name-over-limit',
    expect: 'invalid',
    apply: (doc, [a]) => longCallName(doc, a, CRD_LIMITS.stepOrTaskName + 1),
  },
  {
    name: 'gauge-value-at-limit',
    expect: 'valid',
    apply: (doc, [a]) => gauge(doc, a, { realtime: false, value: '1'.repeat(CRD_LIMITS.gaugeValue) }),
  },
  {
    name: 'gauge-value-over-limit',
    expect: 'invalid',
    apply: (doc, [a]) => gauge(doc, a, { realtime: false, value: '1'.repeat(CRD_LIMITS.gaugeValue + 1) }),
  },
  // The CRD requires `realtime` on a gauge; Argo's Go validator does not.
  { name: 'gauge-without-realtime', expect: 'invalid', apply: (doc, [a]) => gauge(doc, a, { value: '1' }) },
  {
    name: 'realtime-gauge-of-resources-duration',
    expect: 'invalid',
    apply: (doc, [a]) => gauge(doc, a, { realtime: true, value: '{{resourcesDuration.cpu}}' }),
  },
  {
    name: 'timeout-on-non-leaf',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const t = pick(nonLeaf(doc), a);
      if (!t) return false;
      t.timeout = '30s';
      return true;
    },
  },
  {
    name: 'continue-on-with-depends',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const task = pick(dependent(doc), a);
      if (!task) return false;
      task.continueOn = { failed: true };
      return true;
    },
  },
  {
    name: 'digit-task-name-with-depends',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const dag = pick(dags(doc), a);
      const first = dag ? tasksOf(dag)[0] : undefined;
      if (!dag || !isObj(dag.dag) || typeof first?.name !== 'string') return false;
      addPadTemplate(doc);
      dag.dag.tasks = [...tasksOf(dag), { name: '9-pad', template: PAD_TEMPLATE, depends: first.name }];
      return true;
    },
  },
  {
    name: 'sequence-count-and-end',
    expect: 'invalid',
    apply: (doc, [a]) => {
      const c = pick(
        templates(doc)
          .flatMap((t) => [...tasksOf(t), ...stepsOf(t)])
          .filter((x) => isObj(x.withSequence)),
        a,
      );
      if (!c || !isObj(c.withSequence)) return false;
      const { start: _start, ...rest } = c.withSequence;
      c.withSequence = { ...rest, count: '3', end: '5' };
      return true;
    },
  },
  {
    name: 'two-artifact-locations',
    expect: 'invalid',
    apply: (doc, [a]) =>
      artifact(doc, a, { http: { url: 'https://example.com/a.txt' }, git: { repo: 'https://example.com/r.git' } }),
  },
  {
    name: 'one-artifact-location',
    expect: 'valid',
    apply: (doc, [a]) => artifact(doc, a, { http: { url: 'https://example.com/a.txt' } }),
  },
  {
    name: 'cron-schedule-not-cron-format',
    expect: 'invalid',
    apply: (doc, [a]) => {
      if (doc.kind !== 'CronWorkflow') return false;
      // Six fields (seconds): robfig/cron's standard parser refuses it, and so does the CRD's pattern.
      doc.spec.schedules = [['0 */5 * * * *', '*/5 * * * * *', '0 0 * * * * *'][a % 3]];
      delete doc.spec.schedule;
      return true;
    },
  },
];

/** Adds an input artifact with the given location(s) to a leaf template (it needs no argument then). */
function artifact(doc: Doc, a: number, location: Json): boolean {
  const t = pick(leaves(doc), a);
  if (!t) return false;
  const inputs: Json = isObj(t.inputs) ? t.inputs : {};
  t.inputs = {
    ...inputs,
    artifacts: [...arr(inputs.artifacts), { name: 'fetched', path: '/tmp/fetched', ...location }],
  };
  return true;
}

/**
 * What the API server checks with Argo's full CRDs (../shared/argo/v4.1.2/crds): their OpenAPI limits (maxItems,
 * maxLength, pattern, enum, …) and their CEL rules (`x-kubernetes-validations`). Argo 4.0 and 4.1 install the full
 * CRDs by default (manifests/cluster-install); 3.7 installs minimal ones, so none of this applies there.
 * packages/model/test/lint-crd.test.ts reads the CRDs and fails when a rule there has no entry here, or an entry here
 * names a place where the CRDs have no such rule.
 */

/** The Argo lines whose default installation enforces these rules. */
export const CRD_ARGO_LINES: readonly string[] = ['4.0', '4.1'];

export type CrdKeyword =
  | 'x-kubernetes-validations'
  | 'maxItems'
  | 'maxLength'
  | 'minItems'
  | 'minLength'
  | 'minimum'
  | 'maximum'
  | 'pattern'
  | 'enum';

export interface CrdRule {
  readonly keyword: CrdKeyword;
  /** The CRD's value: the limit, the pattern, the allowed values, or a CEL rule's message. */
  readonly value: number | string | readonly string[];
  /**
   * Where the CRDs put it, as path suffixes below the document: field names, `[]` for a list item, `*` for any map key
   * (`dag.tasks.[]` is every DAG task, wherever its template is).
   */
  readonly at: readonly string[];
  /** What is wrong with the value found there, or undefined. */
  readonly check: (value: unknown) => string | undefined;
  /** Lint codes (validator rules, every Argo line) that report the same problem at, above or under this place. */
  readonly coveredBy?: readonly string[];
}

const present = (v: unknown) => v !== undefined && v !== null;
const has = (o: unknown, key: string) => isRecord(o) && present(o[key]);

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function maxItems(at: readonly string[], limit: number, what: string): CrdRule {
  return {
    keyword: 'maxItems',
    value: limit,
    at,
    check: (v) =>
      Array.isArray(v) && v.length > limit ? `at most ${limit} ${what} per object (got ${v.length})` : undefined,
  };
}

function minItems(at: readonly string[], what: string, coveredBy?: readonly string[]): CrdRule {
  return {
    keyword: 'minItems',
    value: 1,
    at,
    check: (v) => (Array.isArray(v) && v.length === 0 ? `${what} must have at least 1 item` : undefined),
    ...(coveredBy ? { coveredBy } : {}),
  };
}

function maxLength(at: readonly string[], limit: number, coveredBy?: readonly string[]): CrdRule {
  return {
    keyword: 'maxLength',
    value: limit,
    at,
    check: (v) =>
      // Kubernetes counts characters (code points); a string of no more UTF-16 units than that is within the limit.
      typeof v === 'string' && v.length > limit && [...v].length > limit
        ? `may have at most ${limit} characters (got ${[...v].length})`
        : undefined,
    ...(coveredBy ? { coveredBy } : {}),
  };
}

function minLength(at: readonly string[], coveredBy: readonly string[]): CrdRule {
  return {
    keyword: 'minLength',
    value: 1,
    at,
    check: (v) => (v === '' ? 'may not be empty' : undefined),
    coveredBy,
  };
}

function pattern(at: readonly string[], source: string, coveredBy?: readonly string[]): CrdRule {
  // Unicode mode only where the pattern needs it (the cron pattern's µ): it makes every test slower.
  const re = new RegExp(source, [...source].some((c) => c.charCodeAt(0) > 127) ? 'u' : '');
  return {
    keyword: 'pattern',
    value: source,
    at,
    check: (v) => (typeof v === 'string' && !re.test(v) ? `'${v}' does not match ${source}` : undefined),
    ...(coveredBy ? { coveredBy } : {}),
  };
}

function oneOf(at: readonly string[], values: readonly string[], coveredBy?: readonly string[]): CrdRule {
  return {
    keyword: 'enum',
    value: values,
    at,
    check: (v) =>
      typeof v === 'string' && !values.includes(v)
        ? `'${v}' is not one of ${values.map((x) => `'${x}'`).join(', ')}`
        : undefined,
    ...(coveredBy ? { coveredBy } : {}),
  };
}

function range(keyword: 'minimum' | 'maximum', at: readonly string[], bound: number, coveredBy?: readonly string[]) {
  const rule: CrdRule = {
    keyword,
    value: bound,
    at,
    check: (v) => {
      if (typeof v !== 'number') return undefined;
      const bad = keyword === 'minimum' ? v < bound : v > bound;
      return bad ? `must be ${keyword === 'minimum' ? '>=' : '<='} ${bound} (got ${v})` : undefined;
    },
    ...(coveredBy ? { coveredBy } : {}),
  };
  return rule;
}

function cel(
  at: readonly string[],
  message: string,
  holds: (self: Record<string, unknown>) => boolean,
  coveredBy?: readonly string[],
): CrdRule {
  return {
    keyword: 'x-kubernetes-validations',
    value: message,
    at,
    check: (v) => (isRecord(v) && !holds(v) ? message : undefined),
    ...(coveredBy ? { coveredBy } : {}),
  };
}

const TEMPLATE_TYPES = [
  'container',
  'script',
  'dag',
  'steps',
  'resource',
  'suspend',
  'containerSet',
  'data',
  'http',
  'plugin',
];
const ARTIFACT_LOCATIONS = ['s3', 'git', 'http', 'artifactory', 'hdfs', 'raw', 'oss', 'gcs', 'azure', 'plugin'];
const leafOnly = (t: Record<string, unknown>) => !has(t, 'steps') && !has(t, 'dag');

/** Quantity (`resource.Quantity`): the CRDs allow an integer or a string of this form. */
const QUANTITY =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
const CRON_SCHEDULE =
  '^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|@every\\s+([0-9]+(ns|us|µs|ms|s|m|h))+|([A-Za-z0-9*,/?-]+\\s+){4}[A-Za-z0-9*,/?-]+)$';
const FIELD_NAME = '^[a-zA-Z0-9][-a-zA-Z0-9]*$';
const NAMES = ['templates.[].name', 'dag.tasks.[].name', 'steps.[].[].name', 'templateDefaults.name'];
const ARTIFACT_NAMES = ['artifacts.[].name', 'artifactPaths.name', 'manifestFrom.artifact.name'];
const ARTIFACT_MODES = ['artifacts.[].mode', 'artifactPaths.mode', 'manifestFrom.artifact.mode'];
const METRIC = ['lint/invalid-metric'];

export const CRD_RULES: readonly CrdRule[] = [
  // Per-object limits: Argo sets them so that its CEL rules stay within the API server's cost budget.
  maxItems(['templates'], 200, 'templates'),
  maxItems(['dag.tasks'], 200, 'DAG tasks'),
  maxItems(['inputs.parameters'], 500, 'input parameters'),
  maxItems(['metrics.prometheus'], 100, 'metrics'),
  maxLength(NAMES, 128, ['lint/invalid-name', 'lint/name-too-long']),
  maxLength(['gauge.value'], 256),
  pattern(NAMES, FIELD_NAME, ['lint/invalid-name']),
  pattern(['parameters.[].name'], '^[-a-zA-Z0-9_]+$', ['lint/invalid-name']),
  pattern(ARTIFACT_NAMES, '^[-a-zA-Z0-9_{}.]+$', ['lint/invalid-name']),
  pattern(['prometheus.[].name', 'prometheus.[].labels.[].key'], '^[a-zA-Z_][a-zA-Z0-9_]*$', METRIC),
  pattern(['schedules.[]'], CRON_SCHEDULE, ['lint/invalid-schedule']),
  pattern(
    [
      'resources.limits.*',
      'resources.requests.*',
      'podResources.limits.*',
      'podResources.requests.*',
      'resourceFieldRef.divisor',
      'emptyDir.sizeLimit',
    ],
    QUANTITY,
  ),
  minItems(['templates.[].steps', 'templateDefaults.steps'], 'steps'),
  minItems(['dag.tasks'], 'tasks', ['lint/empty-dag']),
  minItems(['schedules'], 'schedules', ['lint/missing-schedule']),
  minItems(['parameters.[].enum'], 'enum', ['lint/invalid-enum']),
  minLength(['gauge.value', 'counter.value', 'histogram.value', 'prometheus.[].help'], METRIC),
  range('minimum', ['parallelism'], 1),
  range('minimum', ARTIFACT_MODES, 0),
  range('maximum', ARTIFACT_MODES, 511),
  range('minimum', ['startingDeadlineSeconds'], 0, ['lint/invalid-starting-deadline']),
  oneOf(
    ['podGC.strategy'],
    ['', 'OnPodCompletion', 'OnPodSuccess', 'OnWorkflowCompletion', 'OnWorkflowSuccess'],
    ['lint/invalid-pod-gc'],
  ),
  oneOf(['artifactGC.strategy'], ['', 'OnWorkflowCompletion', 'OnWorkflowDeletion', 'Never']),
  oneOf(['s3.addressingStyle'], ['', 'path', 'virtual-hosted']),
  oneOf(['concurrencyPolicy'], ['Allow', 'Forbid', 'Replace'], ['lint/invalid-concurrency-policy']),
  oneOf(
    ['retryStrategy.retryPolicy'],
    ['Always', 'OnFailure', 'OnError', 'OnTransientError'],
    ['lint/invalid-retry-policy'],
  ),
  oneOf(['gauge.operation'], ['Set', 'Add', 'Sub']),
  oneOf(['resource.action'], ['get', 'create', 'apply', 'delete', 'replace', 'patch'], ['lint/invalid-resource']),
  oneOf(['resource.mergeStrategy'], ['strategic', 'merge', 'json']),
  // CEL rules. Those on the templates list (`self.all(t, ...)`) are checked per template and reported there.
  cel(
    ['templates.[]'],
    'template must have at most one template type',
    (t) => TEMPLATE_TYPES.filter((k) => has(t, k)).length <= 1,
    ['lint/multiple-template-types'],
  ),
  cel(
    ['templates.[]'],
    'timeout cannot be applied to steps or dag templates',
    (t) => !present(t.timeout) || t.timeout === '' || leafOnly(t),
    ['lint/timeout-on-non-leaf'],
  ),
  cel(
    ['templates.[]'],
    'activeDeadlineSeconds is only valid for leaf templates',
    (t) => !present(t.activeDeadlineSeconds) || leafOnly(t),
    ['lint/active-deadline-on-non-leaf'],
  ),
  cel(
    ['templates.[].resource', 'templateDefaults.resource'],
    'only one of manifest or manifestFrom can be specified',
    (r) => !(has(r, 'manifest') && has(r, 'manifestFrom')),
    ['lint/invalid-resource'],
  ),
  cel(
    ['dag.tasks.[]'],
    "cannot use both 'depends' and 'dependencies'",
    (t) => !(has(t, 'depends') && has(t, 'dependencies')),
    ['lint/depends-and-dependencies'],
  ),
  cel(
    ['dag.tasks.[]'],
    "cannot use 'continueOn' when using 'depends'",
    (t) => !(has(t, 'depends') && has(t, 'continueOn')),
    ['lint/continue-on-with-depends'],
  ),
  cel(
    ['dag.tasks.[]'],
    "task name cannot begin with a digit when using 'depends' or 'dependencies'",
    (t) => !(has(t, 'depends') || has(t, 'dependencies')) || !/^[0-9]/.test(String(t.name ?? '')),
    ['lint/invalid-name'],
  ),
  cel(['withSequence'], 'only one of count or end can be defined', (s) => !(has(s, 'count') && has(s, 'end')), [
    'lint/invalid-sequence',
    'lint/invalid-loop',
  ]),
  cel(
    ['prometheus.[].gauge'],
    "'resourcesDuration.*' metrics cannot be used in real-time gauges",
    (g) => g.realtime !== true || !String(g.value ?? '').includes('resourcesDuration.'),
    METRIC,
  ),
  cel(
    ['artifacts.[]', 'archiveLocation', 'artifactPaths', 'manifestFrom.artifact'],
    'at most one artifact location can be specified',
    (a) => ARTIFACT_LOCATIONS.filter((k) => has(a, k)).length <= 1,
    ['lint/multiple-artifact-locations'],
  ),
];

import { ARGO_DEFINITION_NAMESPACE, type JsonSchema, refTarget } from './json-schema.js';

/**
 * Argo 3.7 installs the minimal CRDs by default (`manifests/cluster-install`), so its API server enforces none of
 * schema.json's `required` lists: only Go's decoder (which requires no field), the validator (`workflow/validate`) and
 * the run decide. The `required` entries below are ones that none of them needs in v3.7.18; each names the Go source
 * that reads the field as optional (packages/codegen/test/minimal-crd-required.test.ts ties each to that line). The
 * remaining entries stay required for 3.7 (what 4.x's full CRDs enforce is not relaxed for 4.x).
 */
export const MINIMAL_CRD_VERSIONS: ReadonlySet<string> = new Set(['3.7']);

export interface MinimalCrdRelaxation {
  /** The definition that holds the requirement (or, with `property`, whose property holds it). */
  readonly definition: string;
  /** For a shared definition relaxed in one place only: the property of `definition` whose value is relaxed. */
  readonly property?: string;
  /** The field no longer required. */
  readonly field: string;
  /** The Go source (under argo/src/v3.7.18) that reads the field as optional, and the text found there. */
  readonly source: string;
  readonly evidence: string;
}

const A = ARGO_DEFINITION_NAMESPACE;

export const MINIMAL_CRD_RELAXED: readonly MinimalCrdRelaxation[] = [
  {
    // A ConfigMapKeySelector in 3.7, of which the controller reads the name only (the env's `key` stays required).
    definition: `${A}Cache`,
    property: 'configMap',
    field: 'key',
    source: 'workflow/controller/operator.go',
    evidence: 'GetCache(controllercache.ConfigMapCache, processedTmpl.Memoize.Cache.ConfigMap.Name)',
  },
  {
    definition: `${A}Memoize`,
    field: 'maxAge',
    source: 'workflow/controller/operator.go',
    evidence: 'if processedTmpl.Memoize.MaxAge != "" {',
  },
  {
    definition: `${A}Gauge`,
    field: 'realtime',
    source: 'workflow/metrics/util.go',
    evidence: 'if metric.Gauge.Realtime != nil && *metric.Gauge.Realtime {',
  },
  {
    // No buckets: the histogram gets the telemetry's default boundaries.
    definition: `${A}Histogram`,
    field: 'buckets',
    source: 'workflow/metrics/metrics_custom.go',
    evidence: 'telemetry.WithDefaultBuckets(metricSpec.Histogram.GetBuckets())',
  },
  {
    // The validator checks label names only (ValidateMetricLabels); an empty value is a valid label value.
    definition: `${A}MetricLabel`,
    field: 'value',
    source: 'workflow/validate/validate.go',
    evidence: 'metrics.ValidateMetricLabels(metric.GetMetricLabels())',
  },
  {
    definition: `${A}Metrics`,
    field: 'prometheus',
    source: 'workflow/validate/validate.go',
    evidence: 'for _, metric := range newTmpl.Metrics.Prometheus {',
  },
  {
    // An HTTP artifact's header: an empty value is a valid HTTP header value.
    definition: `${A}Header`,
    field: 'value',
    source: 'workflow/artifacts/http/http.go',
    evidence: 'req.Header.Add(h.Name, h.Value)',
  },
  {
    // A raw artifact without data is a location (HasLocation) and is written as an empty file.
    definition: `${A}RawArtifact`,
    field: 'data',
    source: 'pkg/apis/workflow/v1alpha1/workflow_types.go',
    evidence: 'func (r *RawArtifact) HasLocation() bool {\n\treturn r != nil\n}',
  },
  {
    definition: `${A}ContainerSetRetryStrategy`,
    field: 'retries',
    source: 'pkg/apis/workflow/v1alpha1/container_set_template_types.go',
    evidence: 'if in == nil || in.RetryStrategy == nil || in.RetryStrategy.Retries == nil {',
  },
  {
    // A data template's artifact is listed by its location; neither the validator nor the executor reads its name.
    definition: `${A}ArtifactPaths`,
    field: 'name',
    source: 'workflow/executor/executor_data_source_processor.go',
    evidence: 'files, err = artDriver.ListObjects(&artifacts.Artifact)',
  },
  {
    definition: `${A}Data`,
    field: 'transformation',
    source: 'workflow/data/data.go',
    evidence: 'for i, step := range *transformation {',
  },
];

/**
 * Requirements that stay errors for 3.7 only because the run fails without them: Argo 3.7 accepts the document at
 * submission (no CRD schema, no validator check), so the message says that it fails at run time.
 */
export const MINIMAL_CRD_RUN_TIME: readonly MinimalCrdRelaxation[] = [
  {
    // A nil cache (or configMap) is dereferenced when the memoized node is about to run.
    definition: `${A}Memoize`,
    field: 'cache',
    source: 'workflow/controller/operator.go',
    evidence: 'GetCache(controllercache.ConfigMapCache, processedTmpl.Memoize.Cache.ConfigMap.Name)',
  },
  {
    definition: `${A}Cache`,
    field: 'configMap',
    source: 'workflow/controller/operator.go',
    evidence: 'GetCache(controllercache.ConfigMapCache, processedTmpl.Memoize.Cache.ConfigMap.Name)',
  },
  {
    // An empty key fails the cache lookup, which marks the node as errored.
    definition: `${A}Memoize`,
    field: 'key',
    source: 'workflow/controller/cache/configmap_cache.go',
    evidence: 'return nil, fmt.Errorf("invalid cache key: %s", key)',
  },
  {
    definition: `${A}Data`,
    field: 'source',
    source: 'workflow/data/data.go',
    evidence: 'return nil, fmt.Errorf("no valid source is used for data template")',
  },
];

/** The run-time requirements of a version's default installation, definition → fields; none with full CRDs. */
export function runTimeRequired(version: string): Record<string, string[]> | undefined {
  if (!MINIMAL_CRD_VERSIONS.has(version)) return undefined;
  const out: Record<string, string[]> = {};
  for (const r of MINIMAL_CRD_RUN_TIME) out[r.definition] = [...(out[r.definition] ?? []), r.field];
  return out;
}

/**
 * A version's normalised schema with the requirements its default installation does not enforce dropped; versions
 * with full CRDs are returned as they are.
 */
export function relaxForDefaultInstall(version: string, schema: JsonSchema): JsonSchema {
  if (!MINIMAL_CRD_VERSIONS.has(version)) return schema;
  const definitions = { ...schema.definitions };
  for (const r of MINIMAL_CRD_RELAXED) {
    const def = definitions[r.definition];
    if (def === undefined) throw new Error(`MINIMAL_CRD_RELAXED: no definition '${r.definition}' in ${version}`);
    if (r.property === undefined) {
      definitions[r.definition] = withoutRequired(def, r.field, r.definition);
      continue;
    }
    // Inline the property's definition, so that the shared definition stays as it is elsewhere.
    const ref = def.properties?.[r.property]?.$ref;
    if (ref === undefined) throw new Error(`MINIMAL_CRD_RELAXED: '${r.definition}.${r.property}' is not a reference`);
    const target = definitions[refTarget(ref)] as JsonSchema;
    const inlined = withoutRequired(target, r.field, `${r.definition}.${r.property}`);
    definitions[r.definition] = { ...def, properties: { ...def.properties, [r.property]: inlined } };
  }
  return { ...schema, definitions };
}

function withoutRequired(def: JsonSchema, field: string, where: string): JsonSchema {
  if (!def.required?.includes(field)) throw new Error(`MINIMAL_CRD_RELAXED: '${where}' does not require '${field}'`);
  const required = def.required.filter((f) => f !== field);
  const { required: _, ...rest } = def;
  return required.length > 0 ? { ...rest, required } : rest;
}

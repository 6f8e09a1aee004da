/** The subset of JSON Schema that Argo's schema.json uses, plus what normalisation adds. */
export interface JsonSchema {
  $id?: string;
  $schema?: string;
  $ref?: string;
  type?: string | string[];
  format?: string;
  description?: string;
  title?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  oneOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  [extension: `x-${string}`]: unknown;
}

export const DEFINITION_PREFIX = '#/definitions/';

/** The five kinds Argo's schema defines at its root; every generated type is reachable from one of them. */
export const ROOT_KINDS = [
  'Workflow',
  'WorkflowTemplate',
  'ClusterWorkflowTemplate',
  'CronWorkflow',
  'WorkflowEventBinding',
] as const;
export type RootKind = (typeof ROOT_KINDS)[number];

export const ARGO_DEFINITION_NAMESPACE = 'io.argoproj.workflow.v1alpha1.';

export function refTarget(ref: string): string {
  if (!ref.startsWith(DEFINITION_PREFIX))
    throw new Error(`unsupported $ref '${ref}' (only ${DEFINITION_PREFIX}… is used by Argo)`);
  return ref.slice(DEFINITION_PREFIX.length);
}

// GENERATED FILE. DO NOT EDIT: change packages/codegen and run `pnpm codegen`.
// Input: ../shared/argo/v4.1.2/schema.json (sha256 3f84c5722c48a5aa815fe69119a9375fc3635114f8046da20ede55a8596529f5)
// Command: pnpm codegen (packages/codegen/src/main.ts)

/** The Argo release whose schema the model was generated from. */
export const ARGO_VERSION = 'v4.1.2';

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

export const ARGO_KINDS = {
  Workflow: { plural: 'workflows', namespaced: true },
  WorkflowTemplate: { plural: 'workflowtemplates', namespaced: true },
  ClusterWorkflowTemplate: { plural: 'clusterworkflowtemplates', namespaced: false },
  CronWorkflow: { plural: 'cronworkflows', namespaced: true },
  WorkflowEventBinding: { plural: 'workfloweventbindings', namespaced: true },
} as const;

export type ArgoKind = keyof typeof ARGO_KINDS;

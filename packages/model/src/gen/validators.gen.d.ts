// GENERATED FILE. DO NOT EDIT: change packages/codegen and run `pnpm codegen`.
// Input: ../shared/argo/v4.1.2/schema.json (sha256 3f84c5722c48a5aa815fe69119a9375fc3635114f8046da20ede55a8596529f5)
// Command: pnpm codegen (packages/codegen/src/main.ts)

import type { StandaloneValidator } from '../standalone-validator.js';

export declare const Workflow: StandaloneValidator;
export declare const WorkflowTemplate: StandaloneValidator;
export declare const ClusterWorkflowTemplate: StandaloneValidator;
export declare const CronWorkflow: StandaloneValidator;
export declare const WorkflowEventBinding: StandaloneValidator;

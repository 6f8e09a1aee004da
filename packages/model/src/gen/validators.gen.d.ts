// GENERATED FILE. DO NOT EDIT: change packages/codegen and run `pnpm codegen`.
// Input: ../shared/argo/v3.7.18/schema.json (sha256 7121a93025875991aa5372aa0c3f922797ba9af4899d9ed33c5b99d85aa6eb37)
// Input: ../shared/argo/v4.0.10/schema.json (sha256 929ea7d48bfc494d9e7c869d102fd43a23e3e953407e1890da9d6b902ea39f54)
// Input: ../shared/argo/v4.1.2/schema.json (sha256 3f84c5722c48a5aa815fe69119a9375fc3635114f8046da20ede55a8596529f5)
// Command: pnpm codegen (packages/codegen/src/main.ts)

import type { StandaloneValidator } from '../standalone-validator.js';

export declare const Workflow: StandaloneValidator;
export declare const WorkflowTemplate: StandaloneValidator;
export declare const ClusterWorkflowTemplate: StandaloneValidator;
export declare const CronWorkflow: StandaloneValidator;
export declare const WorkflowEventBinding: StandaloneValidator;
export declare const v3_7$Cache$configMap: StandaloneValidator;
export declare const v3_7$CronWorkflowSpec$schedule: StandaloneValidator;
export declare const v3_7$Synchronization$mutex: StandaloneValidator;
export declare const v3_7$Synchronization$semaphore: StandaloneValidator;

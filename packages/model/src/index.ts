// The generated Argo model: types, kinds and precompiled validators, behind a few hand-written helpers.

export { closest } from './did-you-mean.js';
export { ARGO_API_VERSION, ARGO_KINDS, ARGO_VERSION, type ArgoKind } from './gen/kinds.gen.js';
export type * from './gen/types.gen.js';
export {
  ArgoGenError,
  formatIssue,
  type Issue,
  isArgoGenError,
  issue,
  type Severity,
  type SourceLocation,
} from './issue.js';
export { pointer, pointerUnder, segmentsOf, valueAt } from './json-pointer.js';
export { TASK_RESULTS } from './lint/depends.js';
export { TEMPLATE_TYPES } from './lint/document.js';
export { findCycle as findGraphCycle } from './lint/graph.js';
export { type LintContext, lintDocument } from './lint/index.js';
export { clip, QUOTE_LIMIT, quote } from './quote.js';
export { describe } from './schema-issues.js';
export {
  EXCEPTION_PREFIX,
  isSecurityRuleName,
  lintSecurity,
  type PodSecurityLevel,
  type RuleSetting,
  SECURITY_RULES,
  type SecurityMode,
  type SecurityOptions,
  type SecurityRule,
  securityException,
} from './security/index.js';
export { isStackOverflow } from './stack-overflow.js';
export { subjectOf } from './subject.js';
export { isArgoKind, type ValidateOptions, type Verdict, validateSchema } from './validate.js';
export {
  ARGO_RELEASES,
  ARGO_VERSIONS,
  type ArgoVersion,
  DEFAULT_ARGO_VERSION,
  isArgoVersion,
  targetVersion,
} from './versions/target-version.js';

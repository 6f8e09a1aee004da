import type { PodSecurityLevel, SecurityRuleName } from './catalog.js';

/** What a rule found, before the project's configuration decides its severity (or drops it). */
export interface Finding {
  readonly rule: SecurityRuleName;
  readonly path: string;
  readonly message: string;
  /** The template it is in, for allow-lists and exception annotations. */
  readonly template?: string;
  /** For a pod-security rule whose checks span levels: the level this finding belongs to (else the rule's). */
  readonly level?: PodSecurityLevel;
}

export type Report = (finding: Finding) => void;

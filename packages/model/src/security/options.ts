import type { Severity } from '../issue.js';
import type { PodSecurityLevel } from './catalog.js';

/** `default` runs every rule at its own severity; `strict` makes every finding an error (for CI); `off` runs none. */
export type SecurityMode = 'default' | 'strict' | 'off';

/** A rule's setting in `argo-gen.config.ts`: a severity, `off`, or a severity with templates allowed to break it. */
export type RuleSetting =
  | Severity
  | 'off'
  | {
      readonly severity?: Severity | 'off';
      /** Template names (`template`, or `document/template`) the rule does not apply to. */
      readonly allow?: readonly string[];
    };

export interface SecurityOptions {
  readonly mode?: SecurityMode;
  /** The Pod Security Standards level pods must meet; default `baseline`, `restricted` in strict mode. */
  readonly podSecurity?: PodSecurityLevel;
  /** By rule name (`injection`) or code (`security/injection`). */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Reads a podSpecPatch (JSON or YAML); without one only JSON patches are read. */
  readonly parsePatch?: (text: string) => unknown;
}

/** Annotation (on a template's `metadata` or on the document) that excepts it from one rule; the value is the reason. */
export const EXCEPTION_PREFIX = 'security.argo-gen.io/';

/**
 * The annotation that records a deliberate exception to a security rule, for `metadata.annotations` of a template
 * (or of the whole document). The reason is required and is shown in the YAML, where a reviewer reads it.
 */
export function securityException(rule: string, reason: string): Readonly<Record<string, string>> {
  if (reason.trim() === '') throw new Error(`securityException('${rule}'): a reason is required`);
  return Object.freeze({ [`${EXCEPTION_PREFIX}${rule.replace(/^security\//, '')}`]: reason });
}

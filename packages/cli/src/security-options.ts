import path from 'node:path';
import {
  type ArgoGenError,
  isSecurityRuleName,
  type PodSecurityLevel,
  type RuleSetting,
  type SecurityMode,
  type SecurityOptions,
} from '@argo-gen/model';

/** The `security` part of `argo-gen.config.ts`. */
export interface SecurityConfig {
  readonly mode?: SecurityMode;
  readonly podSecurity?: PodSecurityLevel;
  /** By rule name or code: a severity, `'off'`, or `{ severity?, allow?: [template names] }`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /**
   * Files and directories (relative to the config) the security lint does not check, e.g. faithful ports of
   * third-party examples whose findings are theirs. Use sparingly: prefer an exception annotation with its reason.
   */
  readonly exclude?: readonly string[];
}

/** The security options for each input file: `{ mode: 'off' }` for a file under an `exclude` path. */
export type SecurityFor = (file: string) => SecurityOptions;

export function securityFor(
  options: SecurityOptions,
  exclude: readonly string[] | undefined,
  root: string,
): SecurityFor {
  const prefixes = (exclude ?? []).map((e) => path.resolve(root, e));
  if (prefixes.length === 0) return () => options;
  return (file) => {
    const absolute = path.resolve(root, file);
    const excluded = prefixes.some((p) => absolute === p || absolute.startsWith(`${p}${path.sep}`));
    return excluded ? { mode: 'off' } : options;
  };
}

/**
 * The security lint's options for a run in `cwd`: the project's `security` settings, overridden by `--security` and
 * `--pod-security`, off under the config's `exclude` paths. `validate`, `apply` and `submit` share it.
 */
export function runSecurity(
  config: { readonly security?: SecurityConfig } | undefined,
  flags: { readonly security?: SecurityMode; readonly podSecurity?: PodSecurityLevel },
  cwd: string,
): SecurityFor {
  return securityFor(securityOptions(config?.security, flags), config?.security?.exclude, cwd);
}

/** Command-line flags override the config. The caller gives `parsePatch` (load/embedded-yaml.ts). */
export function securityOptions(
  config: SecurityConfig | undefined,
  flags: { readonly security?: SecurityMode; readonly podSecurity?: PodSecurityLevel } = {},
): SecurityOptions {
  const mode = flags.security ?? config?.mode;
  const podSecurity = flags.podSecurity ?? config?.podSecurity;
  return {
    ...(mode ? { mode } : {}),
    ...(podSecurity ? { podSecurity } : {}),
    ...(config?.rules ? { rules: config.rules } : {}),
  };
}

/** Checks the config's `security` section; a wrong rule name or severity is one clear line. */
export function checkSecurityConfig(value: unknown, bad: (why: string) => ArgoGenError): SecurityConfig | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object') throw bad('security must be an object');
  const s = value as Record<string, unknown>;
  if (s.mode !== undefined && !['default', 'strict', 'off'].includes(String(s.mode)))
    throw bad(`security.mode must be 'default', 'strict' or 'off' (got ${JSON.stringify(s.mode)})`);
  if (s.podSecurity !== undefined && !['baseline', 'restricted'].includes(String(s.podSecurity)))
    throw bad(`security.podSecurity must be 'baseline' or 'restricted' (got ${JSON.stringify(s.podSecurity)})`);
  const severities = ['error', 'warning', 'off'];
  for (const [name, setting] of Object.entries((s.rules ?? {}) as Record<string, unknown>)) {
    if (!isSecurityRuleName(name.replace(/^security\//, ''))) throw bad(`security.rules has no rule '${name}'`);
    const severity =
      typeof setting === 'object' && setting !== null ? (setting as RuleSettingObject).severity : setting;
    if (severity !== undefined && !severities.includes(String(severity)))
      throw bad(`security.rules['${name}'] must be 'error', 'warning' or 'off' (got ${JSON.stringify(severity)})`);
    const allow = typeof setting === 'object' && setting !== null ? (setting as RuleSettingObject).allow : undefined;
    if (allow !== undefined && (!Array.isArray(allow) || allow.some((a) => typeof a !== 'string')))
      throw bad(`security.rules['${name}'].allow must be a list of template names`);
  }
  if (s.exclude !== undefined && (!Array.isArray(s.exclude) || s.exclude.some((e) => typeof e !== 'string')))
    throw bad('security.exclude must be a list of paths');
  return s as SecurityConfig;
}

type RuleSettingObject = { severity?: unknown; allow?: unknown };

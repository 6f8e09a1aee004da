import { existsSync } from 'node:fs';
import path from 'node:path';
import { ARGO_VERSIONS, ArgoGenError, type ArgoVersion, isArgoVersion, issue } from '@argo-gen/model';
import { applyConfigLimits, type LimitFlags } from './limits.js';
import { checkSecurityConfig, type SecurityConfig } from './security-options.js';

/** One set of TypeScript inputs and the directory their YAML goes to. */
export interface Target {
  /** Files or directories (searched recursively for .ts) relative to the config file. */
  readonly inputs: readonly string[];
  /** Output directory; YAML keeps each input's path below its input directory. */
  readonly out: string;
}

/** `argo-gen.config.ts`: `export default { targets: [...] } satisfies Config`. */
export interface Config {
  readonly targets: readonly Target[];
  /**
   * The Argo version the project runs: `3.7`, `4.0` or `4.1` (default). Every command checks documents against it;
   * `--argo-version` overrides it for one run.
   */
  readonly argoVersion?: ArgoVersion;
  /**
   * The project's limits (README, "Limits"), e.g. `{ moduleTimeout: '2m' }`; a flag (`--module-timeout`,
   * `--max-file-size`) or environment variable overrides each.
   */
  readonly limits?: LimitFlags;
  /** The security lint (README "Security"): mode, Pod Security level, per-rule severities and allow-lists. */
  readonly security?: SecurityConfig;
}

export const CONFIG_FILE = 'argo-gen.config.ts';

/** Without a config file, `templates/` goes to `generated/`. */
export const DEFAULT_CONFIG: Config = { targets: [{ inputs: ['templates'], out: 'generated' }] };

export interface LoadedConfig {
  readonly config: Config;
  /** Directory paths in the config are relative to. */
  readonly root: string;
}

/** Loads the config from `cwd` (no search upwards: the command runs where the config is, like tsc -p). */
export async function loadConfig(cwd: string, importModule: (file: string) => Promise<unknown>): Promise<LoadedConfig> {
  const file = path.join(cwd, CONFIG_FILE);
  if (!existsSync(file)) return { config: DEFAULT_CONFIG, root: cwd };
  const mod = (await importModule(file)) as { default?: unknown };
  const config = mod.default as Config | undefined;
  const bad = (why: string) =>
    new ArgoGenError([issue('config/invalid', '', why, { source: { file: CONFIG_FILE, line: 0, column: 0 } })]);
  if (!config || !Array.isArray(config.targets))
    throw bad('must default-export { targets: [{ inputs: [...], out: "..." }] }');
  config.targets.forEach((t, i) => {
    if (!Array.isArray(t.inputs) || t.inputs.some((x: unknown) => typeof x !== 'string'))
      throw bad(`targets[${i}].inputs must be a list of paths`);
    if (typeof t.out !== 'string' || t.out === '') throw bad(`targets[${i}].out must be a directory path`);
  });
  if (config.argoVersion !== undefined && !isArgoVersion(config.argoVersion))
    throw bad(`argoVersion must be one of ${ARGO_VERSIONS.join(', ')} (got ${JSON.stringify(config.argoVersion)})`);
  if (config.limits !== undefined) {
    if (typeof config.limits !== 'object' || config.limits === null)
      throw bad('limits must be { moduleTimeout?: string, maxFileSize?: string }');
    const problems = applyConfigLimits(config.limits);
    if (problems.length > 0)
      throw new ArgoGenError(problems.map((p) => ({ ...p, source: { file: CONFIG_FILE, line: 0, column: 0 } })));
  }
  checkSecurityConfig(config.security, bad);
  return { config, root: cwd };
}

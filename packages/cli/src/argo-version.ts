import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ArgoVersion } from '@argo-gen/model';
import { CONFIG_FILE, type Config, loadConfig } from './config.js';
import { importModule } from './load/import-typescript.js';

/**
 * argo-gen.config.ts of the working directory, loaded once for a command that also runs without one (validate,
 * apply, submit): undefined when there is none. Loading it applies its limits, whatever flags the command has.
 */
export async function projectConfig(cwd: string): Promise<Config | undefined> {
  if (!existsSync(path.join(cwd, CONFIG_FILE))) return undefined;
  return (await loadConfig(cwd, importModule)).config;
}

/**
 * The Argo version a run targets: `--argo-version`, else `argoVersion` of the project's config, else undefined, which
 * the model takes as its default (the newest).
 */
export function runArgoVersion(flag: ArgoVersion | undefined, config: Config | undefined): ArgoVersion | undefined {
  return flag ?? config?.argoVersion;
}

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ArgoVersion } from '@argo-gen/model';
import { CONFIG_FILE, loadConfig } from './config.js';
import { importModule } from './load/import-typescript.js';

/**
 * The Argo version a run targets: `--argo-version`, else `argoVersion` of argo-gen.config.ts in the working directory
 * (read only when there is one), else undefined, which the model takes as its default (the newest).
 */
export async function runArgoVersion(flag: ArgoVersion | undefined, cwd: string): Promise<ArgoVersion | undefined> {
  if (flag !== undefined) return flag;
  if (!existsSync(path.join(cwd, CONFIG_FILE))) return undefined;
  return (await loadConfig(cwd, importModule)).config.argoVersion;
}

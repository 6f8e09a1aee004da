import { type ArgoVersion, formatIssue, type PodSecurityLevel, type SecurityMode } from '@argo-gen/model';
import { projectConfig, runArgoVersion } from '../argo-version.js';
import type { Io } from '../io.js';
import { relativeTo } from '../relative-source.js';
import { runSecurity } from '../security-options.js';
import { type LoadedObject, loadArgoObjects } from './argo-objects.js';

/**
 * The inputs, validated as `validate` does (Argo's schema and rules, and the security lint with the project's
 * settings); the lint's warnings are printed, its errors stop the command before anything is sent.
 */
export async function loadChecked(
  inputs: readonly string[],
  flags: { argoVersion?: ArgoVersion; security?: SecurityMode; podSecurity?: PodSecurityLevel },
  io: Io,
): Promise<LoadedObject[]> {
  const config = await projectConfig(io.cwd);
  return loadArgoObjects(inputs, io.cwd, {
    argoVersion: runArgoVersion(flags.argoVersion, config),
    security: runSecurity(config, flags, io.cwd),
    onWarning: (w) => io.stderr(`${formatIssue(relativeTo(io.cwd, w))}\n`),
  });
}

import type { Sink } from './document.js';

/** A `{{…}}` tag, expression or not: Argo has replaced each by a plain placeholder word before it reads the manifest. */
const TAG = /\{\{.*?\}\}/gs;

/**
 * A resource template's `manifest` must be YAML (rule 56; the validator's "must be a valid yaml"). Argo first puts a
 * placeholder for every `{{…}}` (inputs and globals by `ProcessArgs`, `{{=…}}` expressions by
 * `SubstituteResourceManifestExpressions`), so tags never make a manifest unreadable; a manifest that is one tag
 * is left alone, as Argo does.
 */
export function checkManifest(
  sink: Sink,
  manifest: string,
  path: string,
  yamlProblem: (text: string) => string | undefined,
): void {
  const trimmed = manifest.trim();
  if (trimmed.startsWith('{{') && trimmed.endsWith('}}') && trimmed.indexOf('{{', 2) < 0) return;
  let n = 0;
  const problem = yamlProblem(manifest.replace(TAG, () => `argo-placeholder-${++n}`));
  if (problem !== undefined)
    sink.error('lint/invalid-manifest', path, `resource.manifest must be a valid yaml: ${problem}`);
}

import { validateFiles } from '../../packages/cli/src/commands/validate.js';
import { REPO_ROOT } from '../paths.js';
import { type ArgoRelease, OUR_TARGETS } from './versions.js';

export type Verdict = 'valid' | 'invalid' | 'skipped' | 'unparseable';

/** Our verdict on one document, from exactly what `argo-gen validate` does. */
export interface OurVerdict {
  readonly file: string;
  readonly index: number;
  readonly kind?: string;
  readonly verdict: Verdict;
  /** Error codes (warnings left out), in order, with their messages. */
  readonly errors: readonly { readonly code: string; readonly message: string }[];
}

/** Our verdicts per file; a file we cannot read at all (a YAML error) is `unparseable` as a whole. */
export interface OurRun {
  readonly documents: readonly OurVerdict[];
  readonly unparseable: ReadonlyMap<string, { readonly code: string; readonly message: string }>;
}

/**
 * `argo-gen validate` in-process on all files at once: every WorkflowTemplate of the run is a templateRef target.
 * `argoVersion` is the target Argo minor version, passed on as `--argo-version` would.
 */
export async function runOurs(
  files: readonly string[],
  cwd: string = REPO_ROOT,
  argoVersion: ArgoRelease['argoVersion'] = '4.1',
): Promise<OurRun> {
  if (!OUR_TARGETS.has(argoVersion))
    throw new Error(`conformance does not compare our verdicts for Argo ${argoVersion}`);
  if (files.length === 0) return { documents: [], unparseable: new Map() };
  // Argo's validator has no security rules: compare with ours without them.
  const report = await validateFiles(files, cwd, argoVersion, { mode: 'off' });
  const unparseable = new Map<string, { code: string; message: string }>();
  for (const p of report.problems) if (p.source) unparseable.set(p.source.file, { code: p.code, message: p.message });
  const documents = report.documents.map((d) => ({
    file: d.file,
    index: d.index,
    kind: d.kind,
    verdict: d.status,
    errors: d.issues.filter((i) => i.severity === 'error').map((i) => ({ code: i.code, message: i.message })),
  }));
  return { documents, unparseable };
}

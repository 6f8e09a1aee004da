import {
  type ApplyResult,
  applyObjects,
  applyTarget,
  formatApplyResult,
  type ObjectRef,
  refName,
} from '@argo-gen/kube';
import { ArgoGenError, type ArgoVersion, type Issue, type PodSecurityLevel, type SecurityMode } from '@argo-gen/model';
import { EXIT, type Io } from '../io.js';
import { connectWith, type KubeFlags } from '../kube/flags.js';
import { reportError } from '../kube/report.js';
import type { LoadedObject } from '../load/argo-objects.js';
import { loadChecked } from '../load/checked-objects.js';
import { duplicateObjects, identify } from '../unique-objects.js';

export interface ApplyFlags extends KubeFlags {
  readonly argoVersion?: ArgoVersion;
  readonly dryRun?: 'server' | 'client';
  readonly forceConflicts?: boolean;
  /** The security lint, as in `validate`: `--security` and `--pod-security` override argo-gen.config.ts. */
  readonly security?: SecurityMode;
  readonly podSecurity?: PodSecurityLevel;
}

/**
 * `argo-gen apply`: load and validate every input (nothing is sent if any is invalid), then server-side apply each
 * object and print `kind/name created|configured|unchanged`. `--dry-run=client` stops after validation (no
 * request) and reports every object, valid or not (one it cannot apply, a Workflow, does not hide the rest);
 * `--dry-run=server` sends with dryRun=All, so the API server validates and admits but stores nothing.
 */
export async function applyCommand(inputs: readonly string[], flags: ApplyFlags, io: Io): Promise<number> {
  try {
    const objects = await loadChecked(inputs, flags, io);
    if (flags.dryRun === 'client') {
      refuseDuplicates(objects, flags.namespace ?? 'default');
      // Every object is checked and reported, the ones that cannot be applied (a Workflow) as well as the rest.
      const { refs, problems } = applyTargets(objects, flags.namespace, flags.namespace ?? 'default');
      for (const ref of refs) if (ref) io.stdout(`${refName(ref)} valid (client dry run: nothing sent)\n`);
      return problems.length > 0 ? reportError(new ArgoGenError(problems), io, flags.verbose) : EXIT.ok;
    }
    // Before connecting (same namespace as written), then again once the context's namespace is known.
    refuseDuplicates(objects, flags.namespace);
    // Every object that cannot be applied is named before anything is sent (applyObjects would stop at the first).
    const { problems } = applyTargets(objects, flags.namespace, flags.namespace ?? 'default');
    if (problems.length > 0) throw new ArgoGenError(problems);
    const kube = await connectWith(flags);
    refuseDuplicates(objects, flags.namespace ?? kube.namespace);
    const results = await applyObjects(
      kube,
      objects.map((o) => o.value),
      { namespace: flags.namespace, dryRun: flags.dryRun === 'server', force: flags.forceConflicts },
    );
    return printResults(results, flags, io);
  } catch (error) {
    return reportError(error, io, flags.verbose);
  }
}

/** Where each object would be applied, or why it cannot be (each such issue names the object's origin). */
function applyTargets(
  objects: readonly LoadedObject[],
  namespace: string | undefined,
  fallbackNamespace: string,
): { refs: (ObjectRef | undefined)[]; problems: Issue[] } {
  const problems: Issue[] = [];
  const refs = objects.map((o) => {
    try {
      return applyTarget(o.value, { namespace }, fallbackNamespace);
    } catch (error) {
      if (!(error instanceof ArgoGenError)) throw error;
      problems.push(...error.issues.map((i) => ({ ...i, subject: i.subject ?? o.origin })));
      return undefined;
    }
  });
  return { refs, problems };
}

/** Two objects that land on the same kind, namespace and name: the second would silently replace the first. */
function refuseDuplicates(objects: readonly LoadedObject[], namespace: string | undefined): void {
  const identified = objects.map((o) => {
    const own = (o.value.metadata as { namespace?: unknown } | undefined)?.namespace;
    return identify(o.value, o.origin, undefined, typeof own === 'string' ? own : namespace);
  });
  const issues = duplicateObjects(identified);
  if (issues.length > 0) throw new ArgoGenError(issues);
}

export function printResults(results: readonly ApplyResult[], flags: ApplyFlags, io: Io): number {
  const failed = results.filter((r) => !('outcome' in r));
  for (const r of results) {
    const line = formatApplyResult(r, flags.dryRun);
    if ('outcome' in r) io.stdout(`${line}\n`);
    else io.stderr(`${line}\n`);
  }
  if (failed.length === 0) return EXIT.ok;
  const applied = results.length - failed.length;
  io.stderr(`${applied} of ${results.length} object(s) applied, ${failed.length} not\n`);
  return EXIT.failed;
}

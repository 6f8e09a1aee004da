import { ArgoGenError, type Issue, issue } from '@argo-gen/model';
import type { Kube } from './client.js';
import { APPLICABLE, isResourceKind, type ObjectRef, RESOURCES } from './kinds.js';
import { type ArgoObject, sameJson, withoutServerFields } from './object.js';

export type ApplyOutcome = 'created' | 'configured' | 'unchanged';

export interface ApplyOptions {
  /** `-n`: the namespace for objects that name none. An object naming another one is an error, as in kubectl. */
  readonly namespace?: string;
  /** Send with dryRun=All: the server validates and admits, nothing is stored. */
  readonly dryRun?: boolean;
  /** Take over fields another field manager owns (SSA `force`). */
  readonly force?: boolean;
}

export type ApplyResult =
  | { readonly ref: ObjectRef; readonly outcome: ApplyOutcome }
  | { readonly ref: ObjectRef; readonly error: Issue }
  /** Not attempted, because an earlier failure means every request would fail (unreachable, unauthorized, timeout). */
  | { readonly ref: ObjectRef; readonly skipped: true };

/** The reference an object will be applied as; throws for objects that cannot be applied. */
export function applyTarget(obj: ArgoObject, options: ApplyOptions, fallbackNamespace: string): ObjectRef {
  const kind = obj.kind;
  const name = obj.metadata?.name;
  const problem = (message: string) => new ArgoGenError([issue('kube/not-applicable', '', message)]);
  if (!isResourceKind(kind) || !APPLICABLE.has(kind)) {
    if (kind === 'Workflow')
      throw problem(
        `workflow/${name ?? obj.metadata?.generateName ?? '?'}: Workflows are submitted, not applied; use argo-gen submit`,
      );
    throw problem(
      `${String(kind)}/${name ?? '?'}: apply handles ${[...APPLICABLE].join(', ')}; use kubectl for other kinds`,
    );
  }
  if (!name) throw problem(`${RESOURCES[kind].singular} has no metadata.name (generateName cannot be applied)`);
  if (!RESOURCES[kind].namespaced) return { kind, name };
  const own = obj.metadata?.namespace;
  if (own && options.namespace && own !== options.namespace)
    throw problem(
      `${RESOURCES[kind].singular}/${name}: the object's namespace '${own}' does not match -n '${options.namespace}'`,
    );
  return { kind, name, namespace: own ?? options.namespace ?? fallbackNamespace };
}

/**
 * Failures every later request would share: the server cannot be reached, rejects the credentials, or does not
 * answer in time (waiting the request timeout again for each object would only multiply the wait).
 */
const SHARED_FAILURES = new Set(['kube/unreachable', 'kube/unauthorized', 'kube/timeout']);

/**
 * Server-side applies each object in order and says, as kubectl does, whether it was created, configured or left
 * unchanged: a get first (absent → created), then the resourceVersion (or, for a dry run, which stores nothing, the
 * content) before and after. A failure does not stop the others, except one that every request would share
 * (unreachable, unauthorized, timed out): the rest are then reported as skipped. The result says exactly what was applied.
 */
export async function applyObjects(
  kube: Kube,
  objects: readonly ArgoObject[],
  options: ApplyOptions = {},
): Promise<ApplyResult[]> {
  const refs = objects.map((o) => applyTarget(o, options, kube.namespace));
  const results: ApplyResult[] = [];
  let fatal = false;
  for (const [i, obj] of objects.entries()) {
    const ref = refs[i] as ObjectRef;
    if (fatal) {
      results.push({ ref, skipped: true });
      continue;
    }
    try {
      results.push({ ref, outcome: await applyOne(kube, ref, obj, options) });
    } catch (error) {
      if (!(error instanceof ArgoGenError)) throw error;
      const first = error.issues[0] as Issue;
      results.push({ ref, error: first });
      fatal = SHARED_FAILURES.has(first.code);
    }
  }
  return results;
}

async function applyOne(kube: Kube, ref: ObjectRef, obj: ArgoObject, options: ApplyOptions): Promise<ApplyOutcome> {
  const before = await kube.find(ref);
  const body = { ...obj, metadata: { ...obj.metadata, ...(ref.namespace ? { namespace: ref.namespace } : {}) } };
  const after = await kube.apply(ref, body, { dryRun: options.dryRun, force: options.force });
  return outcomeOf(before, after, options.dryRun ?? false);
}

export function outcomeOf(before: ArgoObject | undefined, after: ArgoObject, dryRun: boolean): ApplyOutcome {
  if (!before) return 'created';
  // A dry run stores nothing, so the resourceVersion never moves: compare the content instead.
  if (dryRun) return sameJson(withoutServerFields(before), withoutServerFields(after)) ? 'unchanged' : 'configured';
  return before.metadata?.resourceVersion === after.metadata?.resourceVersion ? 'unchanged' : 'configured';
}

/** `workflowtemplate/hello created`, or the error / skip, one line per object. */
export function formatApplyResult(result: ApplyResult, dryRun?: 'server' | 'client'): string {
  const what = `${RESOURCES[result.ref.kind].singular}/${result.ref.name}`;
  const suffix = dryRun ? ` (${dryRun} dry run)` : '';
  if ('outcome' in result) return `${what} ${result.outcome}${suffix}`;
  if ('skipped' in result) return `${what} not applied (skipped after the error above)`;
  return `${what} not applied: ${result.error.message} [${result.error.code}]`;
}

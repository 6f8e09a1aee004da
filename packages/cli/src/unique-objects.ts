import { type Issue, issue } from '@argo-gen/model';

/** An object a run would put on a cluster, keyed by what the API server identifies it by. */
export interface Identified {
  /** `kind/namespace/name`, or undefined for an object the server names itself (generateName). */
  readonly key: string | undefined;
  /** `WorkflowTemplate 'hello' in namespace 'ci'`. */
  readonly label: string;
  /** `templates/a.ts (export nightly)`. */
  readonly origin: string;
  /** The file a message is reported at, when there is one to jump to. */
  readonly file?: string;
}

const CLUSTER_SCOPED = new Set(['ClusterWorkflowTemplate']);

/**
 * The identity of a document as the cluster sees it. An unset namespace stays its own bucket here (generate cannot
 * know where the YAML is applied); `apply`, which knows, passes the namespace it will use.
 */
export function identify(doc: unknown, origin: string, file?: string, namespace?: string): Identified {
  const d = (doc ?? {}) as { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  const kind = String(d.kind);
  const name = typeof d.metadata?.name === 'string' ? d.metadata.name : undefined;
  const ns = CLUSTER_SCOPED.has(kind)
    ? ''
    : (namespace ?? (typeof d.metadata?.namespace === 'string' ? d.metadata.namespace : ''));
  return {
    key: name === undefined ? undefined : JSON.stringify([kind, ns, name]),
    label: `${kind} '${name}'${ns ? ` in namespace '${ns}'` : ''}`,
    origin,
    file,
  };
}

/**
 * Two objects with the same kind, namespace and name: applied one after the other, the second silently replaces the
 * first on the cluster, so a run that would send both is refused, naming both (one issue per extra copy).
 */
export function duplicateObjects(objects: readonly Identified[]): Issue[] {
  const first = new Map<string, Identified>();
  const issues: Issue[] = [];
  for (const o of objects) {
    if (o.key === undefined) continue;
    const earlier = first.get(o.key);
    // The same export reached through two targets is one object written twice, not two objects.
    if (earlier?.origin === o.origin) continue;
    if (!earlier) {
      first.set(o.key, o);
      continue;
    }
    issues.push(
      issue(
        'input/duplicate-name',
        '',
        `${o.label} is defined by both ${earlier.origin} and ${o.origin}; on a cluster one would overwrite the other`,
        o.file ? { source: { file: o.file, line: 0, column: 0 } } : {},
      ),
    );
  }
  return issues;
}

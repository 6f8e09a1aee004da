import { ArgoGenError, issue } from '@argo-gen/model';
import { deepFreeze } from './internal/freeze.js';
import { captureSite } from './internal/source.js';

/** The Kubernetes API verbs an RBAC rule grants. */
export type ApiVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

/** Verbs in the order Roles list them: reads first, then writes, deletes last. */
export const API_VERBS: readonly ApiVerb[] = Object.freeze([
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
]);

/**
 * One thing a step does with the Kubernetes API: the verbs it uses on a resource, optionally only on named objects,
 * in one namespace. Steps declare these as data (a template's `access`); `rbac()` turns the union of a
 * ServiceAccount's declarations into its Roles.
 * @see https://kubernetes.io/docs/reference/access-authn-authz/rbac/#referring-to-resources
 */
export interface ApiAccess {
  /** The API group: `''` for the core group, `apps`, `argoproj.io`, …. */
  readonly apiGroup: string;
  /** The resource's plural, with `/subresource` where one is used: `deployments`, `deployments/scale`. */
  readonly resource: string;
  readonly verbs: readonly ApiVerb[];
  /**
   * Only these objects (`resourceNames`). A list or watch is allowed on a name only with a `metadata.name` field
   * selector (as `kubectl rollout status` sends); `create` can never be limited by name.
   * @default every object of the resource
   */
  readonly names?: readonly string[];
  /**
   * The namespace the step acts in.
   * @default the namespace the workflow runs in
   */
  readonly namespace?: string;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const GROUP = /^$|^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const RESOURCE = /^[a-z0-9]+(\/[a-z0-9]+)?$/;

/**
 * Declared API access, checked and frozen: `apiAccess({ apiGroup: 'apps', resource: 'deployments', verbs: ['get'] })`.
 * An unknown verb, an empty verb list, a name limit on `create`, or a malformed group, resource or namespace fails
 * here, naming the rule.
 */
export function apiAccess(...rules: readonly ApiAccess[]): readonly ApiAccess[] {
  const problems = rules.flatMap((r, i) => accessProblems(r).map((p) => `access rule ${i + 1} (${describe(r)}): ${p}`));
  if (problems.length > 0) {
    const source = captureSite()();
    throw new ArgoGenError(problems.map((p) => issue('dsl/bad-access', '', p, { source })));
  }
  return deepFreeze(rules.map(normalise));
}

function accessProblems(r: ApiAccess): string[] {
  const problems: string[] = [];
  if (typeof r.apiGroup !== 'string' || !GROUP.test(r.apiGroup))
    problems.push(`apiGroup must be an API group name or '' (got ${JSON.stringify(r.apiGroup)})`);
  if (typeof r.resource !== 'string' || !RESOURCE.test(r.resource))
    problems.push(
      `resource must be a lower-case plural, optionally with /subresource (got ${JSON.stringify(r.resource)})`,
    );
  if (!Array.isArray(r.verbs) || r.verbs.length === 0) problems.push('verbs must name at least one verb');
  for (const v of r.verbs ?? [])
    if (!API_VERBS.includes(v)) problems.push(`unknown verb ${JSON.stringify(v)} (one of ${API_VERBS.join(', ')})`);
  if (r.names !== undefined) {
    if (r.names.length === 0) problems.push('names, when given, must name at least one object');
    if (r.verbs?.includes('create')) problems.push('create cannot be limited to names (the object does not exist yet)');
  }
  if (r.namespace !== undefined && !DNS_LABEL.test(r.namespace))
    problems.push(`namespace must be a namespace name (got ${JSON.stringify(r.namespace)})`);
  return problems;
}

function describe(r: ApiAccess): string {
  return `${r?.apiGroup ? `${r.apiGroup}/` : ''}${r?.resource}`;
}

/** Verbs in canonical order without repeats, names sorted: equal declarations are equal data. */
function normalise(r: ApiAccess): ApiAccess {
  return {
    apiGroup: r.apiGroup,
    resource: r.resource,
    verbs: API_VERBS.filter((v) => r.verbs.includes(v)),
    ...(r.names ? { names: [...new Set(r.names)].sort() } : {}),
    ...(r.namespace ? { namespace: r.namespace } : {}),
  };
}

import { ArgoGenError, type Issue, issue, type SourceLocation } from '@argo-gen/model';
import { API_VERBS, type ApiVerb } from './access.js';
import { type Account, eventBindingNeeds, isNone, type Need, workflowNeeds } from './access-needs.js';
import type { EventBindingValue } from './event-binding.js';
import { captureSite, locatedValue } from './internal/source.js';
import type { WorkflowLike } from './workflow.js';

export interface RbacOptions {
  /** The workflows whose ServiceAccounts get Roles: every template they run, `templateRef` targets included. */
  readonly workflows: readonly WorkflowLike[];
  /**
   * Event bindings, each with the ServiceAccount that calls Argo Server's events endpoint for it (the webhook's
   * account): it may list the namespace's bindings, read the template the binding submits and create Workflows.
   */
  readonly eventBindings?: readonly { readonly binding: EventBindingValue; readonly serviceAccount: string }[];
  /** Labels for every object, beside `app.kubernetes.io/managed-by: argo-gen`. */
  readonly labels?: Readonly<Record<string, string>>;
}

/** An RBAC rule as Kubernetes writes it. */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly resourceNames?: readonly string[];
  readonly verbs: readonly ApiVerb[];
}

/** A Kubernetes object of the RBAC set: ServiceAccount, Secret (token), Role or RoleBinding. */
export interface RbacObject {
  readonly apiVersion: string;
  readonly kind: 'ServiceAccount' | 'Secret' | 'Role' | 'RoleBinding';
  readonly metadata: {
    readonly name: string;
    readonly namespace: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly [field: string]: unknown;
}

/** `rbac()`'s value: what each account needs, and the objects that grant exactly that, as one `v1 List`. */
export interface RbacValue {
  readonly kind: 'Rbac';
  readonly name: string;
  readonly needs: readonly Need[];
  readonly document: { readonly apiVersion: 'v1'; readonly kind: 'List'; readonly items: readonly RbacObject[] };
  readonly source?: SourceLocation;
}

/**
 * Least-privilege RBAC derived from the steps themselves: every template declares what its container does with the
 * Kubernetes API (`access`), Argo's executor and agent add their own needs, and each ServiceAccount gets, per
 * namespace it acts in, one Role that is the union of its templates' needs, bound to it. Verbs are kept per object:
 * a step that only reads is never given another step's writes on a different object. `argo-gen generate` writes the
 * value's `document` as YAML beside the templates.
 */
export function rbac(name: string, options: RbacOptions): RbacValue {
  const site = captureSite();
  const needs: Need[] = [];
  const issues: Issue[] = [];
  for (const w of options.workflows) collect(workflowNeeds(w), needs, issues);
  for (const b of options.eventBindings ?? []) collect(eventBindingNeeds(b.binding, b.serviceAccount), needs, issues);
  const labels = { 'app.kubernetes.io/managed-by': 'argo-gen', ...options.labels };
  const items = objectsFor(needs, labels, issues);
  if (issues.length > 0) throw new ArgoGenError(issues.map((i) => (i.source ? i : { ...i, source: site() })));
  const real = needs.filter((n) => !isNone(n.access));
  return locatedValue({ kind: 'Rbac', name, needs: real, document: { apiVersion: 'v1', kind: 'List', items } }, site);
}

function collect(r: { needs: Need[]; issues: Issue[] }, needs: Need[], issues: Issue[]): void {
  needs.push(...r.needs);
  issues.push(...r.issues);
}

const key = (a: Account) => `${a.namespace}/${a.name}`;
const byKey =
  <T>(f: (x: T) => string) =>
  (a: T, b: T) =>
    f(a) < f(b) ? -1 : f(a) > f(b) ? 1 : 0;

function objectsFor(needs: readonly Need[], labels: Readonly<Record<string, string>>, issues: Issue[]): RbacObject[] {
  const accounts = new Map<string, { account: Account; token: boolean; grants: boolean }>();
  const roles = new Map<string, { account: Account; namespace: string; needs: Need[] }>();
  for (const n of needs) {
    const a = accounts.get(key(n.account)) ?? { account: n.account, token: false, grants: false };
    a.token ||= n.tokenSecret === true;
    accounts.set(key(n.account), a);
    if (isNone(n.access)) continue;
    a.grants = true;
    const roleKey = `${n.access.namespace}/${key(n.account)}`;
    const role = roles.get(roleKey) ?? { account: n.account, namespace: n.access.namespace, needs: [] };
    role.needs.push(n);
    roles.set(roleKey, role);
  }
  const meta = (name: string, namespace: string, annotations?: Record<string, string>) => ({
    name,
    namespace,
    labels,
    ...(annotations ? { annotations } : {}),
  });
  const list = [...accounts.values()].sort(byKey((a) => key(a.account)));
  const serviceAccounts: RbacObject[] = list.map((a) => ({
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: meta(a.account.name, a.account.namespace),
    // An account that needs nothing from the API server gets no token in its pods.
    ...(a.grants ? {} : { automountServiceAccountToken: false }),
  }));
  // Argo mounts the executor's (and the agent's) token from this Secret by name (workflow/controller/serviceaccount.go).
  const secrets: RbacObject[] = list
    .filter((a) => a.token)
    .map((a) => ({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta(`${a.account.name}.service-account-token`, a.account.namespace, {
        'kubernetes.io/service-account.name': a.account.name,
      }),
      type: 'kubernetes.io/service-account-token',
    }));
  const roleList = [...roles.values()].sort(byKey((r) => `${r.namespace}/${r.account.name}/${r.account.namespace}`));
  const names = new Map<string, Account>();
  const grants: RbacObject[][] = roleList.map((r) => {
    const clash = names.get(`${r.namespace}/${r.account.name}`);
    if (clash && clash.namespace !== r.account.namespace)
      issues.push(
        issue(
          'rbac/role-clash',
          '',
          `accounts ${key(clash)} and ${key(r.account)} would both own Role '${r.account.name}' in ${r.namespace}`,
        ),
      );
    names.set(`${r.namespace}/${r.account.name}`, r.account);
    const role: RbacObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: meta(r.account.name, r.namespace),
      rules: rulesFor(r.needs),
    };
    const binding: RbacObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: meta(r.account.name, r.namespace),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: r.account.name },
      subjects: [{ kind: 'ServiceAccount', name: r.account.name, namespace: r.account.namespace }],
    };
    return [role, binding];
  });
  return [...serviceAccounts, ...secrets, ...grants.flat()];
}

/**
 * The union of needs as rules: verbs are gathered per object (or per resource, for needs not limited by name); a
 * named object's verbs that the whole resource already grants are dropped; named objects with the same verbs share
 * a rule. So reads and deletes stay apart wherever the steps that need them differ.
 */
export function rulesFor(needs: readonly Need[]): PolicyRule[] {
  const verbs = new Map<string, Set<ApiVerb>>();
  for (const { access: a } of needs) {
    for (const n of a.names ?? ['']) {
      const k = `${a.apiGroup}\u0000${a.resource}\u0000${n}`;
      const set = verbs.get(k) ?? new Set<ApiVerb>();
      for (const v of a.verbs) set.add(v);
      verbs.set(k, set);
    }
  }
  const shared = new Map<string, { group: string; resource: string; names: string[]; verbs: ApiVerb[] }>();
  for (const [k, set] of verbs) {
    const [group = '', resource = '', name = ''] = k.split('\u0000');
    const whole = name === '' ? undefined : verbs.get(`${group}\u0000${resource}\u0000`);
    const own = API_VERBS.filter((v) => set.has(v) && !whole?.has(v));
    if (own.length === 0) continue;
    const ruleKey = `${group}\u0000${resource}\u0000${name === '' ? '*' : 'named'}\u0000${own.join(',')}`;
    const rule = shared.get(ruleKey) ?? { group, resource, names: [], verbs: own };
    if (name !== '') rule.names.push(name);
    shared.set(ruleKey, rule);
  }
  return [...shared.values()]
    .map((r) => ({
      apiGroups: [r.group],
      resources: [r.resource],
      ...(r.names.length > 0 ? { resourceNames: r.names.sort() } : {}),
      verbs: r.verbs,
    }))
    .sort(
      byKey(
        (r) =>
          `${r.apiGroups[0]}\u0000${r.resources[0]}\u0000${r.resourceNames?.join(',') ?? ''}\u0000${API_VERBS.indexOf(r.verbs[0] as ApiVerb)}`,
      ),
    );
}

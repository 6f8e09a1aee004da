import type * as model from '@argo-gen/model';
import { type Issue, issue } from '@argo-gen/model';
import type { ApiAccess } from './access.js';
import type { Callable } from './callable.js';
import { calleesOf, callsOf, rootsOf } from './collect.js';
import type { EventBindingValue } from './event-binding.js';
import type { Template } from './template.js';
import type { WorkflowLike } from './workflow.js';

/** A ServiceAccount, by namespace and name. */
export interface Account {
  readonly namespace: string;
  readonly name: string;
}

/** Why an account needs something: the template (or binding) that needs it, in which workflow. */
export interface Need {
  readonly account: Account;
  /** What it does; a rule without namespace is already resolved to the workflow's. */
  readonly access: ApiAccess & { readonly namespace: string };
  /** `burger-deploy-canary/backend-scale-canary`, `burger-ci/burger-pipeline-on-push`. */
  readonly by: string;
  /** The account's token must be a Secret named `<account>.service-account-token`: Argo mounts it by that name. */
  readonly tokenSecret?: boolean;
}

/**
 * Argo's executor (the wait container of every pod) records each step's outputs as WorkflowTaskResults, with the
 * token of `executor.serviceAccountName`, or else of the pod's own account.
 * @see ../shared/argo/src/v4.1.2/manifests/quick-start/base/executor/emissary/executor-role.yaml
 */
export const EXECUTOR_ACCESS: readonly ApiAccess[] = Object.freeze([
  Object.freeze({
    apiGroup: 'argoproj.io',
    resource: 'workflowtaskresults',
    verbs: Object.freeze(['create', 'patch']),
  }),
]) as readonly ApiAccess[];

/**
 * The agent pod that runs HTTP (and plugin) templates, as the workflow's ServiceAccount: it watches the workflow's
 * WorkflowTaskSet and writes results to its status.
 * @see ../shared/argo/src/v4.1.2/manifests/quick-start/base/agent-role.yaml
 */
export const AGENT_ACCESS: readonly ApiAccess[] = Object.freeze([
  Object.freeze({ apiGroup: 'argoproj.io', resource: 'workflowtasksets', verbs: Object.freeze(['list', 'watch']) }),
  Object.freeze({ apiGroup: 'argoproj.io', resource: 'workflowtasksets/status', verbs: Object.freeze(['patch']) }),
]) as readonly ApiAccess[];

/** Templates whose body runs a pod of its own (with Argo's executor beside the main container). */
const POD_BODIES = new Set(['container', 'script', 'resource', 'containerSet']);
const POD_FIELDS = ['container', 'script', 'resource', 'containerSet'] as const;

function runsPod(t: Template): boolean {
  if (t.body.type === 'raw') return POD_FIELDS.some((f) => t.body.type === 'raw' && t.body.template[f] !== undefined);
  return POD_BODIES.has(t.body.type);
}

function runsInAgent(t: Template): boolean {
  if (t.body.type === 'raw') return t.body.template.http !== undefined || t.body.template.plugin !== undefined;
  return t.body.type === 'http';
}

/** Every template a workflow runs: its own, and those it calls through `templateRef`, which run as its accounts. */
function reachable(options: WorkflowLike['options']): Template[] {
  const found = new Set<Template>();
  const visit = (c: Callable | undefined): void => {
    if (!c) return;
    const t = c.kind === 'templateRef' ? c.template : c;
    if (found.has(t)) return;
    found.add(t);
    for (const call of callsOf(t)) for (const callee of calleesOf(call)) visit(callee);
  };
  for (const root of rootsOf(options)) visit(root);
  return [...found];
}

const executorOf = (x: { executor?: model.ExecutorConfig } | undefined) => x?.executor?.serviceAccountName || undefined;

/**
 * What each ServiceAccount of a workflow needs from the API server: the declared access of every pod template (as
 * its `serviceAccountName`, else the workflow's), Argo's executor needs (as the executor account) and the agent's
 * (as the workflow's account, for HTTP templates). A template that mounts a token without declaring its access is
 * an issue: its needs cannot be known.
 */
export function workflowNeeds(w: WorkflowLike): { needs: Need[]; issues: Issue[] } {
  const needs: Need[] = [];
  const issues: Issue[] = [];
  const ns = w.options.namespace;
  const label = `${w.kind} '${'name' in w && w.name ? w.name : ''}'`;
  if (!ns) {
    issues.push(
      issue('rbac/no-namespace', '', `${label}: has no namespace, so its Roles have none`, { source: w.source }),
    );
    return { needs, issues };
  }
  const spec = w.options.spec as { serviceAccountName?: string; executor?: model.ExecutorConfig } | undefined;
  const workflowAccount = spec?.serviceAccountName || 'default';
  const add = (name: string, access: readonly ApiAccess[], by: string, tokenSecret = false) => {
    for (const a of access)
      needs.push({
        account: { namespace: ns, name },
        access: { ...a, namespace: a.namespace ?? ns },
        by,
        ...(tokenSecret ? { tokenSecret } : {}),
      });
    if (access.length === 0 && tokenSecret) needs.push({ account: { namespace: ns, name }, access: none(ns), by });
  };
  for (const t of reachable(w.options)) {
    const by = `${'name' in w && w.name ? w.name : w.kind}/${t.name}`;
    const o = t.options as { serviceAccountName?: string; automountServiceAccountToken?: boolean } & {
      executor?: model.ExecutorConfig;
    };
    if (runsInAgent(t)) {
      add(workflowAccount, [...AGENT_ACCESS, ...(t.access ?? [])], by, true);
      continue;
    }
    if (!runsPod(t)) continue;
    const podAccount = o.serviceAccountName || workflowAccount;
    const executor = executorOf(o) ?? executorOf(spec);
    add(executor ?? podAccount, EXECUTOR_ACCESS, by, executor !== undefined);
    const automount =
      o.automountServiceAccountToken ??
      (w.options.spec as { automountServiceAccountToken?: boolean })?.automountServiceAccountToken;
    if (automount === false) {
      if (t.access && t.access.length > 0)
        issues.push(
          issue('rbac/access-without-token', '', `template '${t.name}': declares API access but mounts no token`, {
            source: t.source,
          }),
        );
      continue;
    }
    if (t.access === undefined) {
      issues.push(
        issue(
          'rbac/undeclared-access',
          '',
          `template '${t.name}' (in ${label}): runs as '${podAccount}' with an API token but declares no access; ` +
            'give it `access` (or `[]`), or automountServiceAccountToken: false',
          { source: t.source },
        ),
      );
      continue;
    }
    add(podAccount, t.access, by);
    // The account must exist even when it needs nothing.
    if (t.access.length === 0) needs.push({ account: { namespace: ns, name: podAccount }, access: none(ns), by });
  }
  if (spec?.serviceAccountName)
    needs.push({ account: { namespace: ns, name: workflowAccount }, access: none(ns), by: label });
  return { needs, issues };
}

/**
 * What the ServiceAccount that calls Argo Server's events endpoint needs for one binding: Argo Server lists the
 * namespace's bindings, reads the WorkflowTemplate and creates the Workflow, all with the caller's token.
 * @see ../shared/argo/src/v4.1.2/server/event/event_server.go (ReceiveEvent) and dispatch/operation.go
 */
export function eventBindingNeeds(binding: EventBindingValue, account: string): { needs: Need[]; issues: Issue[] } {
  const ns = binding.options.namespace;
  const by = `${ns ?? ''}/${binding.name}`;
  if (!ns)
    return {
      needs: [],
      issues: [
        issue('rbac/no-namespace', '', `WorkflowEventBinding '${binding.name}': has no namespace`, {
          source: binding.source,
        }),
      ],
    };
  const target = binding.options.submit;
  if (target.kind === 'ClusterWorkflowTemplate')
    return {
      needs: [],
      issues: [
        issue(
          'rbac/cluster-scope',
          '',
          `WorkflowEventBinding '${binding.name}': submits a ClusterWorkflowTemplate, which a namespaced Role cannot grant; bind a ClusterRole by hand`,
          { source: binding.source },
        ),
      ],
    };
  const access: ApiAccess[] = [
    { apiGroup: 'argoproj.io', resource: 'workfloweventbindings', verbs: ['list'] },
    { apiGroup: 'argoproj.io', resource: 'workflowtemplates', verbs: ['get'], names: [target.name] },
    { apiGroup: 'argoproj.io', resource: 'workflows', verbs: ['create'] },
  ];
  return {
    needs: access.map((a) => ({ account: { namespace: ns, name: account }, access: { ...a, namespace: ns }, by })),
    issues: [],
  };
}

/** A placeholder need: the account exists, with nothing granted. */
function none(namespace: string): ApiAccess & { namespace: string } {
  return { apiGroup: '', resource: '', verbs: [], namespace };
}

export function isNone(a: ApiAccess): boolean {
  return a.verbs.length === 0;
}

/**
 * Exit handlers and lifecycle hooks of a step or task (`onExit`, `hooks.exit`, `hooks.<name>`), as the controller's
 * `runOnExitNode` and `executeTmplLifeCycleHook` run them. An exit handler runs when its node completed (not when it
 * was skipped or omitted), as `<node>.onExit`. A lifecycle hook runs as `<node>.hooks.<name>` the first time its
 * expression holds: evaluated while the node runs (`status == "Running"`), then when it has finished.
 */

import type { Engine } from './engine.js';
import { executeTemplate } from './execute-template.js';
import { evaluateArgoBool } from './expr/argo-expression.js';
import { substituteDeep } from './expressions.js';
import { markAbsentOptionalArgs } from './references.js';
import { isCompleted, type RunNode } from './run-state.js';
import { addNodeToScope, type MutableScope, scopeOf } from './scope.js';
import type { TemplateBase, TemplateHolder } from './templates.js';

export interface Hook {
  readonly template?: string;
  readonly templateRef?: TemplateHolder['templateRef'];
  readonly arguments?: Readonly<Record<string, unknown>>;
  readonly expression?: string;
}

export interface HookSite {
  readonly parent: RunNode;
  /** The step or task, for its `onExit` and `hooks`. */
  readonly task: Readonly<Record<string, unknown>>;
  /** `tasks` or `steps`: how the hook's expressions and arguments name the parent. */
  readonly ref: 'tasks' | 'steps';
  readonly name: string;
  readonly scope: MutableScope;
  readonly boundaryID: string | undefined;
  readonly base: TemplateBase;
}

export function exitHookOf(task: Readonly<Record<string, unknown>>): Hook | undefined {
  if (typeof task.onExit === 'string' && task.onExit !== '') return { template: task.onExit };
  const hooks = task.hooks as Readonly<Record<string, Hook>> | undefined;
  return hooks?.exit;
}

export function holderOfHook(hook: Hook): TemplateHolder {
  return {
    ...(hook.template !== undefined ? { template: hook.template } : {}),
    ...(hook.templateRef !== undefined ? { templateRef: hook.templateRef } : {}),
  };
}

/** The scope a hook sees: the site's, with the parent's status and outputs. */
function hookScope(e: Engine, site: HookSite, status: string): MutableScope {
  const scope = scopeOf(site.scope, e.globals);
  addNodeToScope(scope, e.state, site.ref, site.name, site.parent);
  scope[`${site.ref}.${site.name}.status`] = status;
  return scope;
}

function runHook(e: Engine, site: HookSite, hook: Hook, nodeName: string, at: number, scope: MutableScope): RunNode {
  const args = substituteDeep(markAbsentOptionalArgs({ arguments: hook.arguments ?? {} }, scope).arguments, scope);
  const node = args.ok
    ? executeTemplate(e, {
        nodeName,
        holder: holderOfHook(hook),
        base: site.base,
        args: args.value as Record<string, unknown>,
        boundaryID: site.boundaryID,
        at,
        nodeFlag: { hooked: true },
      })
    : e.state.create({
        name: nodeName,
        type: 'Skipped',
        phase: 'Undetermined',
        at,
        boundaryID: site.boundaryID,
        message: args.reason,
        nodeFlag: { hooked: true },
      });
  e.state.addChild(site.parent.name, nodeName);
  return node;
}

export function runExitHook(e: Engine, site: HookSite): void {
  const hook = exitHookOf(site.task);
  if (!hook || !isCompleted(site.parent.phase)) return;
  const scope = hookScope(e, site, site.parent.phase);
  const at = site.parent.finishedAt ?? site.parent.startedAt;
  if (hook.expression) {
    const go = evaluateArgoBool(hook.expression, scope);
    if (!go.ok) {
      e.state.create({
        name: `${site.parent.name}.onExit`,
        type: 'Skipped',
        phase: 'Undetermined',
        at,
        boundaryID: site.boundaryID,
        message: `hook expression '${hook.expression}': ${go.reason}`,
        nodeFlag: { hooked: true },
      });
      e.state.addChild(site.parent.name, `${site.parent.name}.onExit`);
      return;
    }
    if (go.value === false) return;
  }
  runHook(e, site, hook, `${site.parent.name}.onExit`, at, scope);
}

/** When a lifecycle hook fires: the first moment its expression holds, or the moment it cannot be evaluated. */
export type HookFiring<S> =
  | { readonly at: number; readonly scope: S }
  | { readonly at: number; readonly reason: string };

/**
 * The controller evaluates a hook's expression each time it looks at the node (`moments`: status, time); the hook
 * fires the first time it holds. An expression that cannot be evaluated stops there: the hook is undetermined.
 */
export function hookFiring<S extends Readonly<Record<string, string | null>>>(
  hook: Hook,
  moments: readonly (readonly [string, number])[],
  scopeAt: (status: string) => S,
): HookFiring<S> | undefined {
  for (const [status, at] of moments) {
    const scope = scopeAt(status);
    const go = evaluateArgoBool(hook.expression ?? '', scope);
    if (!go.ok) return { at, reason: go.reason };
    if (go.value === true) return { at, scope };
  }
  return undefined;
}

/** A hook whose expression could not be evaluated: an undetermined node under its parent, with the reason. */
export function markUndeterminedHook(
  e: Engine,
  hook: Hook,
  node: { readonly name: string; readonly parent: string; readonly boundaryID: string | undefined },
  firing: { readonly at: number; readonly reason: string },
): void {
  e.state.create({
    name: node.name,
    type: 'Skipped',
    phase: 'Undetermined',
    at: firing.at,
    boundaryID: node.boundaryID,
    message: `hook expression '${hook.expression ?? ''}': ${firing.reason}`,
    nodeFlag: { hooked: true },
  });
  e.state.addChild(node.parent, node.name);
}

export function runLifecycleHooks(e: Engine, site: HookSite): void {
  const hooks = (site.task.hooks ?? {}) as Readonly<Record<string, Hook>>;
  for (const hookName of Object.keys(hooks).sort()) {
    if (hookName === 'exit') continue;
    const hook = hooks[hookName] as Hook;
    const nodeName = `${site.parent.name}.hooks.${hookName}`;
    // a node that ran is seen Running first; a skipped or omitted one only as it ended
    const moments: [string, number][] = site.parent.type === 'Skipped' ? [] : [['Running', site.parent.startedAt]];
    if (site.parent.finishedAt !== undefined) moments.push([site.parent.phase, site.parent.finishedAt]);
    const firing = hookFiring(hook, moments, (status) => hookScope(e, site, status));
    if (!firing) continue;
    if ('reason' in firing)
      markUndeterminedHook(e, hook, { name: nodeName, parent: site.parent.name, boundaryID: site.boundaryID }, firing);
    else runHook(e, site, hook, nodeName, firing.at, firing.scope);
  }
}

import type { WorkflowStep } from '../gen/types.gen.js';
import { checkCallSite } from './call-site.js';
import { type LintDoc, list, type TemplateAt } from './document.js';
import { checkedName } from './name-tags.js';
import { checkFieldNames } from './names.js';
import { checkNodeTags, checkTemplateTags, nodeAttribute } from './references.js';
import { type GlobalScope, inputsOf, type NodeResolver } from './scope.js';
import { normalizeTags } from './tags.js';
import type { Callee } from './template-refs.js';

/**
 * Steps templates (argo-validation-rules.md §5, rules 33–39): step names unique across all groups, the called
 * templates, loops, arguments, and `{{steps.X…}}` only for steps of earlier groups (a step's own `.status` too, as
 * and anything of its own in its hooks, which run after it). Argo also lets a step read an earlier step of its own parallel group; that step has
 * not finished when this one starts, so we report it.
 */
export function checkSteps(d: LintDoc, at: TemplateAt, global: GlobalScope): void {
  const groups = list(at.template.steps);
  const flat: { step: WorkflowStep; path: string; group: number }[] = [];
  groups.forEach((group, g) => {
    list(group).forEach((step, i) => {
      flat.push({ step: step ?? {}, path: `${at.path}/steps/${g}/${i}`, group: g });
    });
  });
  checkFieldNames(
    d.sink,
    flat.map((f) => f.step),
    (i) => flat[i]?.path ?? '',
    'step',
    (name) => checkedName(d, at.template, name, 'step', d.argoVersion),
  );
  const info = new Map<string, { group: number; callee: Callee }>();
  for (const { step, path, group } of flat) {
    const callee = checkCallSite(d, step, path);
    // Keyed as references name them: a name with `{{…}}` is written without inner spaces (tags.ts, nested tags).
    const key = typeof step.name === 'string' ? normalizeTags(step.name) : undefined;
    if (key !== undefined && !info.has(key)) info.set(key, { group, callee });
  }
  const resolver =
    (self?: { name?: string; group: number; inHooks: boolean }): NodeResolver =>
    (name, attribute) => {
      const target = info.get(name);
      if (!target) return { code: 'lint/unresolved-reference', reason: `no step '${name}' in this template` };
      const own = self !== undefined && name === self.name && (attribute === 'status' || self.inHooks);
      if (self !== undefined && !own && target.group >= self.group)
        return {
          code: 'lint/unresolved-reference',
          reason:
            target.group === self.group
              ? `step '${name}' runs in parallel with this step (same group ${self.group})`
              : `step '${name}' runs later (group ${target.group}, this step is in group ${self.group})`,
        };
      return nodeAttribute('step', name, attribute, target.callee);
    };
  const inputs = inputsOf(at.template);
  for (const { step, path, group } of flat) {
    checkNodeTags(d, step, path, at.template, inputs, global, (inHooks) => ({
      steps: resolver({ ...(step.name ? { name: normalizeTags(step.name) } : {}), group, inHooks }),
    }));
  }
  checkTemplateTags(d, at, global, resolver());
}

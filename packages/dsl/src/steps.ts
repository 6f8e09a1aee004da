import type * as model from '@argo-gen/model';
import { ArgoGenError, type Issue, issue } from '@argo-gen/model';
import { referencedCalls } from './data-deps.js';
import { captureSite } from './internal/source.js';
import type { NodeNamesOf } from './node-names.js';
import type { OutputSpecs } from './outputs.js';
import type { InputSpecs } from './params.js';
import type { Step } from './task.js';
import { makeTemplate, type Template, type TemplateOptions } from './template.js';

/** A steps entry: a DSL step, or a raw Argo WorkflowStep (escape hatch; still validated at synthesis). */
export type StepEntry = Step | model.WorkflowStep;

export function isStep(entry: unknown): entry is Step {
  return typeof entry === 'object' && entry !== null && (entry as { kind?: unknown }).kind === 'step';
}

/**
 * A steps template: groups run one after another; the steps of a group run in parallel. A step may only read the
 * outputs of steps in earlier groups, which is checked here.
 */
export function steps<
  const I extends InputSpecs = Record<never, never>,
  const O extends OutputSpecs = Record<never, never>,
  Name extends string = string,
  G extends readonly (readonly StepEntry[])[] = readonly (readonly StepEntry[])[],
>(name: Name, groups: G, options?: TemplateOptions<I, O>): Template<I, O, Name | NodeNamesOf<G[number][number]>> {
  const site = captureSite();
  const problems: Issue[] = [];
  const earlier = new Set<string>();
  const all = new Set<string>();
  const everywhere = new Set(groups.flat().map((s) => (isStep(s) ? s.name : (s.name ?? ''))));
  // An empty group is allowed: Argo accepts it and the group succeeds at once (v4.1.2 workflow/controller/steps.go,
  // executeStepGroup starts no child and marks the group Succeeded), so imported YAML with one loads.
  groups.forEach((group) => {
    for (const s of group) {
      const n = isStep(s) ? s.name : (s.name ?? '');
      if (all.has(n))
        problems.push(
          issue('dsl/duplicate-step', '', `steps '${name}' has two steps named '${n}'`, {
            source: isStep(s) ? s.source : site(),
          }),
        );
      all.add(n);
      if (!isStep(s)) continue;
      for (const used of referencedCalls(s, 'steps')) {
        if (!earlier.has(used)) {
          const why = everywhere.has(used)
            ? 'which is in the same or a later group'
            : `which is not in steps '${name}'`;
          problems.push(
            issue('dsl/step-order', '', `step '${s.name}' uses an output of step '${used}', ${why}`, {
              source: s.source,
            }),
          );
        }
      }
    }
    for (const s of group) earlier.add(isStep(s) ? s.name : (s.name ?? ''));
  });
  if (problems.length > 0) throw new ArgoGenError(problems);
  return makeTemplate<I, O, Name | NodeNamesOf<G[number][number]>>(name, { type: 'steps', groups }, options, site);
}

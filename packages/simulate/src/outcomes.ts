/**
 * Which outcome the caller gave for a node: by node name, then display name, then template name (the most specific
 * wins); a retry attempt is also matched by its retry node's name and display name, so that `web-25-gate: Failed`
 * fails every attempt. A function rule is asked and may decline (undefined).
 */
import type { Attempt } from './attempt.js';
import type { Engine } from './engine.js';
import type { NodeFacts, Outcome, OutcomeRule } from './types.js';

export interface OutcomeKeys {
  readonly facts: NodeFacts;
  /** The retry node's name and display name, for an attempt. */
  readonly retryName?: string;
  readonly retryDisplayName?: string;
}

/**
 * The outcome given for the node of attempt `a` (displayed as `displayName`), if any. The node's facts, which a function
 * rule reads, are built only when some outcome was given.
 */
export function nodeOutcome(e: Engine, a: Attempt, displayName: string): Outcome | undefined {
  if (!e.outcomes) return undefined;
  return outcomeFor(e.outcomes, {
    facts: {
      name: a.nodeName,
      displayName,
      templateName: a.template.name ?? '',
      attempt: a.attempt,
      inputs: Object.fromEntries(a.inputs.map((p) => [p.name, p.value ?? ''])),
    },
    ...(a.retryNode ? { retryName: a.retryNode.name, retryDisplayName: a.retryNode.displayName } : {}),
  });
}

export function outcomeFor(rules: Readonly<Record<string, OutcomeRule>>, keys: OutcomeKeys): Outcome | undefined {
  const { facts } = keys;
  const candidates = [facts.name, keys.retryName, facts.displayName, keys.retryDisplayName, facts.templateName];
  for (const key of candidates) {
    if (key === undefined || key === '' || !Object.hasOwn(rules, key)) continue;
    const rule = rules[key] as OutcomeRule;
    const outcome = typeof rule === 'function' ? rule(facts) : rule;
    if (outcome !== undefined) return outcome;
  }
  return undefined;
}

/**
 * The engine's one door to the evaluators in `./expr` (Argo's util/template substitution, govaluate for `when`,
 * expr-lang in Argo's environment for hooks, retry expressions and `valueFrom.expression`). Every result is
 * `Evaluated`: a value, or the reason the simulation cannot say, which the caller records. Hooks and retry
 * expressions use `evaluateArgoBool`, output expressions `evaluateValueFrom` (./expr/argo-expression.ts).
 */
import type { Evaluated } from './expr/evaluated.js';
import { evaluateGovaluate } from './expr/govaluate.js';
import { substitute } from './expr/template.js';
import { isMissingVariable } from './expr/when.js';

/** Names to their text, `null` for an absent optional: util/template's map. */
export type Scope = Readonly<Record<string, string | null>>;

/**
 * Substitutes every `{{…}}` tag of every string inside `value` (the controller substitutes a step's or task's JSON the
 * same way); a tag under `tasks.`/`steps.` that cannot be resolved fails, others are kept, as `ReplaceStrict` does.
 */
export function substituteDeep(value: unknown, scope: Scope): Evaluated {
  if (typeof value === 'string') {
    if (!value.includes('{{')) return { ok: true, value };
    return substitute(value, scope);
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) {
      const r = substituteDeep(v, scope);
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const r = substituteDeep(v, scope);
      if (!r.ok) return r;
      out[k] = r.value;
    }
    return { ok: true, value: out };
  }
  return { ok: true, value };
}

/**
 * What a failure means for the node: the simulation's own limit or a reference the controller would wait for for
 * ever (undetermined), or what the controller itself rejects (an error on the node).
 */
export function failurePhase(reason: string): 'Undetermined' | 'Error' {
  return isUnsupported(reason) || isMissingVariable(reason) ? 'Undetermined' : 'Error';
}

/** Argo's `shouldExecute`: an already substituted `when`, evaluated by govaluate (bare words are strings). */
export function evaluateWhen(when: string): Evaluated {
  return evaluateGovaluate(when);
}

/**
 * Whether a failure is the simulation's limit (a construct outside the evaluators' subset: Undetermined) rather
 * than what Argo itself would reject (an error the controller reports on the node).
 */
export function isUnsupported(reason: string): boolean {
  return reason.includes('is not supported by the simulation');
}

/** A scope value as Argo stringifies it into a template. */
export function asString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

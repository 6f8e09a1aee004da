/**
 * The controller's `ProcessArgs` for parameters: each declared input takes the caller's argument, else its own
 * `value`, else its `default`; one with none is an error (`inputs.parameters.x was not supplied`), and a value outside
 * its `enum` is too. A `valueFrom.configMapKeyRef` is read from the cluster, which the simulation has not: it is
 * undetermined unless an argument or default gives it.
 */
import { substituteDeep } from './expressions.js';
import type { Parameter } from './run-state.js';
import type { Template } from './templates.js';

interface DeclaredInput {
  readonly name: string;
  readonly value?: unknown;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly valueFrom?: { readonly configMapKeyRef?: unknown; readonly default?: unknown };
}

export type InputResult =
  | { readonly ok: true; readonly parameters: Parameter[] }
  | { readonly ok: false; readonly phase: 'Error' | 'Undetermined'; readonly reason: string };

/** The caller's argument parameters by name (values already substituted); `null` is an absent optional. */
export function argumentValues(args: Readonly<Record<string, unknown>> | undefined): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const params = (args?.parameters ?? []) as { name: string; value?: unknown }[];
  for (const p of params) {
    if (p.value === null) out.set(p.name, null);
    else if (p.value !== undefined) out.set(p.name, String(p.value));
  }
  return out;
}

/** A template's own value or default, with the workflow's globals substituted (`{{workflow.failures}}`). */
function own(value: unknown, globals: Readonly<Record<string, string | null>>): string {
  const r = substituteDeep(String(value), globals);
  return r.ok ? String(r.value) : String(value);
}

export function processInputs(
  template: Template,
  args: Map<string, string | null>,
  globals: Readonly<Record<string, string | null>>,
): InputResult {
  const declared = (((template.inputs ?? {}) as { parameters?: DeclaredInput[] }).parameters ?? []) as DeclaredInput[];
  const parameters: Parameter[] = [];
  for (const p of declared) {
    const given = args.get(p.name);
    let value: string | undefined = given ?? undefined;
    if (value === undefined && p.value !== undefined && p.value !== null) value = own(p.value, globals);
    if (value === undefined && p.default !== undefined && p.default !== null) value = own(p.default, globals);
    if (value === undefined && p.valueFrom?.configMapKeyRef !== undefined) {
      if (p.valueFrom.default !== undefined) value = String(p.valueFrom.default);
      else
        return {
          ok: false,
          phase: 'Undetermined',
          reason: `inputs.parameters.${p.name} comes from a ConfigMap, which the simulation cannot read (give it as an argument)`,
        };
    }
    if (value === undefined && given === null) {
      return {
        ok: false,
        phase: 'Error',
        reason: `inputs.parameters.${p.name}: argument references an absent optional (skipped/omitted node output with no default)`,
      };
    }
    if (value === undefined)
      return { ok: false, phase: 'Error', reason: `inputs.parameters.${p.name} was not supplied` };
    if (p.enum && p.enum.length > 0 && !p.enum.map(String).includes(value)) {
      return { ok: false, phase: 'Error', reason: `value ${value} is not in enum of parameter ${p.name}` };
    }
    parameters.push({ name: p.name, value });
  }
  return { ok: true, parameters };
}

/** Adds `inputs.parameters.<name>` to a template's scope, for its own substitution. */
export function addInputsToScope(scope: Record<string, string | null>, parameters: readonly Parameter[]): void {
  for (const p of parameters) scope[`inputs.parameters.${p.name}`] = p.value ?? '';
}

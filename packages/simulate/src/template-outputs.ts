/**
 * A steps or DAG template's own outputs, from its children's (`getTemplateOutputsFromScope`): each output parameter
 * is `valueFrom.parameter` (a `{{tasks.x.outputs.parameters.y}}` reference) or `valueFrom.expression`, else its
 * `valueFrom.default`. A reference to a skipped or omitted child's output without a default is an error, as in Argo
 * 4.0.7+; a reference the simulation cannot resolve is undetermined.
 */
import type { Engine } from './engine.js';
import { evaluateValueFrom } from './expr/argo-expression.js';
import { hasName } from './expr/names.js';
import { asString, failurePhase, substituteDeep } from './expressions.js';
import { publishGlobalOutputs } from './global-outputs.js';
import type { NodeOutputs, Parameter } from './run-state.js';
import type { MutableScope } from './scope.js';
import type { Template } from './templates.js';

interface OutputParameter {
  readonly name: string;
  readonly globalName?: string;
  readonly valueFrom?: { readonly parameter?: string; readonly expression?: string; readonly default?: unknown };
}

export type TemplateOutputs =
  | { readonly ok: true; readonly value: NodeOutputs | undefined }
  | { readonly ok: false; readonly phase: 'Error' | 'Undetermined'; readonly reason: string };

/** `{{a.b}}` alone: the name it references. */
const SIMPLE_TAG = /^\{\{\s*([^=][^}]*?)\s*\}\}$/;

/** The output parameters a template declares. */
function declaredParameters(template: Template): readonly OutputParameter[] {
  return (((template.outputs ?? {}) as { parameters?: OutputParameter[] }).parameters ?? []) as OutputParameter[];
}

/** Whether `templateOutputs` reads its scope at all (a DAG's scope of every task is worth building only then). */
export function declaresOutputParameters(template: Template): boolean {
  return declaredParameters(template).length > 0;
}

export function templateOutputs(e: Engine, template: Template, scope: MutableScope): TemplateOutputs {
  const declared = declaredParameters(template);
  if (declared.length === 0) return { ok: true, value: undefined };
  const parameters: Parameter[] = [];
  for (const p of declared) {
    const dflt = p.valueFrom?.default;
    let value: string | undefined;
    if (p.valueFrom?.expression) {
      const r = evaluateValueFrom(p.valueFrom.expression, scope);
      if (r.ok) value = asString(r.value);
      else if (dflt !== undefined) value = asString(dflt);
      else return { ok: false, phase: failurePhase(r.reason), reason: r.reason };
    } else if (p.valueFrom?.parameter !== undefined) {
      const ref = SIMPLE_TAG.exec(p.valueFrom.parameter.trim())?.[1];
      if (ref !== undefined && hasName(scope, ref)) {
        const v = scope[ref];
        if (v === null) {
          if (dflt === undefined) {
            return {
              ok: false,
              phase: 'Error',
              reason: `output parameter "${p.name}": "${p.valueFrom.parameter}" is an absent optional (skipped/omitted node output with no default)`,
            };
          }
          value = asString(dflt);
        } else value = asString(v);
      } else if (dflt !== undefined) value = asString(dflt);
      else {
        const r = substituteDeep(p.valueFrom.parameter, scope);
        if (!r.ok) return { ok: false, phase: 'Undetermined', reason: `outputs.parameters.${p.name}: ${r.reason}` };
        value = asString(r.value);
      }
    } else if (dflt !== undefined) value = asString(dflt);
    else return { ok: false, phase: 'Error', reason: 'output parameters must have a valueFrom specified' };
    parameters.push({ name: p.name, value, ...(p.globalName ? { globalName: p.globalName } : {}) });
  }
  publishGlobalOutputs(e, parameters);
  return { ok: true, value: { parameters } };
}

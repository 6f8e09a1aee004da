import type { Template } from '../gen/types.gen.js';
import { checkArtifactPath } from './artifacts.js';
import { isPlaceholder, list, type Sink, type TemplateAt } from './document.js';
import { checkParamNames, isParamName, PARAM_NAME_RULE } from './names.js';
import { typeName } from './template-rules.js';

/** Outputs of a template (argo-validation-rules.md §8, rules 59–64). */
export function checkOutputs(sink: Sink, at: TemplateAt): void {
  const { template: t } = at;
  const outputs = t.outputs;
  if (!outputs) return;
  const path = `${at.path}/outputs`;
  checkParamNames(sink, outputs, path);
  // Plain loops, pointers built only for what is reported: this runs for every template.
  const artifacts = list(outputs.artifacts);
  for (let i = 0; i < artifacts.length; i++) {
    const a = artifacts[i];
    if (!a || typeof a.name !== 'string') continue;
    const ap = `${path}/artifacts/${i}`;
    checkArtifactPath(sink, t, a, ap, 'outputs');
    checkGlobalName(sink, a.globalName, `${ap}/globalName`, `outputs.artifacts.${a.name}`);
  }
  const parameters = list(outputs.parameters);
  for (let i = 0; i < parameters.length; i++) {
    const p = parameters[i];
    if (!p || typeof p.name !== 'string') continue;
    if (p.globalName !== undefined)
      checkGlobalName(sink, p.globalName, `${path}/parameters/${i}/globalName`, `outputs.parameters.${p.name}`);
    const problem = shapeProblem(p.value, p.valueFrom);
    if (problem)
      sink.error('lint/invalid-output-parameter', `${path}/parameters/${i}`, `outputs.parameters.${p.name} ${problem}`);
    else if (p.valueFrom) {
      const source = sourceProblem(t, p.valueFrom);
      if (source)
        sink.error(
          'lint/invalid-output-parameter',
          `${path}/parameters/${i}/valueFrom`,
          `outputs.parameters.${p.name}${source}`,
        );
    }
  }
}

function checkGlobalName(sink: Sink, name: string | undefined, path: string, ref: string): void {
  if (name !== undefined && !isPlaceholder(name) && !isParamName(name))
    sink.error('lint/invalid-name', path, `${ref}.globalName: '${name}' is invalid: ${PARAM_NAME_RULE}`);
}

type ValueFrom = NonNullable<NonNullable<Template['outputs']>['parameters']>[number]['valueFrom'];

/** Exactly one of value and valueFrom, and one valueFrom source (rule 62). */
function shapeProblem(value: unknown, vf: ValueFrom): string | undefined {
  if (vf && value !== undefined) return 'has both valueFrom and value specified, choose one';
  if (value !== undefined) return undefined;
  if (!vf) return 'does not have valueFrom or value specified';
  // Counted field by field (no array per parameter): every output parameter of every template comes here.
  const count =
    (vf.path ? 1 : 0) +
    (vf.jqFilter ? 1 : 0) +
    (vf.jsonPath ? 1 : 0) +
    (vf.parameter ? 1 : 0) +
    (vf.expression ? 1 : 0) +
    (vf.supplied !== undefined ? 1 : 0);
  if (count === 0)
    return 'valueFrom type unspecified. choose one of: path, jqFilter, jsonPath, parameter, raw, expression';
  if (count > 1)
    return 'multiple valueFrom types specified. choose one of: path, jqFilter, jsonPath, parameter, raw, expression';
  return undefined;
}

/** The valueFrom source each template type can use (rule 63). */
function sourceProblem(t: Template, vf: NonNullable<ValueFrom>): string | undefined {
  if (t.container || t.containerSet || t.script)
    return vf.path ? undefined : `.path must be specified for ${typeName(t)} templates`;
  if (t.resource)
    return vf.jqFilter || vf.jsonPath ? undefined : ' .jqFilter or jsonPath must be specified for Resource templates';
  if (t.steps || t.dag) {
    if (vf.parameter && vf.expression)
      return ` shouldn't have both \`from\` and \`expression\` specified in \`ValueFrom\` for ${typeName(t)} templates`;
    return vf.parameter || vf.expression
      ? undefined
      : `.parameter or expression must be specified for ${typeName(t)} templates`;
  }
  return undefined;
}

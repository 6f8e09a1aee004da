import type { Arguments } from '../gen/types.gen.js';
import { list, type Sink } from './document.js';
import { checkParamNames } from './names.js';
import { locationsOf } from './template-refs.js';

/**
 * Names and values of `spec.arguments` and of step and task arguments (rules 10, 11, 36, 50). `allowEmpty` is Argo's
 * `allowEmptyValues`: true for `spec.arguments` under lint and for WorkflowTemplates, false for a CronWorkflow's
 * embedded spec and for every step and task.
 */
export function checkArguments(
  sink: Sink,
  args: Arguments | undefined,
  path: string,
  prefix: string,
  allowEmpty: boolean,
  /** Said after a missing value's message: where Argo refuses it, when that is not at lint. */
  missingNote = '',
): void {
  if (!args) return;
  checkParamNames(sink, args, path);
  const parameters = list(args.parameters);
  for (let i = 0; i < parameters.length; i++) {
    const p = parameters[i];
    if (typeof p?.name !== 'string') continue;
    const hasValue = p.value !== undefined && p.value !== null;
    const missing = !hasValue && !p.valueFrom && !allowEmpty;
    const vf = p.valueFrom;
    const badFrom = !!vf && !!(vf.path || vf.jsonPath || vf.jqFilter || vf.parameter || vf.expression);
    if (!missing && !badFrom && p.enum === undefined) continue; // the usual case: no pointer or message to build
    const at = `${path}/parameters/${i}`;
    const ref = `${prefix}${p.name}`;
    if (missing) sink.error('lint/missing-value', at, `${ref}.value or ${ref}.valueFrom is required${missingNote}`);
    if (badFrom)
      sink.error(
        'lint/invalid-value-from',
        `${at}/valueFrom`,
        `${ref}.valueFrom only allows: default, configMapKeyRef and supplied`,
      );
    if (p.enum !== undefined) {
      if (p.enum.length === 0)
        sink.error('lint/invalid-enum', `${at}/enum`, `${ref}.enum should contain at least one value`);
      else if (!hasValue) {
        if (!allowEmpty) sink.error('lint/invalid-enum', at, `${ref}.value is required`);
      } else if (!p.enum.map(String).includes(String(p.value)))
        sink.error(
          'lint/invalid-enum',
          `${at}/value`,
          `${ref}.value should be present in ${ref}.enum list (got '${p.value}'; allowed: ${p.enum.join(', ')})`,
        );
    }
  }
  list(args.artifacts).forEach((a, i) => {
    if (typeof a?.name !== 'string') return;
    const at = `${path}/artifacts/${i}`;
    const ref = `${prefix}${a.name}`;
    if (!allowEmpty && !a.from && !a.fromExpression && locationsOf(a).length === 0)
      sink.error('lint/missing-value', at, `${ref}.from, artifact location, or key is required`);
    if (a.from && a.fromExpression)
      sink.error('lint/invalid-artifact', at, `${ref} shouldn't have both \`from\` and \`fromExpression\` in Artifact`);
  });
}

import { isObject, type LintDoc, list } from './document.js';
import { stringsIn } from './tags.js';

/** Our own warnings: input parameters a template never reads, and templates nothing runs. */
export function checkWarnings(d: LintDoc): void {
  for (const at of d.templates) {
    const text = stringsIn(at.template).join('\n');
    if (text.includes('inputs.parameters}}') || /inputs\.parameters\s*\}\}/.test(text)) continue;
    list(at.template.inputs?.parameters).forEach((p, i) => {
      if (typeof p?.name !== 'string' || usesInput(text, p.name)) return;
      d.sink.warn(
        'lint/unused-input',
        `${at.path}/inputs/parameters/${i}`,
        `input parameter '${p.name}' is never used in template '${at.name}'`,
      );
    });
  }
  if (!d.library) checkReachable(d);
}

function usesInput(text: string, name: string): boolean {
  return (
    text.includes(`inputs.parameters.${name}`) ||
    text.includes(`inputs.parameters['${name}']`) ||
    text.includes(`inputs.parameters["${name}"]`)
  );
}

/** Templates of a Workflow or CronWorkflow that neither the entrypoint, onExit nor a hook reaches. */
function checkReachable(d: LintDoc): void {
  const roots: string[] = [];
  if (d.spec.entrypoint) roots.push(d.spec.entrypoint);
  if (d.spec.onExit) roots.push(d.spec.onExit);
  let dynamic = false;
  const collect = (value: unknown, out: string[], underRef = false): void => {
    if (Array.isArray(value)) for (const v of value) collect(v, out, underRef);
    else if (isObject(value))
      for (const [k, v] of Object.entries(value)) {
        if (!underRef && (k === 'template' || k === 'onExit') && typeof v === 'string') {
          if (v.includes('{{')) dynamic = true;
          out.push(v);
        } else collect(v, out, underRef || k === 'templateRef');
      }
  };
  collect(d.spec.hooks, roots);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const at = d.byName.get(name);
    if (at) collect(at.template, queue);
  }
  if (dynamic || !d.spec.entrypoint) return;
  for (const at of d.templates)
    if (at.name && !seen.has(at.name))
      d.sink.warn(
        'lint/unreachable-template',
        `${at.path}/name`,
        `template '${at.name}' is never used: neither the entrypoint, onExit nor a hook reaches it`,
      );
}

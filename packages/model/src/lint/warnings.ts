import { isObject, type LintDoc, list } from './document.js';
import { stringsIn } from './tags.js';

/** Our own warnings: input parameters a template never reads, and templates nothing runs. */
export function checkWarnings(d: LintDoc): void {
  for (const at of d.templates) {
    const params = list(at.template.inputs?.parameters);
    if (params.length === 0) continue; // nothing to warn about: the template's text is not needed
    const text = (d.strings.get(at.template) ?? stringsIn(at.template)).join('\n');
    if (readsAllInputs(text)) continue;
    params.forEach((p, i) => {
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

/** `{{inputs.parameters}}` (all of them as JSON), spaces allowed before the braces close. */
function readsAllInputs(text: string): boolean {
  // Each occurrence of the name is tried with a sticky regex: a plain search of the whole text for the pattern is
  // slow, and nearly every template reads `inputs.parameters.<name>`.
  const name = 'inputs.parameters';
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    CLOSE_AFTER.lastIndex = at + name.length;
    if (CLOSE_AFTER.test(text)) return true;
  }
  return false;
}

const CLOSE_AFTER = /\s*\}\}/y;

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

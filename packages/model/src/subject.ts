import { segmentsOf } from './json-pointer.js';
import { quote } from './quote.js';

/**
 * Names the template, task or step a JSON pointer falls in, the way Argo's own messages do, so that
 * `/spec/templates/3/dag/tasks/1/arguments` reads as `template 'deploy', task 'perf'`. One walk down the pointer:
 * every issue of a document gets its subject here.
 */
export function subjectOf(doc: unknown, ptr: string): string | undefined {
  const segments = segmentsOf(ptr);
  const names: string[] = [];
  let here: unknown = doc;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    here = here !== null && typeof here === 'object' ? (here as Record<string, unknown>)[segment] : undefined;
    const parent = segments[i - 1];
    const grand = segments[i - 2];
    if (parent === 'templates' && (grand === 'spec' || grand === 'workflowSpec'))
      names.push(`template ${quote(nameOf(here, segment))}`);
    else if (parent === 'tasks' && grand === 'dag') names.push(`task ${quote(nameOf(here, segment))}`);
    else if (grand === 'steps' && /^\d+$/.test(parent ?? '')) names.push(`step ${quote(nameOf(here, segment))}`);
    else if (parent === 'containers' && grand === 'containerSet')
      names.push(`container ${quote(nameOf(here, segment))}`);
  }
  return names.length > 0 ? names.join(', ') : undefined;
}

/** The `name` of a list item, or `#<index>` when it has none. */
function nameOf(value: unknown, segment: string): string {
  const name = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : `#${segment}`;
}

import { pointer, segmentsOf, valueAt } from './json-pointer.js';
import { quote } from './quote.js';

/**
 * Names the template, task or step a JSON pointer falls in, the way Argo's own messages do, so that
 * `/spec/templates/3/dag/tasks/1/arguments` reads as `template 'deploy', task 'perf'`.
 */
export function subjectOf(doc: unknown, ptr: string): string | undefined {
  const segments = segmentsOf(ptr);
  const names: string[] = [];
  const prefix: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    prefix.push(segments[i] as string);
    const parent = segments[i - 1];
    const grand = segments[i - 2];
    const here = () => nameAt(doc, prefix);
    if (parent === 'templates' && (grand === 'spec' || grand === 'workflowSpec'))
      names.push(`template ${quote(here())}`);
    else if (parent === 'tasks' && grand === 'dag') names.push(`task ${quote(here())}`);
    else if (grand === 'steps' && /^\d+$/.test(parent ?? '')) names.push(`step ${quote(here())}`);
    else if (parent === 'containers' && grand === 'containerSet') names.push(`container ${quote(here())}`);
  }
  return names.length > 0 ? names.join(', ') : undefined;
}

function nameAt(doc: unknown, segments: readonly string[]): string {
  const value = valueAt(doc, pointer(segments));
  const name = value !== null && typeof value === 'object' ? (value as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : `#${segments[segments.length - 1]}`;
}

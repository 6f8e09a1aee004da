import type { Call } from './task.js';
import { expressionsIn } from './tokens.js';

const TASK_REF = /(?:^|[^\w.'\]])(tasks|steps)(?:\.([A-Za-z0-9][-A-Za-z0-9]*)|\['([^']+)'\])/g;

/** Names of the tasks (or steps) whose values a call reads: in its arguments, `when` and loop source. */
export function referencedCalls(call: Call, prefix: 'tasks' | 'steps'): string[] {
  const names = new Set<string>();
  for (const p of call.arguments?.parameters ?? []) addReferences(String(p.value ?? ''), prefix, names);
  for (const a of call.arguments?.artifacts ?? []) addReferences(String(a.from ?? ''), prefix, names);
  if (call.when) addReferences(call.when, prefix, names);
  if (call.loop?.withParam) addReferences(call.loop.withParam, prefix, names);
  names.delete(call.name); // `{{tasks.self.…}}` inside hooks or retries is not a dependency
  return [...names];
}

function addReferences(text: string, prefix: 'tasks' | 'steps', names: Set<string>): void {
  for (const expression of expressionsIn(text)) {
    // exec, not matchAll: matchAll copies the regex for every expression (TASK_REF is global; lastIndex is reset)
    TASK_REF.lastIndex = 0;
    for (let m = TASK_REF.exec(expression); m !== null; m = TASK_REF.exec(expression)) {
      if (m[1] === prefix) names.add((m[2] ?? m[3]) as string);
    }
  }
}

import type { Call } from './task.js';
import { expressionsIn } from './tokens.js';

const TASK_REF = /(?:^|[^\w.'\]])(tasks|steps)(?:\.([A-Za-z0-9][-A-Za-z0-9]*)|\['([^']+)'\])/g;

/** Names of the tasks (or steps) whose values a call reads: in its arguments, `when` and loop source. */
export function referencedCalls(call: Call, prefix: 'tasks' | 'steps'): string[] {
  const names = new Set<string>();
  const scan = (text: string) => {
    for (const expression of expressionsIn(text)) {
      for (const m of expression.matchAll(TASK_REF)) {
        if (m[1] === prefix) names.add((m[2] ?? m[3]) as string);
      }
    }
  };
  for (const p of call.arguments?.parameters ?? []) scan(String(p.value ?? ''));
  for (const a of call.arguments?.artifacts ?? []) scan(String(a.from ?? ''));
  if (call.when) scan(call.when);
  if (call.loop?.withParam) scan(call.loop.withParam);
  names.delete(call.name); // `{{tasks.self.…}}` inside hooks or retries is not a dependency
  return [...names];
}

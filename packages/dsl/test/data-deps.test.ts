import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referencedCalls } from '../src/data-deps.js';
import type { Call } from '../src/task.js';
import { expressionsIn, rawToken, token } from '../src/tokens.js';

// referencedCalls reads a handle's own path (`tasks.<name>.…`) without a regex, and everything else with one. Both
// must find what the one regex over every expression finds: this is that regex, applied the way it was before.
const TASK_REF = /(?:^|[^\w.'\]])(tasks|steps)(?:\.([A-Za-z0-9][-A-Za-z0-9]*)|\['([^']+)'\])/g;
const TOKEN = /\u0091([^\u0092]*)\u0092/g;

function expected(texts: readonly string[], prefix: 'tasks' | 'steps', self: string): string[] {
  const names = new Set<string>();
  for (const text of texts)
    for (const [, expression] of text.matchAll(TOKEN))
      for (const m of (expression as string).matchAll(TASK_REF))
        if (m[1] === prefix) names.add((m[2] ?? m[3]) as string);
  names.delete(self);
  return [...names];
}

function call(texts: readonly string[], name: string): Call {
  return {
    name,
    arguments: { parameters: texts.map((value, i) => ({ name: `p${i}`, value })) },
  } as unknown as Call;
}

const segment = fc.constantFrom('tasks', 'steps', 'a', 'b-1', 'my-tasks', 'steps-x', 'outputs', 'result', '_x', '');
const expression = fc.oneof(
  fc.array(segment, { minLength: 1, maxLength: 6 }).map((s) => s.join('.')),
  fc.constantFrom("tasks['odd name'].outputs.result", 'tasks.a.status == tasks.b.status', '=tasks.c.id', 'x-tasks.d'),
  fc.stringMatching(/^[-a-z.'[\] =_]{0,24}$/),
);
const text = fc
  .array(fc.oneof(expression.map(token), expression.map(rawToken), fc.constantFrom('echo ', ' | tee', '{{x}}', '')), {
    maxLength: 4,
  })
  .map((parts) => parts.join(''));

describe('referencedCalls', () => {
  it('finds the names the task-reference regex finds, in order, without the call itself', () => {
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 4 }),
        fc.constantFrom('tasks', 'steps'),
        fc.constantFrom('a', 'x'),
        (texts, prefix, self) => {
          expect(referencedCalls(call(texts, self), prefix)).toEqual(expected(texts, prefix, self));
        },
      ),
      { numRuns: 3000 },
    );
  });
  it('reads tokens the way the token pattern does, an unclosed one included', () => {
    for (const t of ['\u0091a\u0091b\u0092c\u0092', '\u0091a', 'x\u0091a\u0092\u0091\u0092y', '\u0092\u0091b\u0092']) {
      expect(expressionsIn(t)).toEqual([...t.matchAll(TOKEN)].map((m) => m[1]));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { and, andAtoms, dependsAtom, not, or } from '../src/depends.js';
import { Ref } from '../src/ref.js';
import { step, task } from '../src/task.js';
import { container } from '../src/template.js';

describe('andAtoms: and() of a depends and plain atoms, without an atom per name', () => {
  const a = dependsAtom('a', 'Succeeded');
  const cases = [
    ['nothing', undefined, []],
    ['one name', undefined, ['x']],
    ['names', undefined, ['x', 'y', 'z']],
    ['an atom alone', a, []],
    ['an atom and names', a, ['x', 'y']],
    ['an or (parenthesised)', or(a, dependsAtom('b')), ['x']],
    ['an and', and(a, dependsAtom('b')), ['x']],
    ['a not', not(a), ['x', 'y']],
  ] as const;
  it.each(cases)('%s', (_label, first, names) => {
    const parts = [...(first ? [first] : []), ...names.map((n) => dependsAtom(n))];
    expect(andAtoms(first, names)).toStrictEqual(parts.length ? and(...parts) : undefined);
    if (parts.length) expect(Object.isFrozen(andAtoms(first, names)?.tasks)).toBe(true);
  });
});

describe('a task’s atoms and run-time handles', () => {
  const build = task('build', container('c', { image: 'alpine' }));
  it('are the atoms dependsAtom makes, frozen', () => {
    const atoms = {
      done: build.done,
      succeeded: build.succeeded,
      failed: build.failed,
      errored: build.errored,
      skipped: build.skipped,
      omitted: build.omitted,
      daemoned: build.daemoned,
      anySucceeded: build.anySucceeded,
      allFailed: build.allFailed,
    };
    expect(atoms).toStrictEqual({
      done: dependsAtom('build'),
      succeeded: dependsAtom('build', 'Succeeded'),
      failed: dependsAtom('build', 'Failed'),
      errored: dependsAtom('build', 'Errored'),
      skipped: dependsAtom('build', 'Skipped'),
      omitted: dependsAtom('build', 'Omitted'),
      daemoned: dependsAtom('build', 'Daemoned'),
      anySucceeded: dependsAtom('build', 'AnySucceeded'),
      allFailed: dependsAtom('build', 'AllFailed'),
    });
    for (const a of Object.values(atoms)) expect(Object.isFrozen(a) && Object.isFrozen(a.tasks)).toBe(true);
  });
  it('render the task’s and the step’s run-time fields', () => {
    const s = step('deploy', container('d', { image: 'alpine' }));
    const fields = ['status', 'exitCode', 'id', 'startedAt', 'finishedAt', 'ip'] as const;
    expect(fields.map((f) => `${build[f]}|${s[f]}`)).toStrictEqual(
      fields.map((f) => `${new Ref(['tasks', 'build', f])}|${new Ref(['steps', 'deploy', f])}`),
    );
    expect('succeeded' in s).toBe(false); // steps have no depends atoms
    expect(Object.isFrozen(build.status)).toBe(true);
  });
  it('cannot be overwritten: a task is frozen, its handles are getters of a frozen prototype', () => {
    expect(() => {
      (build as { status: unknown }).status = 'x';
    }).toThrow(TypeError);
    expect(String(build.status)).toBe(String(new Ref(['tasks', 'build', 'status'])));
  });
});

import { describe, expect, it } from 'vitest';
import { and, andAtoms, dependsAtom, not, or, resultAtoms } from '../src/depends.js';

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

describe('resultAtoms: a task’s nine atoms', () => {
  it('are the atoms dependsAtom makes, sharing one frozen list of the name', () => {
    const atoms = resultAtoms('build');
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
    expect(new Set(Object.values(atoms).map((a) => a.tasks)).size).toBe(1);
    for (const a of Object.values(atoms)) expect(Object.isFrozen(a) && Object.isFrozen(a.tasks)).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSIGNMENTS, credentialIn, MAYBE_CREDENTIAL } from '../src/security/secrets.js';

/**
 * The plain definition of a `NAME=value` assignment. The lint's pattern adds a lookbehind so that a run of name
 * characters not ending in `=` is scanned once instead of once per letter; it must find exactly the same names and
 * values.
 */
const PLAIN = /([A-Za-z_][\w.-]*)=(?=([^\s,;]+))/g;

const pairs = (pattern: RegExp, text: string): [string, string][] =>
  [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => [m[1] as string, m[2] as string]);

describe('the NAME=value pattern of security/secret-literal', () => {
  const fast = ASSIGNMENTS[0] as RegExp;

  it('finds the same names and values as the plain definition', () => {
    // Characters that matter to either pattern: name characters of each class, separators, and the rest.
    const char = fc.constantFrom(...'aZ_9.-=,; \t\n"x:/#$');
    fc.assert(
      fc.property(fc.string({ unit: char, maxLength: 40 }), (text) => {
        expect(pairs(fast, text)).toEqual(pairs(PLAIN, text));
      }),
      { seed: 18, numRuns: 2000 },
    );
  });

  it('yields each assignment of a chained argument and skips leading digits, dots and dashes', () => {
    expect(pairs(fast, '--build-arg=NPM_TOKEN=abc 9.x=1 -=2')).toEqual([
      ['build-arg', 'NPM_TOKEN=abc'],
      ['NPM_TOKEN', 'abc'],
      ['x', '1'],
    ]);
  });
});

describe('the prefilter of security/secret-literal', () => {
  // One text the lint reports for each shape and each kind of assignment.
  const found = [
    '-----BEGIN RSA PRIVATE KEY-----',
    'AKIAIOSFODNN7EXAMPLE',
    'ASIAIOSFODNN7EXAMPLE',
    `ghp_${'a1'.repeat(18)}`,
    `glpat-${'x'.repeat(20)}`,
    'xoxb-1234567890',
    `npm_${'A9'.repeat(18)}`,
    `AIza${'b'.repeat(35)}`,
    `rk_live_${'0'.repeat(16)}`,
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghij',
    'HTTPS://user:hunter2@example.com',
    'DB_PASSWORD=hunter2',
    '--build-arg=NPM_TOKEN=abc',
    'run --api-key=abc123',
    '{"client_secret": "s3cr3t"}',
    'x\n  AccessKey: abc',
    'auth=xyz',
    'Authorization=Bearer1',
    'my_credential=abc',
  ];

  it('lets through every text with a finding', () => {
    for (const text of found) {
      expect(credentialIn(text), text).toBeDefined();
      expect(MAYBE_CREDENTIAL.test(text), text).toBe(true);
    }
  });

  it('holds of every text that credentialIn reports: edits of reported texts, found or not', () => {
    // Edits near the texts above, so that both sides of each pattern's edge are tried: a character deleted, replaced
    // or inserted (from the characters that matter to the patterns), and text around them.
    const char = fc.constantFrom(...'aZ_9.-=:,;/@ \t\n"\'{}$<>xkKyYsS');
    const edit = fc.oneof(
      fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('replace' as const), at: fc.nat(), c: char }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), c: char }),
    );
    const apply = (text: string, e: { readonly op: string; readonly at: number; readonly c?: string }) => {
      const i = text.length === 0 ? 0 : e.at % text.length;
      if (e.op === 'delete') return text.slice(0, i) + text.slice(i + 1);
      if (e.op === 'replace') return text.slice(0, i) + (e.c ?? '') + text.slice(i + 1);
      return text.slice(0, i) + (e.c ?? '') + text.slice(i);
    };
    let reported = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...found),
        fc.array(edit, { maxLength: 4 }),
        fc.string({ unit: char, maxLength: 6 }),
        fc.string({ unit: char, maxLength: 6 }),
        (text, edits, before, after) => {
          const edited = before + edits.reduce(apply, text) + after;
          const what = credentialIn(edited);
          if (what !== undefined) reported++;
          expect(what === undefined || MAYBE_CREDENTIAL.test(edited), edited).toBe(true);
        },
      ),
      { seed: 18, numRuns: 5000 },
    );
    // The edits keep many texts reportable, so the implication is tried where it can fail.
    expect(reported).toBeGreaterThan(1000);
  });
});

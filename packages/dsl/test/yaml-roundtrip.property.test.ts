import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from '../src/index.js';

/**
 * Strings chosen to break YAML emitters: YAML 1.1 booleans and octals, sexagesimals, dates, underscores in numbers,
 * indicators, Argo expressions, whitespace at the edges, tabs, newlines, unicode (including the DSL's private-use
 * token characters), and random text built from those pieces.
 */
const pieces = [
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'N',
  'true',
  'null',
  '~',
  '0755',
  '0o17',
  '0x1f',
  '0b11',
  '1_000',
  '1:20',
  '12:30:45',
  '2024-01-01',
  '.inf',
  '.NaN',
  '-',
  '?',
  ':',
  '#',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  "'",
  '"',
  '{{',
  '}}',
  '{',
  '}',
  '[',
  ']',
  ',',
  '=',
  '<<',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '\\',
  'é',
  '中',
  '\uE000',
  '\u2028',
  '\u0085',
  '💥',
  '0',
  '1',
  '.',
  'e',
  '+',
];
/** Whitespace-heavy text: where block scalars and their indentation go wrong. */
const blank = fc
  .array(fc.constantFrom(' ', '  ', '\n', '\t', '\r', 'x', '#', '-', ':'), { maxLength: 8 })
  .map((p) => p.join(''));
const adversarial = fc.oneof(
  fc.constantFrom(...pieces),
  blank,
  fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const scalar = fc.oneof(
  adversarial,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);

const { document } = fc.letrec((tie) => ({
  document: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('document'), { maxLength: 4 }),
  object: fc.dictionary(adversarial, tie('document'), { maxKeys: 5 }),
}));

// `-0` and `__proto__` are JSON-like but not stable through any YAML library's JS mapping; they are excluded above
// (and `__proto__` is dropped by fc.dictionary by default).
describe('toYaml round trip (fast-check)', () => {
  it('random JSON-like documents read back equal with YAML 1.1 (Argo) and YAML 1.2 readers', () => {
    fc.assert(
      fc.property(document, (doc) => {
        const yaml = toYaml(doc);
        expect(parse(yaml, { version: '1.1' })).toEqual(doc);
        expect(parse(yaml)).toEqual(doc);
        expect(toYaml(doc)).toBe(yaml);
      }),
      { numRuns: 1500 },
    );
  });

  it('every adversarial string survives as a key and as a value', () => {
    fc.assert(
      fc.property(adversarial, (s) => {
        const doc = { [s]: s, list: [s], nested: { name: s, value: s } };
        const yaml = toYaml(doc);
        expect(parse(yaml, { version: '1.1' })).toEqual(doc);
        expect(parse(yaml)).toEqual(doc);
      }),
      { numRuns: 3000 },
    );
  });
});

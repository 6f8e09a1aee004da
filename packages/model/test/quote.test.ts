import { describe, expect, it } from 'vitest';
import { clip, QUOTE_LIMIT, quote } from '../src/quote.js';

describe('quote and clip: a bounded prefix of a user value, on one line', () => {
  it('quotes short values as they are', () => {
    expect(quote('deploy')).toBe("'deploy'");
    expect(quote(42)).toBe("'42'");
  });

  it('shows at most the limit, then the full length', () => {
    const long = 'x'.repeat(QUOTE_LIMIT + 1);
    expect(quote(long)).toBe(`'${'x'.repeat(QUOTE_LIMIT)}…' (${QUOTE_LIMIT + 1} characters)`);
    expect(quote('abcdef', 3)).toBe("'abc…' (6 characters)");
    expect(clip('abcdef', 3)).toBe('abc…');
    expect(quote('x'.repeat(QUOTE_LIMIT))).toBe(`'${'x'.repeat(QUOTE_LIMIT)}'`);
  });

  it('escapes line breaks and control characters', () => {
    expect(quote('a\nb\r\u0000\u001b')).toBe("'a\\nb\\r\\u0000\\u001b'");
    expect(clip('first\nsecond')).toBe('first\\nsecond');
  });
});

// The unit suites' fast-check properties draw the same inputs on every run (test/fast-check-seed.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED } from './fast-check-seed.js';

describe('fast-check in the unit suites', () => {
  it('has one fixed seed: a property without its own draws the same inputs every time', () => {
    expect(fc.readConfigureGlobal().seed).toBe(Number(process.env.ARGO_GEN_FC_SEED?.trim() || DEFAULT_SEED));
    const draw = () => fc.sample(fc.array(fc.string(), { maxLength: 5 }), 20);
    expect(draw()).toEqual(draw());
  });
});

import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../src/command-names.js';
import { programCommandNames } from '../src/program.js';

describe('COMMAND_NAMES', () => {
  it("is the program's commands, so that the bin names each command's code cache entries after it", () => {
    expect([...COMMAND_NAMES].sort()).toEqual(programCommandNames().sort());
  });
});

import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../src/command-names.js';
import { buildProgram } from '../src/program.js';

describe('COMMAND_NAMES', () => {
  it("is the program's commands, so that the bin names each command's code cache entries after it", () => {
    const program = buildProgram({ stdout: () => {}, stderr: () => {}, isTTY: false, cwd: process.cwd() }, () => {});
    expect([...COMMAND_NAMES].sort()).toEqual(program.commands.map((c) => c.name()).sort());
  });
});

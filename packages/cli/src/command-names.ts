/**
 * The CLI's commands (program.ts, cluster-commands.ts), known before the program loads: the bin keeps compiled code
 * per command (code-cache.ts), and a word that names no command (a typo) gets no entries of its own.
 * `packages/cli/test/command-names.test.ts` holds this list to the program's.
 */
export const COMMAND_NAMES: readonly string[] = [
  'validate',
  'generate',
  'check',
  'import',
  'graph',
  'simulate',
  'init',
  'apply',
  'submit',
  'resume',
  'list',
  'types',
  'get',
  'delete',
];

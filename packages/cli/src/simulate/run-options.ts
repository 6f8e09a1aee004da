import type { Command } from 'commander';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * The flags that decide a simulated run, shared by `simulate` and `graph --simulate`. Kept apart from the command
 * implementations so that building the command line loads nothing of the simulation.
 */
export function addRunOptions(command: Command): Command {
  return command
    .option('-p, --parameter <name=value>', 'a workflow parameter (repeatable), checked as submit checks it', collect)
    .option('--fail <node>', 'this node (name, display name or template) fails (repeatable)', collect)
    .option('--error <node>', 'this node ends in Error (repeatable)', collect)
    .option('--approve <node>', 'this suspend node is resumed (repeatable; the default)', collect)
    .option('--reject <node>', 'this suspend node is stopped, and fails (repeatable)', collect)
    .option('--wait <node>', 'this suspend node is left waiting (repeatable)', collect)
    .option(
      '--outcomes <file>',
      'a JSON or YAML mapping of node names to outcomes: a phase, approve/reject/wait, or { phase, exitCode, message, parameters, result, artifacts, durationSeconds }',
    );
}

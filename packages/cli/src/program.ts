import { readFileSync } from 'node:fs';
import { formatIssue } from '@argo-gen/model';
import { Command, CommanderError, Option } from 'commander';
import { type ArgoVersionFlag, argoVersionOption } from './argo-version-option.js';
import { addClusterCommands } from './cluster-commands.js';
import type { GraphOptions } from './commands/graph.js';
import type { SimulateFlags } from './commands/simulate.js';
import { EXIT, type Io } from './io.js';
import { LIMIT_ENV, type LimitFlags, setLimitsFrom } from './limits.js';
import { podSecurityOption, securityOption } from './security-flags.js';
import { addRunOptions } from './simulate/run-options.js';
import { parseKinds } from './validate-kinds.js';

type SecurityModeFlag = 'default' | 'strict' | 'off';

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

/**
 * Builds the `argo-gen` command line. Each command imports its implementation lazily, so that `--help` and the fast
 * commands never pay for the heavy ones (client-node, ts-morph).
 */
function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('argo-gen')
    .description('Typed Argo Workflows: validate, generate and submit Argo YAML from TypeScript')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)')
    .option(
      '--module-timeout <duration>',
      `longest time one TypeScript module may take to load (default: $${LIMIT_ENV.moduleTimeout}, else 60s)`,
    )
    .option(
      '--max-file-size <size>',
      `largest input file read, e.g. 512KiB (default: $${LIMIT_ENV.maxFileSize}, else 16MiB)`,
    );
  // The limits apply to whichever command runs; a malformed one is a usage error before it starts.
  program.hook('preAction', (_program, action) => {
    const problems = setLimitsFrom(action.optsWithGlobals() as LimitFlags, io.env ?? {});
    if (problems.length > 0) {
      for (const p of problems) io.stderr(`${formatIssue(p)}\n`);
      throw new CommanderError(EXIT.usage, 'usage/bad-limit', 'bad limit');
    }
  });

  program
    .command('validate')
    .description(
      "Check Argo YAML or TypeScript workflows against Argo's schema and rules, as `argo lint --strict` would",
    )
    .argument('<inputs...>', 'YAML files, TypeScript modules, directories (searched recursively) or quoted globs')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(argoVersionOption())
    .addOption(securityOption())
    .addOption(podSecurityOption())
    .option(
      '--kinds <kinds>',
      'which kinds to check, as `argo lint --kinds`: all (default) or a list of workflows, workflowtemplates, cronworkflows, clusterworkflowtemplates, workfloweventbindings',
      parseKinds,
    )
    .option(
      '--allow-missing-refs',
      'a templateRef or workflowTemplateRef to a template not among the inputs is a warning (taken to exist on the cluster), not an error',
    )
    .addHelpText(
      'after',
      '\nTemplates of other repositories or of the cluster: give the module `argo-gen types` wrote as an input, and templateRefs to them are checked against their declarations.' +
        '\nExit codes: 0 every document is valid (or skipped: non-Argo kinds), 1 a document is invalid or an input is unreadable, 2 usage error.',
    )
    .action(
      async (
        inputs: string[],
        opts: {
          format: 'text' | 'json';
          argoVersion?: ArgoVersionFlag;
          security?: SecurityModeFlag;
          podSecurity?: 'baseline' | 'restricted';
          kinds?: readonly string[];
          allowMissingRefs?: boolean;
        },
      ) => {
        const { validateCommand } = await import('./commands/validate.js');
        setExit(await validateCommand(inputs, opts, io));
      },
    );

  program
    .command('generate')
    .description(
      'Write one YAML file per exported workflow value of the TypeScript modules (atomically: all or nothing)',
    )
    .argument(
      '[inputs...]',
      'TypeScript modules or directories (default: the targets of argo-gen.config.ts, else templates/)',
    )
    .option('-o, --out <dir>', 'output directory (default: from argo-gen.config.ts, else generated/)')
    .addOption(argoVersionOption())
    .addOption(securityOption())
    .addHelpText(
      'after',
      '\nDeletes only generated files it owns (a run over a whole configured target). Exit codes: 0 written, 1 an input is invalid or an output cannot be written (nothing was written), 2 usage error, 130 interrupted (the old files or the new ones remain, as a set).',
    )
    .action(
      async (inputs: string[], opts: { out?: string; argoVersion?: ArgoVersionFlag; security?: SecurityModeFlag }) => {
        const { generateCommand } = await import('./commands/generate.js');
        setExit(await generateCommand(inputs, opts, io));
      },
    );

  program
    .command('check')
    .description('Fail when generated YAML is stale, missing or no longer produced (for CI)')
    .argument('[inputs...]', 'as for generate')
    .option('-o, --out <dir>', 'output directory, as for generate')
    .addOption(argoVersionOption())
    .addOption(securityOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 every generated file matches its source, 1 a file is stale, missing or extra, or a generate run was interrupted (each is named), 2 usage error.',
    )
    .action(
      async (inputs: string[], opts: { out?: string; argoVersion?: ArgoVersionFlag; security?: SecurityModeFlag }) => {
        const { checkCommand } = await import('./commands/generate.js');
        setExit(await checkCommand(inputs, opts, io));
      },
    );

  program
    .command('import')
    .description(
      'Write DSL TypeScript from Argo YAML (Workflow, WorkflowTemplate, ClusterWorkflowTemplate, CronWorkflow)',
    )
    .argument('<yaml...>', 'YAML files, directories (searched recursively) or quoted globs')
    .option('-o, --out <dir>', 'write one .ts module per YAML file into this directory (default: print to stdout)')
    .option('--force', 'with -o: overwrite existing files that `argo-gen import` did not write from the same input')
    .option('--allow-loss', 'exit 0 although some fields of the input could not be carried (each is still listed)')
    .addHelpText(
      'after',
      '\nThe summary counts the files, the escape hatches used (rawTemplate, raw tasks/steps, raw()) and the losses:' +
        ' fields neither the DSL nor an escape hatch carries, each listed, each failing the command unless --allow-loss.' +
        '\nWith -o, an existing file is overwritten only if `argo-gen import` wrote it from the same input (else --force);' +
        ' two inputs with the same name are refused.' +
        '\nExit codes: 0 imported, 1 a file is unreadable, holds no workflow, was not written or lost a field, 2 usage error.',
    )
    .action(async (files: string[], opts: { out?: string; force?: boolean; allowLoss?: boolean }) => {
      const { importCommand } = await import('./commands/import.js');
      setExit(importCommand(files, opts, io));
    });

  const graph = program
    .command('graph')
    .description('Draw a DAG or steps template as a Mermaid (for pull requests) or Graphviz graph')
    .argument('<file>', 'a TypeScript module or an Argo YAML file')
    .argument('[templates...]', "with --simulate: more files whose WorkflowTemplates the workflow's templateRefs call")
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'dot']).default('mermaid'))
    .option('--template <name>', 'the template to draw (default: the entrypoint)')
    .option('--export <name>', 'for modules with several workflow exports: which one (default: the default export)')
    .option('--simulate', 'colour each task by its phase in a simulated run (see `simulate` for the outcome flags)');
  addRunOptions(graph)
    .addOption(argoVersionOption())
    .addHelpText(
      'after',
      '\nWith --simulate, the run starts at the entrypoint; --template picks the template drawn. Each box says its phase.' +
        '\nExit codes: 0 drawn (whatever the simulated run ended with), 1 an input is invalid, 2 usage error.',
    )
    .action(async (file: string, templates: string[], opts: GraphOptions) => {
      const { graphCommand } = await import('./commands/graph.js');
      setExit(await graphCommand(file, opts, io, templates));
    });

  const simulate = program
    .command('simulate')
    .description(
      "Run a workflow's logic without a cluster: which nodes run, in which order, with which phase, when the nodes you name fail",
    )
    .argument(
      '<file>',
      'a TypeScript module or an Argo YAML file: its Workflow (else CronWorkflow, else WorkflowTemplate) runs',
    )
    .argument('[templates...]', 'more files whose WorkflowTemplates its templateRefs call')
    .option('--template <name>', 'the template to start from (default: the entrypoint)')
    .option('--export <name>', 'for modules with several workflow exports: which one (default: the default export)')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'));
  addRunOptions(simulate)
    .addOption(argoVersionOption())
    .addHelpText(
      'after',
      '\nNodes with no outcome succeed with their declared defaults; what cannot be simulated (an expression outside the' +
        '\nsupported subset, a withParam from an output nobody gave, a resource or HTTP result) is Undetermined, with the reason.' +
        '\nPrints the node tree like `argo get` (coloured on a terminal unless NO_COLOR is set), or with -o json the' +
        '\nsimulation, shaped like a Workflow status.' +
        '\nExit codes: 0 the run Succeeded, 1 it Failed or ended in Error (or an input is invalid), 2 usage error (including an' +
        '\n            outcome for a node the workflow does not have), 3 no final phase: Undetermined, or left waiting (Running).',
    )
    .action(async (file: string, templates: string[], opts: SimulateFlags) => {
      const { simulateCommand } = await import('./commands/simulate.js');
      setExit(await simulateCommand([file, ...templates], opts, io));
    });

  program
    .command('init')
    .description('Scaffold a team repository: package.json, a first template and its YAML, a CI job running check')
    .argument('[dir]', 'the repository directory (default: the current directory; created if missing)')
    .addOption(
      new Option('--ci <provider>', 'the CI job to write (default: detected, else github)').choices([
        'github',
        'gitlab',
      ]),
    )
    .addHelpText(
      'after',
      '\nNever overwrites a file: existing ones are named and left alone, so running it again changes nothing.',
    )
    .action(async (dir: string | undefined, opts: { ci?: 'github' | 'gitlab' }) => {
      const { initCommand } = await import('./commands/init.js');
      setExit(initCommand(dir, opts, io));
    });

  addClusterCommands(program, io, setExit);

  return program;
}

/** The names of the program's commands (command-names.ts is held to them). */
export function programCommandNames(): string[] {
  const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: '.' };
  return buildProgram(quiet, () => {}).commands.map((c) => c.name());
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it in-process. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  setLimitsFrom({}, {});
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  return code;
}

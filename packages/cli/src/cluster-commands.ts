import { type Command, Option } from 'commander';
import { argoVersionOption } from './argo-version-option.js';
import type { Io } from './io.js';
import type { KubeFlags } from './kube/flags.js';
import { requestTimeoutArg } from './request-timeout-flag.js';
import { podSecurityOption, securityOption } from './security-flags.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

const KIND_HELP = 'workflow (wf), workflowtemplate (wftmpl), clusterworkflowtemplate (cwft), cronworkflow (cwf)';

/**
 * The commands that talk to a cluster: apply, submit, resume, get, list, delete. Each imports its implementation (and with
 * it @kubernetes/client-node, ~0.6 s) only when it runs, so `--help` and the offline commands never load it.
 */
export function addClusterCommands(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, then ~/.kube/config, then in-cluster)')
    .option('--context <name>', 'kubeconfig context (default: its current-context)')
    .option('-n, --namespace <ns>', "namespace (default: the context's namespace, else 'default')")
    .option(
      '--request-timeout <duration>',
      'give up on a single request after this long, connecting to the last byte (e.g. 10s, 2m; a bare number is seconds; 0 = no limit; default 30s)',
      requestTimeoutArg,
    )
    .option('--verbose', 'print stack traces with errors')
    .configureHelp({ showGlobalOptions: true });
  const flags = (cmd: Command) => cmd.optsWithGlobals() as KubeFlags & Record<string, unknown>;

  program
    .command('apply')
    .description(
      'Server-side apply WorkflowTemplates, ClusterWorkflowTemplates, CronWorkflows (and WorkflowEventBindings)',
    )
    .argument('<inputs...>', 'TypeScript modules (every exported workflow value) or YAML files, or directories')
    .addOption(
      new Option(
        '--dry-run <mode>',
        'server: the API server validates, nothing is stored; client: validate only, no request',
      ).choices(['server', 'client']),
    )
    .option('--force-conflicts', 'take over fields that another field manager (kubectl, the UI) owns')
    .addOption(argoVersionOption())
    .addOption(securityOption())
    .addOption(podSecurityOption())
    .addHelpText(
      'after',
      '\nPrints `<kind>/<name> created|configured|unchanged` per object. Inputs are validated first (the security lint included, as in validate); if any is invalid, nothing is sent.' +
        '\nExit codes: 0 all applied, 1 an input is invalid or an object was not applied (each is named), 2 usage error.',
    )
    .action(async (inputs: string[], _o: unknown, cmd: Command) => {
      const { applyCommand } = await import('./commands/apply.js');
      setExit(await applyCommand(inputs, flags(cmd), io));
    });

  program
    .command('submit')
    .description(
      'Create a Workflow from a WorkflowTemplate on the cluster, or from a TypeScript/YAML file, and optionally watch it',
    )
    .argument(
      '<template>',
      'a WorkflowTemplate name (or clusterworkflowtemplate/<name>), or a .ts/.yaml file with one Workflow',
    )
    .option(
      '-p, --parameter <name=value>',
      'a workflow parameter (repeatable); checked against the declared parameters first',
      collect,
    )
    .option('-w, --watch', 'follow the workflow until it ends, showing each DAG node (phase, elapsed time)')
    .option(
      '--timeout <duration>',
      'with --watch: give up after this long, e.g. 90s, 10m, 1h (the workflow keeps running)',
    )
    .option('--generate-name <prefix>', "name prefix of the Workflow (default: the template's name and '-')")
    .addOption(argoVersionOption())
    .addOption(securityOption())
    .addOption(podSecurityOption())
    .addHelpText(
      'after',
      '\nParameters are checked before anything is created: an unknown name, a missing required parameter (no value or default) or a value outside its enum is refused.' +
        '\nExit codes: 0 submitted (with --watch: Succeeded), 1 Failed or Error, or a cluster error (not found, forbidden, unreachable…),' +
        '\n            2 usage error (including a wrong -p parameter: nothing was submitted), 3 --timeout passed before the workflow ended' +
        '\n            (the watch is closed; the workflow keeps running) or a request got no answer within --request-timeout.',
    )
    .action(async (target: string, _o: unknown, cmd: Command) => {
      const { submitCommand } = await import('./commands/submit.js');
      setExit(await submitCommand(target, flags(cmd), io));
    });

  program
    .command('resume')
    .description("Resume a workflow's suspended nodes (manual approvals), as `argo resume` does")
    .argument('<workflow>', 'the Workflow name')
    .option('--node <name>', 'only the suspend node with this name or displayName (e.g. database-approve)')
    .addHelpText(
      'after',
      '\nMarks every Running suspend node (or only --node) Succeeded and clears spec.suspend; the controller then continues.' +
        '\nNeeds get and update on workflows.argoproj.io. A concurrent change by the controller is retried once.' +
        '\nExit codes: 0 resumed, 1 nothing to resume (no such suspended node) or a cluster error, 2 usage error,' +
        '\n            3 the API server did not answer within --request-timeout.',
    )
    .action(async (name: string, _o: unknown, cmd: Command) => {
      const { resumeCommand } = await import('./commands/resume.js');
      setExit(await resumeCommand(name, flags(cmd), io));
    });

  program
    .command('list')
    .description('List workflows, templates or cron workflows')
    .argument('<kind>', KIND_HELP)
    .action(async (kind: string, _o: unknown, cmd: Command) => {
      const { listCommand } = await import('./commands/resources.js');
      setExit(await listCommand(kind, flags(cmd), io));
    });

  program
    .command('types')
    .description(
      "Write a TypeScript module declaring WorkflowTemplates we did not write (YAML files, or the cluster's), for typed templateRef calls",
    )
    .argument(
      '[inputs...]',
      'YAML files or directories; with --from-cluster: wftmpl/<name> or cwft/<name> (none: every WorkflowTemplate of the namespace and every ClusterWorkflowTemplate)',
    )
    .option('--from-cluster', 'read the templates from the cluster (-n namespace, --context, --kubeconfig)')
    .option('-o, --out <file>', 'the module to write (default: print it)')
    .addOption(argoVersionOption())
    .addHelpText(
      'after',
      "\nUse: import { ciTemplates } from './ci.gen.js'; task('build', templateRef(ciTemplates, 'build'), { args: { ... } })." +
        '\nInputs (names, enums, required or defaulted), outputs and template names are typed; generate and validate treat the' +
        '\ntemplates as present. Exit codes: 0 written, 1 an input is invalid or unreadable, or a cluster error, 2 usage error.',
    )
    .action(async (inputs: string[], _o: unknown, cmd: Command) => {
      const { typesCommand } = await import('./commands/types.js');
      setExit(await typesCommand(inputs, flags(cmd), io));
    });

  program
    .command('get')
    .description("Show one object: a workflow's phase and nodes, or any object as YAML/JSON")
    .argument('<kind>', KIND_HELP)
    .argument('<name>')
    .addOption(
      new Option('-o, --output <format>', 'output (default: summary for workflows, else yaml)').choices([
        'yaml',
        'json',
        'summary',
      ]),
    )
    .action(async (kind: string, name: string, _o: unknown, cmd: Command) => {
      const { getCommand } = await import('./commands/resources.js');
      setExit(await getCommand(kind, name, flags(cmd), io));
    });

  program
    .command('delete')
    .description('Delete objects by name')
    .argument('<kind>', KIND_HELP)
    .argument('<names...>')
    .action(async (kind: string, names: string[], _o: unknown, cmd: Command) => {
      const { deleteCommand } = await import('./commands/resources.js');
      setExit(await deleteCommand(kind, names, flags(cmd), io));
    });
}

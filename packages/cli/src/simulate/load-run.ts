import { ArgoGenError, type ArgoVersion, closest, type Issue, issue, quote } from '@argo-gen/model';
import type { SimulateOptions } from '@argo-gen/simulate';
import type { Io } from '../io.js';
import { loadKube } from '../lazy-modules.js';
import type { LoadedObject } from '../load/argo-objects.js';
import { loadChecked } from '../load/checked-objects.js';
import { type OutcomeFlags, outcomesFrom } from './outcome-flags.js';

export interface RunFlags extends OutcomeFlags {
  /** The template to start from (default: the entrypoint). */
  readonly template?: string;
  /** For a module with several workflow exports: which one runs (default: the default export). */
  readonly export?: string;
  readonly parameter?: readonly string[];
  readonly argoVersion?: ArgoVersion;
}

/**
 * What `simulate()` is given. It checks the outcome names itself (`simulate/unknown-node`, a usage error here: a
 * misspelt `--fail` would otherwise answer a question nobody asked).
 */
export interface LoadedRun {
  readonly workflow: LoadedObject['value'];
  readonly options: SimulateOptions;
}

const RUNNABLE = ['Workflow', 'CronWorkflow', 'WorkflowTemplate'];

/** Codes of problems whose fix is on the command line: the command exits 2 for them. */
export const USAGE_CODE =
  /^simulate\/(conflicting-outcomes|unknown-node|unknown-template|no-export|bad-parameter|duplicate-parameter|unknown-parameter|parameter-not-in-enum|missing-parameter)$/;

/**
 * The first file's workflow (a Workflow, else a CronWorkflow, else a WorkflowTemplate; `--export` picks among a
 * module's), validated as `validate` does, with the WorkflowTemplates of every file for its templateRefs to call.
 */
export async function loadRun(inputs: readonly string[], flags: RunFlags, io: Io): Promise<LoadedRun> {
  const outcomes = outcomesFrom(flags, io.cwd);
  // Checked as `validate` checks them, without the security lint: a simulation runs no pods, so its findings
  // (unpinned images, API tokens) are not this command's to report.
  const objects = await loadChecked(inputs, { argoVersion: flags.argoVersion, security: 'off' }, io);
  const first = inputs[0] ?? '';
  const candidates = objects.filter(
    (o) =>
      (o.origin === first || o.origin.startsWith(`${first} `) || o.origin.startsWith(`${first}#`)) &&
      RUNNABLE.includes(o.value.kind ?? ''),
  );
  const chosen = flags.export
    ? candidates.find(
        (o) => o.origin.endsWith(`(export ${flags.export})`) || (flags.export === 'default' && o.origin === first),
      )
    : [...candidates].sort((a, b) => RUNNABLE.indexOf(a.value.kind ?? '') - RUNNABLE.indexOf(b.value.kind ?? ''))[0];
  if (!chosen) {
    const found = candidates.map((o) => o.origin).join(', ') || 'none';
    throw new ArgoGenError([
      flags.export
        ? issue('simulate/no-export', '', `${first} has no workflow export ${quote(flags.export)} (found: ${found})`)
        : issue('input/nothing-to-run', '', 'holds no Workflow, CronWorkflow or WorkflowTemplate to simulate', {
            source: { file: first, line: 0, column: 0 },
          }),
    ]);
  }
  const workflow = chosen.value;
  if (flags.template) checkTemplate(flags.template, workflow);
  const templates = objects
    .filter((o) => o !== chosen && /WorkflowTemplate$/.test(o.value.kind ?? ''))
    .map((o) => o.value);
  const parameters = await parametersFor(workflow, flags.parameter ?? [], chosen.origin);
  return {
    workflow,
    options: {
      outcomes,
      ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      ...(templates.length > 0 ? { templates } : {}),
      ...(flags.template ? { entrypoint: flags.template } : {}),
    },
  };
}

/** `-p` parsed and checked against the declared parameters as `submit` checks them (unknown, enum, required). */
async function parametersFor(
  workflow: LoadedObject['value'],
  args: readonly string[],
  origin: string,
): Promise<Record<string, string>> {
  // kube holds the parameter rules submit uses; only its parameter functions are used here, no cluster.
  const { checkParameters, declaredParameters, parseParameterArgs } = await loadKube();
  const { params, problems } = parseParameterArgs(args);
  const spec =
    workflow.kind === 'CronWorkflow' ? (workflow.spec as { workflowSpec?: unknown })?.workflowSpec : workflow.spec;
  if (problems.length === 0) problems.push(...checkParameters(declaredParameters({ spec }), params, origin));
  if (problems.length > 0) throw new ArgoGenError(problems.map(asSimulate));
  return Object.fromEntries(params);
}

function asSimulate(i: Issue): Issue {
  return { ...i, code: i.code.replace(/^submit\//, 'simulate/') };
}

/**
 * `--template` names a template of the workflow itself, where the controller looks an entrypoint up (a workflow
 * that runs a `workflowTemplateRef` takes its templates from there: the run says if it is missing).
 */
function checkTemplate(name: string, workflow: unknown): void {
  if ((workflow as { spec?: { workflowTemplateRef?: unknown } }).spec?.workflowTemplateRef) return;
  const names = templatesOf(workflow).flatMap((t) => (t.name ? [t.name] : []));
  if (names.includes(name)) return;
  const near = closest(name, names);
  throw new ArgoGenError([
    issue(
      'simulate/unknown-template',
      '',
      `--template ${quote(name)}: the workflow has no such template${near ? ` (did you mean ${quote(near)}?)` : ` (templates: ${names.join(', ')})`}`,
    ),
  ]);
}

type TemplateLike = { name?: string };

function templatesOf(doc: unknown): readonly TemplateLike[] {
  const d = doc as { kind?: string; spec?: { templates?: unknown; workflowSpec?: { templates?: unknown } } };
  const templates = d.kind === 'CronWorkflow' ? d.spec?.workflowSpec?.templates : d.spec?.templates;
  return Array.isArray(templates) ? (templates as TemplateLike[]) : [];
}

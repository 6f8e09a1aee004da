import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  type ArgoObject,
  elapsedMs,
  formatDuration,
  type Kube,
  type ObjectRef,
  parseParameterArgs,
  prepareFromTemplate,
  resolveKind,
  submitWorkflow,
  watchWorkflow,
  withParameters,
  workflowProgress,
} from '@argo-gen/kube';
import {
  ArgoGenError,
  type ArgoVersion,
  formatIssue,
  issue,
  type PodSecurityLevel,
  quote,
  type SecurityMode,
} from '@argo-gen/model';
import { EXIT, type Io } from '../io.js';
import { parseDuration } from '../kube/duration.js';
import { connectWith, type KubeFlags, namespaceOf } from '../kube/flags.js';
import { plainView, ttyView } from '../kube/progress-view.js';
import { reportError } from '../kube/report.js';
import { loadChecked } from '../load/checked-objects.js';

export interface SubmitFlags extends KubeFlags {
  /** Checks a Workflow given as a file; a WorkflowTemplate on the cluster is the cluster's to judge. */
  readonly argoVersion?: ArgoVersion;
  readonly parameter?: readonly string[];
  readonly watch?: boolean;
  readonly timeout?: string;
  readonly generateName?: string;
  /** The security lint for a Workflow given as a file, as in `validate` (argo-gen.config.ts, overridden here). */
  readonly security?: SecurityMode;
  readonly podSecurity?: PodSecurityLevel;
}

const FILE = /\.(ya?ml|[mc]?[jt]s)$/;

/** Issues whose fix is on the command line: exit 2, like any usage error. */
const USAGE_CODES = /^submit\//;

/**
 * `argo-gen submit <template>`: a WorkflowTemplate on the cluster (its parameters checked against `-p` before
 * anything is created) or a file holding one Workflow. With --watch, follows it to the end: exit 0 Succeeded,
 * 1 Failed/Error, 3 when --timeout passes first.
 */
export async function submitCommand(target: string, flags: SubmitFlags, io: Io): Promise<number> {
  try {
    const { params, problems } = parseParameterArgs(flags.parameter ?? []);
    const timeoutMs = flags.timeout === undefined ? undefined : parseDuration(flags.timeout);
    if (flags.timeout !== undefined && timeoutMs === undefined)
      problems.push(
        issue('submit/bad-timeout', '', `--timeout ${quote(flags.timeout)}: expected a duration like 90s, 10m or 1h`),
      );
    if (problems.length > 0) throw new ArgoGenError(problems);

    const isFile = FILE.test(target) || existsSync(path.resolve(io.cwd, target));
    const local = isFile ? await workflowFromFile(target, params, flags, io) : undefined;
    const kube = await connectWith(flags);
    const namespace = namespaceOf(kube, flags);
    const workflow =
      local ??
      (await prepareFromTemplate(kube, templateRef(target, namespace), params, {
        ...(flags.generateName ? { generateName: flags.generateName } : {}),
      }));
    const created = await submitWorkflow(kube, workflow, { namespace });
    const name = created.metadata?.name ?? '';
    const ns = created.metadata?.namespace ?? namespace;
    io.stdout(`workflow/${name} created in namespace '${ns}'\n`);
    if (!flags.watch) return EXIT.ok;
    return await follow(kube, name, ns, timeoutMs, io);
  } catch (error) {
    if (error instanceof ArgoGenError && error.issues.every((i) => USAGE_CODES.test(i.code))) {
      for (const i of error.issues) io.stderr(`${formatIssue(i)}\n`);
      io.stderr('nothing was submitted\n');
      return EXIT.usage;
    }
    return reportError(error, io, flags.verbose);
  }
}

/** `canary`, `workflowtemplate/canary`, `cwft/canary` → the template to look up. */
function templateRef(target: string, namespace: string): ObjectRef {
  const slash = target.indexOf('/');
  if (slash === -1) return { kind: 'WorkflowTemplate', name: target, namespace };
  const kind = resolveKind(target.slice(0, slash))?.kind;
  const name = target.slice(slash + 1);
  if (kind === 'ClusterWorkflowTemplate') return { kind, name };
  if (kind === 'WorkflowTemplate') return { kind, name, namespace };
  throw new ArgoGenError([
    issue(
      'submit/bad-target',
      '',
      `${quote(target)}: submit takes a WorkflowTemplate name, clusterworkflowtemplate/<name>, or a file`,
    ),
  ]);
}

async function workflowFromFile(
  file: string,
  params: ReadonlyMap<string, string>,
  flags: SubmitFlags,
  io: Io,
): Promise<ArgoObject> {
  const objects = await loadChecked([file], flags, io);
  const workflows = objects.filter((o) => o.value.kind === 'Workflow');
  if (workflows.length !== 1) {
    const kinds = objects.map((o) => o.value.kind).join(', ') || 'nothing';
    throw new ArgoGenError([
      issue(
        'input/not-one-workflow',
        '',
        `submit needs exactly one Workflow in the file (found ${kinds})${
          objects.some((o) => /WorkflowTemplate$/.test(String(o.value.kind)))
            ? '; to run a WorkflowTemplate, `argo-gen apply` it and submit it by name'
            : ''
        }`,
        { source: { file, line: 0, column: 0 } },
      ),
    ]);
  }
  const only = workflows[0] as (typeof workflows)[number];
  const wf = withParameters(only.value as ArgoObject, params, only.origin);
  if (!flags.generateName) return wf;
  const { name: _n, ...metadata } = wf.metadata ?? {};
  return { ...wf, metadata: { ...metadata, generateName: flags.generateName } };
}

async function follow(kube: Kube, name: string, namespace: string, timeoutMs: number | undefined, io: Io) {
  const view = io.isTTY ? ttyView(io.stdout) : plainView(io.stdout);
  try {
    const final = await watchWorkflow(kube, name, namespace, {
      ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      onProgress: (p) => view.update(p),
    });
    view.finish();
    const p = workflowProgress(final);
    const took = elapsedMs(p, Date.now());
    io.stdout(
      `workflow/${name} ${p.phase}${took !== undefined ? ` in ${formatDuration(took)}` : ''}${p.message ? `: ${p.message}` : ''}\n`,
    );
    return p.phase === 'Succeeded' ? EXIT.ok : EXIT.failed;
  } catch (error) {
    view.finish();
    throw error;
  }
}

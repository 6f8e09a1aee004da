import {
  type ArgoObject,
  type Kube,
  type Resource,
  resolveKind,
  withoutServerFields,
  workflowProgress,
} from '@argo-gen/kube';
import { ArgoGenError, issue, quote } from '@argo-gen/model';
import { stringify } from 'yaml';
import { EXIT, type Io } from '../io.js';
import { connectWith, type KubeFlags, namespaceOf } from '../kube/flags.js';
import { reportError } from '../kube/report.js';
import { ageOf, nodeLines, table } from '../kube/tables.js';

export interface GetFlags extends KubeFlags {
  readonly output?: 'yaml' | 'json' | 'summary';
}

const KINDS = 'workflows (wf), workflowtemplates (wftmpl), clusterworkflowtemplates (cwft), cronworkflows (cwf)';

function resourceFor(kind: string): Resource {
  const r = resolveKind(kind);
  if (!r) {
    throw new ArgoGenError([issue('usage/unknown-kind', '', `unknown kind ${quote(kind)}; use one of ${KINDS}`)]);
  }
  return r;
}

async function withKube(
  kind: string,
  flags: KubeFlags,
  io: Io,
  fn: (r: Resource, kube: Kube, namespace: string) => Promise<number>,
) {
  try {
    const r = resourceFor(kind);
    const kube = await connectWith(flags);
    return await fn(r, kube, namespaceOf(kube, flags));
  } catch (error) {
    if (error instanceof ArgoGenError && error.code === 'usage/unknown-kind') {
      io.stderr(`${error.issues[0]?.message}\n`);
      return EXIT.usage;
    }
    return reportError(error, io, flags.verbose);
  }
}

/** `argo-gen list <kind>`: a table of names with phase (workflows), schedule (cron workflows) and age. */
export function listCommand(kind: string, flags: KubeFlags, io: Io): Promise<number> {
  return withKube(kind, flags, io, async (r, kube, namespace) => {
    const items = await kube.list(r.kind, namespace);
    if (items.length === 0) {
      io.stderr(`no ${r.plural}${r.namespaced ? ` in namespace '${namespace}'` : ''}\n`);
      return EXIT.ok;
    }
    const now = Date.now();
    const rows = items
      .map((o) => [o.metadata?.name ?? '', statusOf(r, o), ageOf(o, now)])
      .sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
    io.stdout(table(['NAME', r.kind === 'CronWorkflow' ? 'SCHEDULE' : 'STATUS', 'AGE'], rows));
    return EXIT.ok;
  });
}

function statusOf(r: Resource, o: ArgoObject): string {
  if (r.kind === 'Workflow') return workflowProgress(o).phase || 'Pending';
  if (r.kind === 'CronWorkflow') {
    const spec = (o.spec ?? {}) as { schedules?: string[]; schedule?: string; suspend?: boolean };
    return `${(spec.schedules ?? (spec.schedule ? [spec.schedule] : [])).join(', ')}${spec.suspend ? ' (suspended)' : ''}`;
  }
  return '-';
}

/** `argo-gen get <kind> <name>`: the object as YAML (default) or JSON, or for workflows `-o summary`: phase and nodes. */
export function getCommand(kind: string, name: string, flags: GetFlags, io: Io): Promise<number> {
  return withKube(kind, flags, io, async (r, kube, namespace) => {
    const obj = await kube.get({ kind: r.kind, name, ...(r.namespaced ? { namespace } : {}) });
    const output = flags.output ?? (r.kind === 'Workflow' ? 'summary' : 'yaml');
    if (output === 'summary' && r.kind === 'Workflow') {
      io.stdout(`${nodeLines(workflowProgress(obj), Date.now()).join('\n')}\n`);
      return EXIT.ok;
    }
    const clean = withoutServerFields(obj);
    io.stdout(output === 'json' ? `${JSON.stringify(clean, null, 2)}\n` : stringify(clean, { lineWidth: 0 }));
    return EXIT.ok;
  });
}

/** `argo-gen delete <kind> <names...>`: each deleted in turn; a missing one is an error (exit 1) naming it. */
export function deleteCommand(kind: string, names: readonly string[], flags: KubeFlags, io: Io): Promise<number> {
  return withKube(kind, flags, io, async (r, kube, namespace) => {
    let code: number = EXIT.ok;
    for (const name of names) {
      try {
        await kube.delete({ kind: r.kind, name, ...(r.namespaced ? { namespace } : {}) });
        io.stdout(`${r.singular}/${name} deleted\n`);
      } catch (error) {
        code = reportError(error, io, flags.verbose);
      }
    }
    return code;
  });
}

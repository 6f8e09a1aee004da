import { resumeWorkflow } from '@argo-gen/kube';
import { quote } from '@argo-gen/model';
import { EXIT, type Io } from '../io.js';
import { connectWith, type KubeFlags, namespaceOf } from '../kube/flags.js';
import { reportError } from '../kube/report.js';

export interface ResumeFlags extends KubeFlags {
  readonly node?: string;
}

/**
 * `argo-gen resume <workflow> [--node <name>]`: marks the workflow's Running suspend nodes (approvals) Succeeded and
 * clears `spec.suspend`, as `argo resume` does. Exit 0 when something was resumed, 1 when there was nothing to resume
 * or on an error.
 */
export async function resumeCommand(name: string, flags: ResumeFlags, io: Io): Promise<number> {
  try {
    const kube = await connectWith(flags);
    const namespace = namespaceOf(kube, flags);
    const r = await resumeWorkflow(kube, name, namespace, flags.node === undefined ? {} : { node: flags.node });
    const subject = `workflow/${name} in namespace '${namespace}'`;
    if (!r.changed) {
      const running = r.running.map((n) => n.displayName).join(', ');
      io.stderr(
        flags.node !== undefined && running
          ? `${subject}: no suspended node named ${quote(flags.node)} (suspended: ${running}) [resume/nothing-to-resume]\n`
          : `${subject}: nothing to resume: no suspended node${flags.node !== undefined ? ` named ${quote(flags.node)}` : ''} and the workflow is not suspended [resume/nothing-to-resume]\n`,
      );
      return EXIT.failed;
    }
    for (const n of r.resumed) io.stdout(`workflow/${name}: node ${n.displayName} resumed\n`);
    if (r.unsuspended) io.stdout(`workflow/${name}: suspend cleared\n`);
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io, flags.verbose);
  }
}

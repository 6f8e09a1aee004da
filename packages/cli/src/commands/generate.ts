import { formatIssue, isArgoGenError } from '@argo-gen/model';
import { type Config, loadConfig, type Target } from '../config.js';
import { compare } from '../generate/compare.js';
import { plan } from '../generate/plan.js';
import { writeAtomically } from '../generate/write-atomically.js';
import { EXIT, type Io } from '../io.js';
import { importModule } from '../load/import-typescript.js';
import { relativeTo } from '../relative-source.js';

export interface GenerateOptions {
  readonly out?: string;
}

async function targetsFor(
  inputs: readonly string[],
  options: GenerateOptions,
  io: Io,
): Promise<{ root: string; targets: readonly Target[] }> {
  const { config, root } = await loadConfig(io.cwd, importModule);
  if (inputs.length === 0)
    return {
      root,
      targets: options.out ? config.targets.map((t) => ({ ...t, out: options.out as string })) : config.targets,
    };
  return { root, targets: [{ inputs, out: options.out ?? (config.targets[0] as Config['targets'][number]).out }] };
}

/** `argo-gen generate`: synthesise, validate and write YAML; on any error nothing is written. */
export async function generateCommand(inputs: readonly string[], options: GenerateOptions, io: Io): Promise<number> {
  try {
    const { root, targets } = await targetsFor(inputs, options, io);
    const p = await plan(targets, root);
    const diff = compare(p, root);
    writeAtomically(root, diff.changed, diff.extra);
    for (const w of p.warnings) io.stderr(`${formatIssue(relativeTo(io.cwd, w))}\n`);
    const lines = [
      ...diff.missing.map((f) => `created ${f}`),
      ...diff.stale.map((f) => `updated ${f}`),
      ...diff.extra.map((f) => `deleted ${f} (no input produces it any more)`),
    ];
    io.stdout(
      `${lines.map((l) => `${l}\n`).join('')}${p.files.length} file(s) generated, ${diff.changed.size} changed, ${diff.extra.length} deleted\n`,
    );
    return EXIT.ok;
  } catch (error) {
    return report(error, io, 'nothing was written');
  }
}

/** `argo-gen check`: exit 1 naming every stale, missing or extra generated file; 0 when all match. */
export async function checkCommand(inputs: readonly string[], options: GenerateOptions, io: Io): Promise<number> {
  try {
    const { root, targets } = await targetsFor(inputs, options, io);
    const p = await plan(targets, root);
    const diff = compare(p, root);
    const problems = [
      ...diff.stale.map((f) => `${f} is stale`),
      ...diff.missing.map((f) => `${f} is missing`),
      ...diff.extra.map((f) => `${f} is generated but no input produces it`),
    ];
    if (problems.length === 0) {
      io.stdout(`${p.files.length} generated file(s) are up to date\n`);
      return EXIT.ok;
    }
    io.stdout(`${problems.map((l) => `${l}\n`).join('')}run \`argo-gen generate\` and commit the result\n`);
    return EXIT.failed;
  } catch (error) {
    return report(error, io, 'cannot check');
  }
}

function report(error: unknown, io: Io, consequence: string): number {
  if (!isArgoGenError(error)) throw error;
  for (const i of error.issues) io.stderr(`${formatIssue(relativeTo(io.cwd, i))}\n`);
  io.stderr(`${error.issues.length} problem(s); ${consequence}\n`);
  return EXIT.failed;
}

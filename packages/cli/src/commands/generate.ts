import path from 'node:path';
import { ArgoGenError, type ArgoVersion, formatIssue, isArgoGenError, issue, type SecurityMode } from '@argo-gen/model';
import { loadConfig } from '../config.js';
import { compare, type Differences, errorText } from '../generate/compare.js';
import { exitFor, guardWrites } from '../generate/interrupt.js';
import { displayPath, plan, type RunTarget } from '../generate/plan.js';
import {
  Busy,
  CommittedButIncomplete,
  type DirChanges,
  interrupted,
  recover,
  STAGING,
  Stopped,
  transact,
} from '../generate/transaction.js';
import { EXIT, type Io } from '../io.js';
import { importModule } from '../load/import-typescript.js';
import { relativeTo } from '../relative-source.js';
import { type SecurityFor, securityFor, securityOptions } from '../security-options.js';

export interface GenerateOptions {
  readonly out?: string;
  /** `--argo-version`; else the config's `argoVersion`. */
  readonly argoVersion?: ArgoVersion;
  /** `--security`; else the config's `security.mode`. */
  readonly security?: SecurityMode;
}

interface Run {
  readonly root: string;
  readonly targets: readonly RunTarget[];
  /** Every configured output directory (absolute): where an interrupted run is looked for. */
  readonly configuredOuts: readonly string[];
  readonly argoVersion?: ArgoVersion;
  /** The security lint's options per input file, from the config and `--security`. */
  readonly security: SecurityFor;
}

/**
 * The targets of one run, and whether it owns each (plan.ts). Without inputs: every configured target (owned), or
 * with `-o`, every target written there (owned only where that is the target's own directory). With inputs: one
 * target, owned only when the inputs and output directory are exactly a configured target's.
 */
async function runFor(inputs: readonly string[], options: GenerateOptions, io: Io): Promise<Run> {
  const { config, root } = await loadConfig(io.cwd, importModule);
  const abs = (p: string) => path.resolve(root, p);
  const configuredOuts = config.targets.map((t) => abs(t.out));
  const argoVersion = options.argoVersion ?? config.argoVersion;
  const security = securityFor(
    securityOptions(config.security, { security: options.security }),
    config.security?.exclude,
    root,
  );
  const sameInputs = (a: readonly string[], b: readonly string[]) => {
    const x = new Set(a.map(abs));
    const y = new Set(b.map(abs));
    return x.size === y.size && [...x].every((i) => y.has(i));
  };
  if (inputs.length === 0) {
    const out = options.out;
    const targets = config.targets.map((t) =>
      out ? { ...t, out, owned: abs(out) === abs(t.out) } : { ...t, owned: true },
    );
    return { root, targets, configuredOuts, argoVersion, security };
  }
  const out = options.out ?? config.targets[0]?.out ?? 'generated';
  const owned = config.targets.some((t) => abs(t.out) === abs(out) && sameInputs(t.inputs, inputs));
  return { root, targets: [{ inputs, out, owned }], configuredOuts, argoVersion, security };
}

/** Every directory this run writes or could find an interrupted run in. */
function outDirs(run: Run): string[] {
  return [...new Set([...run.targets.map((t) => path.resolve(run.root, t.out)), ...run.configuredOuts])];
}

/**
 * `argo-gen generate`: synthesise, validate and write YAML. On an error nothing is written; an interruption leaves
 * the old files or the new ones, as a set (transaction.ts); the next run finishes or rolls back an interrupted one.
 */
export async function generateCommand(inputs: readonly string[], options: GenerateOptions, io: Io): Promise<number> {
  const guard = guardWrites(io);
  try {
    const run = await runFor(inputs, options, io);
    const p = await plan(run.targets, run.root, run.argoVersion, run.security);
    await guard.step(); // planned, nothing written yet
    const { diff, recovered } = await guard.writing(async () => {
      try {
        const recovered = await recover(outDirs(run), guard);
        const diff = compare(p, run.root, run.configuredOuts);
        if (diff.blocked.length > 0) throw new ArgoGenError(diff.blocked);
        await transact(changesOf(diff), guard);
        return { diff, recovered };
      } catch (error) {
        throw writeError(error, run.root);
      }
    });
    for (const w of p.warnings) io.stderr(`${formatIssue(relativeTo(io.cwd, w))}\n`);
    const lines = [
      ...recovered.map((r) => `${r.outcome} an interrupted run in ${displayPath(run.root, r.dir)}`),
      ...diff.missing.map((f) => `created ${f}`),
      ...diff.stale.map((f) => `updated ${f}`),
      ...diff.extra.map((f) => `deleted ${f.path} (no input produces it any more)`),
    ];
    io.stdout(
      `${lines.map((l) => `${l}\n`).join('')}${p.files.length} file(s) generated, ${diff.changed.length} changed, ${diff.extra.length} deleted\n`,
    );
    const signal = guard.signal();
    if (signal) {
      io.stderr(`argo-gen: interrupted (${signal}) after the switch-over; the new files were written completely\n`);
      return exitFor(signal);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof Stopped) {
      io.stderr(`argo-gen: interrupted (${guard.signal()}); nothing was written\n`);
      return exitFor(guard.signal());
    }
    if (error instanceof CommittedButIncomplete) {
      const inner = writeError(error.cause, io.cwd);
      return report(inner, io, 'the run was committed but not completed; the next `argo-gen generate` finishes it');
    }
    return report(error, io, 'nothing was written');
  } finally {
    guard.dispose();
  }
}

function changesOf(diff: Differences): DirChanges[] {
  const byDir = new Map<string, { writes: { relative: string; content: string }[]; deletes: string[] }>();
  const entry = (dir: string) => {
    const found = byDir.get(dir) ?? { writes: [], deletes: [] };
    byDir.set(dir, found);
    return found;
  };
  for (const f of diff.changed) entry(f.outDir).writes.push({ relative: f.relative, content: f.content });
  for (const o of diff.extra) entry(o.outDir).deletes.push(o.relative);
  return [...byDir].map(([dir, c]) => ({ dir, ...c }));
}

/** A file-system failure as one line naming the path: never an internal error. */
function writeError(error: unknown, root: string): unknown {
  if (isArgoGenError(error) || error instanceof Stopped || error instanceof CommittedButIncomplete) return error;
  if (error instanceof Busy) {
    const message = `argo-gen generate (pid ${error.pid}) is writing here; wait for it to finish`;
    return new ArgoGenError([
      issue('generate/busy', '', message, { source: { file: displayPath(root, error.staging), line: 0, column: 0 } }),
    ]);
  }
  const e = error as NodeJS.ErrnoException;
  if (typeof e?.code !== 'string') return error;
  const file = typeof e.path === 'string' ? displayPath(root, e.path) : '';
  const busy = e.code === 'EEXIST' && file.endsWith(STAGING);
  const message = busy
    ? `another argo-gen generate is writing here (if none is running, remove ${file})`
    : `cannot write: ${errorText(e)}`;
  return new ArgoGenError([
    issue(busy ? 'generate/busy' : 'generate/write-failed', '', message, { source: { file, line: 0, column: 0 } }),
  ]);
}

/** `argo-gen check`: exit 1 naming every stale, missing or extra generated file, or an interrupted run; 0 when all match. */
export async function checkCommand(inputs: readonly string[], options: GenerateOptions, io: Io): Promise<number> {
  try {
    const run = await runFor(inputs, options, io);
    const p = await plan(run.targets, run.root, run.argoVersion, run.security);
    const pending = interrupted(outDirs(run));
    const diff = compare(p, run.root, run.configuredOuts);
    const problems = [
      ...pending.map((d) => `${displayPath(run.root, d)} holds an interrupted generate run`),
      ...diff.blocked.map((i) => formatIssue(i)),
      ...diff.stale.map((f) => `${f} is stale`),
      ...diff.missing.map((f) => `${f} is missing`),
      ...diff.extra.map((f) => `${f.path} is generated but no input produces it`),
      ...diff.foreign.map(
        (f) =>
          `${f.path} is generated from ${f.source}, which is not an input of this target: remove it or add its input`,
      ),
    ];
    if (problems.length === 0) {
      io.stdout(`${p.files.length} generated file(s) are up to date\n`);
      return EXIT.ok;
    }
    // generate fixes everything but a foreign file, which it never deletes (its line says what to do instead).
    const generateFixes = problems.length > diff.foreign.length;
    const hint = generateFixes ? 'run `argo-gen generate` and commit the result\n' : '';
    io.stdout(`${problems.map((l) => `${l}\n`).join('')}${hint}`);
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

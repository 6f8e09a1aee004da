import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { formatIssue, issue } from '@argo-gen/model';
import { type CiProvider, detectCi, packageName, planInit, scaffoldFiles } from '../init/scaffold.js';
import { EXIT, type Io } from '../io.js';
import { cliVersion, readScaffoldData } from '../scaffold-data.js';

export interface InitOptions {
  /** Default: detected from the directory (an existing .gitlab-ci.yml, .github/ or a GitLab remote), else GitHub. */
  readonly ci?: CiProvider;
}

/** `argo-gen init [dir]`: scaffolds a team repository; never overwrites a file, so running it again changes nothing. */
export function initCommand(dir: string | undefined, options: InitOptions, io: Io): number {
  const root = path.resolve(io.cwd, dir ?? '.');
  const exists = (p: string) => existsSync(path.join(root, p));
  const ci = options.ci ?? detectCi(exists, readIfExists(path.join(root, '.git', 'config')));
  const files = scaffoldFiles(readScaffoldData(), {
    name: packageName(path.basename(root)),
    version: cliVersion(),
    ci,
  });
  const plan = planInit(files, exists);
  try {
    for (const f of plan.write) {
      const target = path.join(root, f.path);
      mkdirSync(path.dirname(target), { recursive: true });
      // 'wx': a file created since the plan was made is still not overwritten.
      writeFileSync(target, f.content, { flag: 'wx' });
      io.stdout(`created ${f.path}\n`);
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    io.stderr(
      `${formatIssue(issue('init/write', '', `cannot write the scaffold: ${why}`, { source: { file: root, line: 0, column: 0 } }))}\n`,
    );
    return EXIT.failed;
  }
  for (const p of plan.kept) io.stdout(`left alone ${p} (it exists)\n`);
  const where = path.relative(io.cwd, root) || '.';
  io.stdout(
    plan.write.length === 0
      ? `nothing to do: every file of the scaffold exists in ${where}\n`
      : `${plan.write.length} file(s) created in ${where} (CI: ${ci}); next: ${where === '.' ? '' : `cd ${where} && `}npm install && npx argo-gen check\n`,
  );
  return EXIT.ok;
}

function readIfExists(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

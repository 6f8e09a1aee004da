// `pnpm codegen` / `pnpm codegen:check`: a build tool, so it may read and write files (runtime packages may not).
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CodegenInput, generate } from './generate.js';

/** The Argo versions a project can target, oldest first, with the release read for each; the last is the base. */
const VERSIONS = [
  { version: '3.7', argoVersion: 'v3.7.18' },
  { version: '4.0', argoVersion: 'v4.0.10' },
  { version: '4.1', argoVersion: 'v4.1.2' },
] as const;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = path.join(repoRoot, 'packages', 'model', 'src', 'gen');

function run(mode: string | undefined): number {
  if (mode !== 'generate' && mode !== 'check') {
    process.stderr.write('usage: codegen generate|check\n');
    return 2;
  }
  const inputs: CodegenInput[] = [];
  for (const v of VERSIONS) {
    const schemaPath = path.resolve(repoRoot, '..', 'shared', 'argo', v.argoVersion, 'schema.json');
    try {
      const sourceText = readFileSync(schemaPath, 'utf8');
      inputs.push({ ...v, sourcePath: `../shared/argo/${v.argoVersion}/schema.json`, sourceText });
    } catch (error) {
      process.stderr.write(`codegen: cannot read Argo's schema at ${schemaPath}: ${(error as Error).message}\n`);
      return 1;
    }
  }
  const files = generate(inputs);
  return mode === 'generate' ? write(files) : check(files);
}

function write(files: Map<string, string>): number {
  mkdirSync(outDir, { recursive: true });
  for (const [name, content] of files) {
    // Write beside the target and rename, so an interrupted run never leaves half a file.
    const target = path.join(outDir, name);
    writeFileSync(`${target}.tmp`, content);
    renameSync(`${target}.tmp`, target);
  }
  for (const stale of readdirSync(outDir).filter((f) => !files.has(f))) {
    process.stderr.write(`codegen: ${path.join(outDir, stale)} is not produced by codegen; delete it\n`);
  }
  process.stdout.write(`codegen: wrote ${files.size} files to ${path.relative(repoRoot, outDir)}\n`);
  return 0;
}

function check(files: Map<string, string>): number {
  const problems: string[] = [];
  const present = new Set(safeReaddir(outDir));
  for (const [name, content] of files) {
    const rel = path.relative(repoRoot, path.join(outDir, name));
    if (!present.has(name)) problems.push(`${rel} is missing`);
    else if (readFileSync(path.join(outDir, name), 'utf8') !== content) problems.push(`${rel} is stale`);
  }
  for (const extra of [...present].filter((f) => !files.has(f))) {
    problems.push(`${path.relative(repoRoot, path.join(outDir, extra))} is not produced by codegen`);
  }
  for (const p of problems) process.stderr.write(`codegen:check: ${p}\n`);
  if (problems.length > 0) {
    process.stderr.write('codegen:check: run `pnpm codegen` and commit the result\n');
    return 1;
  }
  process.stdout.write(`codegen:check: ${files.size} generated files are up to date\n`);
  return 0;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

process.exitCode = run(process.argv[2]);

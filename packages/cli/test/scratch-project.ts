import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../../test/paths.js';

// Modules must resolve '@argo-gen/dsl' from the workspace, so scratch projects live inside the repository (ignored).
const SCRATCH = path.join(REPO_ROOT, '.cache', 'test-generate');
const made: string[] = [];

/** A new project directory with these files (paths relative to it). */
export function project(files: Record<string, string>): string {
  mkdirSync(SCRATCH, { recursive: true });
  const dir = mkdtempSync(path.join(SCRATCH, 'p'));
  made.push(dir);
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
}

/** For afterAll: removes every project this test file made (other files' projects may still be in use). */
export function removeProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A DAG WorkflowTemplate named `name`, its image tagged `tag` (so two versions differ in every file). */
export function helloModule(name: string, tag = '3.20'): string {
  return `import { container, dag, inputs, output, param, task, workflowTemplate } from '@argo-gen/dsl';

const i = inputs({ who: param.string() });
const hello = container('hello', { image: 'alpine:${tag}', args: ['echo', i.who] }, { inputs: i, outputs: { said: output.path('/tmp/said') } });
const a = task('a', hello, { args: { who: 'world' } });
const b = task('b', hello, { args: { who: a.outputs.parameters.said } });
export default workflowTemplate('${name}', { entrypoint: dag('main', [a, b]) });
`;
}

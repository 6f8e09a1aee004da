import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../test/paths.js';
import { runCli } from './run-cli.js';
import { project, removeProjects, writeFiles } from './scratch-project.js';

afterAll(removeProjects);

// Another team's templates as YAML (every way an input can be required or not, both kinds), and the module
// `argo-gen types theirs.yaml` writes of them; test/types/declared-templates.test-d.ts type-checks that module too.
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'types');
const THEIRS = readFileSync(path.join(FIXTURES, 'theirs.yaml'), 'utf8');
const MODULE = readFileSync(path.join(FIXTURES, 'ci.gen.ts'), 'utf8');

// A program of ours that calls them; \`BAD\` lines are each a mistake tsc must report.
const USES = `import { dag, task, templateRef, workflowTemplate } from '@argo-gen/dsl';
import { ciTemplates, sharedTools } from './ext/ci.gen.js';

const source = { git: { repo: 'https://example.com/x.git' } };
const build = task('build', templateRef(ciTemplates, 'build-image'), { args: { revision: 'abc', mode: 'fast', source } });
const notify = task('notify', templateRef(sharedTools, 'notify'), {
  args: { message: build.outputs.parameters.digest },
});
export default workflowTemplate('uses-ci', { entrypoint: dag('main', [build, notify]) });
`;

const MISTAKES = `import { task, templateRef } from '@argo-gen/dsl';
import { ciTemplates } from './ext/ci.gen.js';

const source = { raw: { data: 'x' } };
templateRef(ciTemplates, 'bild-image'); // BAD: no such template
task('a', templateRef(ciTemplates, 'build-image'), { args: { source } }); // BAD: revision is required
task('b', templateRef(ciTemplates, 'build-image'), { args: { revision: 'r', source, colour: 'red' } }); // BAD: no such input
task('c', templateRef(ciTemplates, 'build-image'), { args: { revision: 'r', source, mode: 'turbo' } }); // BAD: not in the enum
task('d', templateRef(ciTemplates, 'build-image'), { args: { revision: 'r', source } }).outputs.parameters.digets; // BAD: no such output
`;

/**
 * tsc over the project's modules as a user's project compiles them: `@argo-gen/dsl` resolved from node_modules to its
 * built declarations (the build runs before the unit tests). Returns `file:line` per error.
 */
function tscErrors(dir: string): string[] {
  const program = ts.createProgram(
    ['uses.ts', 'mistakes.ts', 'ext/ci.gen.ts'].map((f) => path.join(dir, f)),
    {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    },
  );
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const file = d.file;
    if (!file) return `(global): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    const { line } = file.getLineAndCharacterOfPosition(d.start ?? 0);
    return `${path.relative(dir, file.fileName)}:${line + 1}`;
  });
}

/** The 1-based lines of `text` marked `// BAD`. */
function badLines(file: string, text: string): string[] {
  return text.split('\n').flatMap((l, i) => (l.includes('// BAD') ? [`${file}:${i + 1}`] : []));
}

describe('argo-gen types <yaml files>', () => {
  it('prints a module of declarations: signatures only, deterministic, WorkflowTemplates first', async () => {
    const dir = project({ 'theirs.yaml': THEIRS });
    const r = await runCli(['types', 'theirs.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(MODULE);
    expect(r.stdout).not.toContain('alpine'); // no template bodies
  });

  it('writes the module with -o; it type-checks, and each mistake in a call is a tsc error on its line', async () => {
    const dir = project({ 'theirs.yaml': THEIRS, 'uses.ts': USES, 'mistakes.ts': MISTAKES });
    const r = await runCli(['types', 'theirs.yaml', '-o', 'ext/ci.gen.ts'], dir);
    expect(r.stdout).toBe('wrote ext/ci.gen.ts (2 declaration(s))\n');
    expect(readFileSync(path.join(dir, 'ext/ci.gen.ts'), 'utf8')).toBe(MODULE);
    // Run again, it rewrites its own module; a file it did not write is refused.
    expect((await runCli(['types', 'theirs.yaml', '-o', 'ext/ci.gen.ts'], dir)).code).toBe(0);
    expect(await runCli(['types', 'theirs.yaml', '-o', 'uses.ts'], dir)).toEqual({
      code: 1,
      stdout: '',
      stderr: 'uses.ts exists and was not written by argo-gen types; move it or choose another -o [types/not-ours]\n',
    });
    expect(readFileSync(path.join(dir, 'uses.ts'), 'utf8')).toBe(USES);
    expect(tscErrors(dir)).toEqual(badLines('mistakes.ts', MISTAKES));
  }, 60_000);

  it('generate treats the declared templates as present and checks the arguments (esbuild does not type-check)', async () => {
    const dir = project({ 'theirs.yaml': THEIRS, 'uses.ts': USES });
    await runCli(['types', 'theirs.yaml', '-o', 'ext/ci.gen.ts'], dir);
    const ok = await runCli(['generate', 'uses.ts', '--out', 'out'], dir);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const yaml = readFileSync(path.join(dir, 'out/uses.yaml'), 'utf8');
    expect(yaml).toContain(
      'templateRef:\n              name: shared-tools\n              template: notify\n              clusterScope: true\n',
    );
    writeFiles(dir, { 'bad.ts': USES.replace("revision: 'abc', mode: 'fast'", "mode: 'turbo'") });
    const bad = await runCli(['generate', 'bad.ts', '--out', 'out2'], dir);
    expect(bad.code).toBe(1);
    // Located at the .ts line by a real process (source maps); in-process under vitest, at the compiled module.
    expect(bad.stderr).toContain(
      `task 'build': argument 'mode' of template 'build-image' must be one of "fast", "thorough" (got "turbo") [dsl/bad-argument]`,
    );
    expect(bad.stderr).toContain(
      "task 'build': missing required argument 'revision' of template 'build-image' [dsl/bad-argument]",
    );
  }, 60_000);

  it('refuses inputs without templates, a schema-invalid template, and no inputs at all', async () => {
    const dir = project({
      'theirs.yaml': THEIRS,
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n',
      'broken.yaml':
        'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: b}\nspec:\n  templates:\n    - name: t\n      inputs:\n        parameters: {name: p}\n',
    });
    const none = await runCli(['types', 'cm.yaml'], dir);
    expect(none).toEqual({
      code: 1,
      stdout: '',
      stderr: 'no WorkflowTemplate or ClusterWorkflowTemplate in cm.yaml [types/no-templates]\n',
    });
    const broken = await runCli(['types', 'broken.yaml'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(
      "broken.yaml:8:9: /spec/templates/0/inputs/parameters: template 't': 'parameters' must be a list (got a mapping) [schema/wrong-type]\n",
    );
    const usage = await runCli(['types'], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toBe('give YAML files (or directories), or --from-cluster [usage/no-inputs]\n');
    const twice = await runCli(['types', 'theirs.yaml', 'theirs.yaml', 'cm.yaml', path.join(dir, 'theirs.yaml')], dir);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe(
      "WorkflowTemplate 'ci-templates' is given twice; declare each object once [types/duplicate]\n",
    );
  });

  it('checks the templates against the target Argo version: 4.1 by default, 3.7 with --argo-version 3.7', async () => {
    const dir = project({
      'old.yaml':
        'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata: {name: old}\nspec:\n  templates:\n    - name: locked\n      synchronization:\n        mutex: {name: m}\n      container: {image: alpine:3.20}\n',
    });
    const latest = await runCli(['types', 'old.yaml'], dir);
    expect(latest.code).toBe(1);
    expect(latest.stderr).toBe(
      "old.yaml:8:9: /spec/templates/0/synchronization/mutex: template 'locked': 'mutex' was removed in Argo 4.0; use 'mutexes' (a list); this project targets 4.1 [version/field-removed]\n",
    );
    const old = await runCli(['types', 'old.yaml', '--argo-version', '3.7'], dir);
    expect(old.code).toBe(0);
    expect(old.stdout).toContain("  name: 'old',\n  templates: {\n    locked: {},\n  },\n");
  });

  it('--from-cluster names templates as wftmpl/<name> or cwft/<name>', async () => {
    const r = await runCli(['types', '--from-cluster', 'wf/hello'], REPO_ROOT);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: "'wf/hello': name a template as wftmpl/<name> or cwft/<name> [usage/bad-template]\n",
    });
  });
});

const CALLS = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: calls-
spec:
  entrypoint: main
  templates:
    - name: main
      steps:
        - - name: build
            templateRef: {name: ci-templates, template: build-image}
            arguments:
              parameters: [{name: mode, value: fast}]
`;

/** CALLS with the arguments build-image requires. */
const SUPPLIED = CALLS.replace(
  'parameters: [{name: mode, value: fast}]',
  'parameters: [{name: revision, value: r}]\n              artifacts: [{name: source, raw: {data: x}}]',
);

describe('argo-gen validate with templates from elsewhere', () => {
  it('a module from `argo-gen types` among the inputs makes its templates present; --allow-missing-refs warns instead', async () => {
    const dir = project({ 'theirs.yaml': THEIRS, 'calls.yaml': CALLS });
    await runCli(['types', 'theirs.yaml', '-o', 'ext/ci.gen.ts'], dir);
    const alone = await runCli(['validate', '--security', 'off', 'calls.yaml'], dir);
    expect(alone.code).toBe(1);
    expect(alone.stdout).toContain(
      "calls.yaml:11:13: /spec/templates/0/steps/0/0/templateRef: template 'main', step 'build': couldn't find workflow template \"ci-templates\" in namespace \"\" [lint/unresolved-template-ref]",
    );
    const declared = await runCli(['validate', '--security', 'off', 'calls.yaml', 'ext/ci.gen.ts'], dir);
    expect(declared.code).toBe(1);
    expect(declared.stdout).toBe(
      "calls.yaml:10:13: /spec/templates/0/steps/0/0: template 'main', step 'build': template 'build-image': inputs.parameters.revision was not supplied [lint/missing-argument]\n" +
        "calls.yaml:10:13: /spec/templates/0/steps/0/0: template 'main', step 'build': template 'build-image': inputs.artifacts.source was not supplied [lint/missing-argument]\n" +
        '1 file(s), 1 document(s): 0 valid, 1 invalid, 0 skipped\n',
    );
    const allowed = await runCli(['validate', '--security', 'off', '--allow-missing-refs', 'calls.yaml'], dir);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toBe(
      "calls.yaml:11:13: /spec/templates/0/steps/0/0/templateRef: template 'main', step 'build': warning: couldn't find workflow template \"ci-templates\" in namespace \"\"; taken to be outside this run (its arguments are not checked) [lint/template-ref-outside-run]\n" +
        '1 file(s), 1 document(s): 1 valid, 0 invalid, 0 skipped, 1 warning(s)\n',
    );
  }, 60_000);

  it('apply takes the module among its inputs too: the declared templates are present, and nothing of it is sent', async () => {
    // The same call, with its arguments, in a WorkflowTemplate (apply sends WorkflowTemplates, not Workflows).
    const library = SUPPLIED.replace(
      'kind: Workflow\nmetadata:\n  generateName: calls-\nspec:\n  entrypoint: main\n',
      'kind: WorkflowTemplate\nmetadata:\n  name: calls\nspec:\n',
    );
    const dir = project({ 'theirs.yaml': THEIRS, 'calls.yaml': library });
    await runCli(['types', 'theirs.yaml', '-o', 'ext/ci.gen.ts'], dir);
    const alone = await runCli(['apply', 'calls.yaml', '--dry-run=client'], dir);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain('[lint/unresolved-template-ref]');
    const declared = await runCli(['apply', 'calls.yaml', 'ext/ci.gen.ts', '--dry-run=client'], dir);
    expect(declared).toEqual({
      code: 0,
      stdout: 'workflowtemplate/calls valid (client dry run: nothing sent)\n',
      stderr: '',
    });
  }, 60_000);

  it('--kinds checks only the kinds named (as argo lint --kinds); the others still resolve templateRefs', async () => {
    // The WorkflowTemplates are invalid (an unknown field), but not checked: only the Workflow is.
    const dir = project({
      'theirs.yaml': THEIRS.replaceAll('image: alpine:3.20', 'image: alpine:3.20\n        imag: x'),
      'calls.yaml': SUPPLIED,
    });
    const workflows = await runCli(
      ['validate', '--security', 'off', '--kinds', 'workflows', 'calls.yaml', 'theirs.yaml'],
      dir,
    );
    expect(workflows.stdout).toBe('1 file(s), 1 document(s): 1 valid, 0 invalid, 0 skipped\n');
    expect(workflows.code).toBe(0);
    const all = await runCli(['validate', '--security', 'off', '--kinds', 'all', 'calls.yaml', 'theirs.yaml'], dir);
    expect(all.code).toBe(1);
    expect(all.stdout).toContain('2 file(s), 3 document(s): 1 valid, 2 invalid, 0 skipped');
    const wrong = await runCli(['validate', '--kinds', 'pods', 'calls.yaml'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      "unknown kind 'pods'; use all or workflows, workflowtemplates, cronworkflows, clusterworkflowtemplates, workfloweventbindings",
    );
  });
});

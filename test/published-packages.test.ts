import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';

// The packages as a team repo gets them: declarations from `tsc -b`, JavaScript from scripts/bundle.mjs, both in
// dist/ (the unit tests import the sources). A consumer project type-checks against the declarations, with the
// libraries' own .d.ts checked too, and runs against the bundles. Needs `pnpm build` first (the test command builds).
mkdirSync(path.join(REPO_ROOT, '.cache'), { recursive: true });
const dir = mkdtempSync(path.join(REPO_ROOT, '.cache', 'consumer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONSUMER = `import { lintDocument } from '@argo-gen/model';
import { container, dag, inputs, param, synth, task, toYaml, workflowTemplate } from '@argo-gen/dsl';
import { kaniko } from '@argo-gen/steps';

const image = kaniko({
  name: 'build',
  context: { git: { url: 'https://example.com/app.git' } },
  destinations: ['registry.example.com/app'],
  registrySecret: 'regcred',
});
const build = task('build', image);
const io = inputs({ digest: param.string() });
const show = container('show', { image: 'alpine:3.20', args: ['echo', \`\${io.digest}\`] }, { inputs: io });
const doc = synth(
  workflowTemplate('consumer', {
    entrypoint: dag('main', [build, task('show', show, { args: { digest: build.outputs.parameters.digest } })]),
  }),
);
const errors: number = lintDocument(doc).filter((i) => i.severity === 'error').length;
const yaml = toYaml(doc);
process.stdout.write(JSON.stringify({ errors, kind: doc.kind, depends: yaml.includes('depends: build') }));
`;

describe('the published packages (dist)', { timeout: 600_000 }, () => {
  it('type-check in a consumer project (strict, library declarations checked) and run from the bundles', () => {
    writeFileSync(path.join(dir, 'consumer.ts'), CONSUMER);
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          skipLibCheck: false,
          types: ['node'],
          outDir: 'out',
        },
        files: ['consumer.ts'],
      }),
    );
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    const tsc = path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    const out = execFileSync(process.execPath, [path.join(dir, 'out', 'consumer.js')], { encoding: 'utf8' });
    // The data reference made the dependency: the bundles behave as the sources do.
    expect(JSON.parse(out)).toEqual({ errors: 0, kind: 'WorkflowTemplate', depends: true });
  });
});

import { describe, expect, it } from 'vitest';
import { type LintContext, lintDocument } from '../src/index.js';
import { withTemplateDefaults } from '../src/lint/template-defaults.js';
import { container, doc, errors, warnings } from './lint-helpers.js';

/** Rules Argo enforces at lint, submission or run time that the lint learned for issue 18. */
const main = (extra: Record<string, unknown>) => doc([{ name: 'main', ...extra }]);
const codes = (value: unknown, context?: LintContext) => errors(value, context).map((e) => e.code);

describe('lint: executor plugins (AsExecutorPluginSpec, plugin sidecar Validate)', () => {
  const plugin = (c: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'p' }) =>
    doc([{ name: 'main', ...container() }], {
      executorPlugins: [{ metadata, spec: { sidecar: { container: { name: 'p', image: 'p', ...c } } } }],
    });
  const complete = {
    ports: [{ containerPort: 4355 }],
    resources: { requests: { cpu: '100m' }, limits: { cpu: '200m' } },
    securityContext: { runAsNonRoot: true },
  };

  it('accepts a sidecar with a port, resources and a security context', () => {
    expect(errors(plugin(complete))).toEqual([]);
  });

  it.each([
    ['ports', 'at least one port is mandatory'],
    ['resources', 'resources requests are mandatory'],
    ['securityContext', 'security context is mandatory'],
  ])('reports a sidecar without %s with Argo message', (field, message) => {
    const { [field]: _, ...rest } = complete as Record<string, unknown>;
    expect(errors(plugin(rest))[0]).toEqual({
      code: 'lint/invalid-executor-plugin',
      path: '/spec/executorPlugins/0/spec/sidecar/container',
      message: `spec.executorPlugins: ${message}`,
    });
  });

  it('reports a plugin without a name', () => {
    expect(errors(plugin(complete, {}))).toEqual([
      {
        code: 'lint/invalid-executor-plugin',
        path: '/spec/executorPlugins/0/metadata',
        message: 'spec.executorPlugins: executor plugin metadata name is mandatory',
      },
    ]);
  });
});

describe("lint: a Workflow's global parameters (validateArgumentsValues at submission)", () => {
  const args = (kind: string) =>
    doc([{ name: 'main', ...container() }], { arguments: { parameters: [{ name: 'x' }] } }, kind, { name: 'w' });

  it('refuses a parameter with neither value nor valueFrom in a Workflow, saying where Argo refuses it', () => {
    expect(errors(args('Workflow'))).toEqual([
      {
        code: 'lint/missing-value',
        path: '/spec/arguments/parameters/0',
        message:
          'spec.arguments.x.value or spec.arguments.x.valueFrom is required (Argo refuses it when the Workflow is submitted; `argo lint` alone lets it pass)',
      },
    ]);
  });

  it('lets a WorkflowTemplate leave it to the Workflow that runs it', () => {
    expect(errors(args('WorkflowTemplate'))).toEqual([]);
  });

  it("refuses a Workflow that does not supply a parameter its workflowTemplateRef's template leaves empty", () => {
    const wt = args('WorkflowTemplate');
    const wf = (parameters: unknown[]) => ({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: { generateName: 'run-' },
      spec: { workflowTemplateRef: { name: 'w' }, arguments: { parameters } },
    });
    expect(codes(wf([{ name: 'x', value: '1' }]), { templates: [wt] })).toEqual([]);
    expect(errors(wf([]), { templates: [wt] })).toEqual([
      {
        code: 'lint/missing-value',
        path: '/spec/workflowTemplateRef',
        message:
          "spec.arguments.x.value or spec.arguments.x.valueFrom is required: WorkflowTemplate 'w' declares it without a value and this Workflow does not supply it (Argo refuses it when the Workflow is submitted; `argo lint` alone lets it pass)",
      },
    ]);
  });
});

describe('lint: resource manifests must be YAML', () => {
  // A stand-in reader: the CLI passes its go-yaml-compatible one (packages/cli/src/yaml/yaml-problem.ts).
  const yamlProblem = (text: string) => (text.includes(': :') ? 'YAML syntax error: bad' : undefined);
  const resource = (manifest: string, action = 'create') => main({ resource: { action, manifest } });

  it('reports a manifest the reader refuses, with the reason', () => {
    expect(errors(resource('kind: : x'), { yamlProblem })).toEqual([
      {
        code: 'lint/invalid-manifest',
        path: '/spec/templates/0/resource/manifest',
        message: 'resource.manifest must be a valid yaml: YAML syntax error: bad',
      },
    ]);
  });

  it('reads it with every {{…}} replaced by a placeholder, as Argo does, and leaves a manifest that is one tag', () => {
    const seen: string[] = [];
    const record = (text: string) => {
      seen.push(text);
      return undefined;
    };
    const d = doc([
      {
        name: 'main',
        inputs: { parameters: [{ name: 'n', value: 'a' }] },
        resource: { action: 'apply', manifest: 'name: {{inputs.parameters.n}}\nsize: {{= 1 + 1 }}' },
      },
      {
        name: 'whole',
        inputs: { parameters: [{ name: 'm' }] },
        resource: { action: 'apply', manifest: '{{inputs.parameters.m}}' },
      },
    ]);
    expect(errors(d, { yamlProblem: record })).toEqual([]);
    expect(seen).toEqual(['name: argo-placeholder-1\nsize: argo-placeholder-2']);
  });

  it('does not read manifests of get and delete, nor without a reader', () => {
    expect(errors(resource('kind: : x', 'delete'), { yamlProblem })).toEqual([]);
    expect(errors(resource('kind: : x'))).toEqual([]);
  });
});

describe('lint: container names Argo reserves (common.IsArgoSidecar) and the main container', () => {
  it.each(['wait', 'supervisor', 'artifact-plugin-s3'])(
    'refuses a sidecar or a containerSet container named %s',
    (n) => {
      expect(errors(main({ ...container(), sidecars: [{ name: n, image: 'a' }] }))).toEqual([
        {
          code: 'lint/reserved-container-name',
          path: '/spec/templates/0/sidecars/0/name',
          message: `sidecars: "${n}" is a reserved Argo container name`,
        },
      ]);
      expect(
        errors(
          main({
            containerSet: {
              containers: [
                { name: 'main', image: 'a' },
                { name: n, image: 'a' },
              ],
            },
          }),
        ),
      ).toEqual([
        {
          code: 'lint/reserved-container-name',
          path: '/spec/templates/0/containerSet/containers/1/name',
          message: `containers: "${n}" is a reserved Argo container name`,
        },
      ]);
    },
  );

  // Only Argo 4.1's validator refuses them (v4.0.10 and v3.7.18 have no such check; conformance compares both).
  it('reserves per Argo line: all three in 4.1; wait, which fails at run time, before; artifact-plugin-* a 4.0 warning', () => {
    const sidecar = (n: string, argoVersion: LintContext['argoVersion']) => {
      const d = main({ ...container(), sidecars: [{ name: n, image: 'a' }] });
      return [...errors(d, { argoVersion }), ...warnings(d, { argoVersion })].map((e) => e.message);
    };
    expect(sidecar('supervisor', '4.0')).toEqual([]);
    expect(sidecar('supervisor', '3.7')).toEqual([]);
    expect(sidecar('artifact-plugin-s3', '3.7')).toEqual([]);
    for (const v of ['3.7', '4.0'] as const)
      expect(sidecar('wait', v)).toEqual([
        `sidecars: "wait" is a reserved Argo container name (Argo ${v} accepts the document; the pod fails at run time)`,
      ]);
    const d = main({ ...container(), sidecars: [{ name: 'artifact-plugin-s3', image: 'a' }] });
    expect(errors(d, { argoVersion: '4.0' })).toEqual([]);
    expect(warnings(d, { argoVersion: '4.0' })).toEqual([
      {
        code: 'lint/reserved-container-name',
        path: '/spec/templates/0/sidecars/0/name',
        message:
          'sidecars: "artifact-plugin-s3" is the name of Argo\'s artifact plugin sidecars: Argo 4.0\'s controller takes ' +
          "the container for its own (does not run its command under the executor, mirrors the main container's " +
          'mounts into it); Argo 4.1 refuses the name',
      },
    ]);
  });

  it('refuses a sidecar named like a container the template runs, which fails at run time', () => {
    expect(errors(main({ ...container(), sidecars: [{ name: 'main', image: 'a' }] }))).toEqual([
      {
        code: 'lint/reserved-container-name',
        path: '/spec/templates/0/sidecars/0/name',
        message:
          'sidecars: "main" is the name of a container the template runs; the pod cannot be created (fails at run time)',
      },
    ]);
    expect(
      codes(main({ containerSet: { containers: [{ name: 'a', image: 'a' }] }, sidecars: [{ name: 'a' }] })),
    ).toEqual(['lint/reserved-container-name']);
  });
});

describe('lint: templateDefaults, merged the way the controller merges them', () => {
  it('takes an image from templateDefaults of the same template type only', () => {
    const defaults = { templateDefaults: { container: { image: 'alpine' } } };
    expect(errors(doc([{ name: 'main', container: { command: ['true'] } }], defaults))).toEqual([]);
    expect(codes(doc([{ name: 'main', script: { source: 'true' } }], defaults))).toEqual(['lint/missing-image']);
  });

  it('warns of an empty script source, which runs the image without a script', () => {
    const d = doc([{ name: 'main', script: { image: 'alpine' } }]);
    expect(errors(d)).toEqual([]);
    expect(warnings(d).map((w) => w.code)).toEqual(['lint/empty-script-source']);
    const withDefault = doc([{ name: 'main', script: { image: 'alpine' } }], {
      templateDefaults: { script: { source: 'echo' } },
    });
    expect(warnings(withDefault)).toEqual([]);
  });

  it('merges maps deeply, keyed lists by key, and lets the template win', () => {
    const merged = withTemplateDefaults(
      {
        name: 't',
        container: { image: 'mine', env: [{ name: 'A', value: 'template' }] },
        sidecars: [{ name: 's', image: 'x' }],
      },
      {
        activeDeadlineSeconds: 5,
        script: { image: 'not-for-containers', source: '' },
        container: {
          image: 'default',
          command: ['sh'],
          env: [
            { name: 'A', value: 'default' },
            { name: 'B', value: 'b' },
          ],
        },
        sidecars: [{ name: 's', command: ['run'] }],
      },
    );
    expect(merged).toEqual({
      name: 't',
      activeDeadlineSeconds: 5,
      container: {
        image: 'mine',
        command: ['sh'],
        env: [
          { name: 'A', value: 'template' },
          { name: 'B', value: 'b' },
        ],
      },
      sidecars: [{ name: 's', command: ['run'], image: 'x' }],
    });
  });
});

describe('lint: Kubernetes label rules on the document', () => {
  it('refuses a label value the API server refuses', () => {
    const d = doc([{ name: 'main', ...container() }], {}, 'Workflow', {
      generateName: 'x-',
      labels: { ok: 'a.b_c-d', 'example.com/fine': '', generateName: 'fun-', 'bad key!': 'v' },
    });
    expect(errors(d).map((e) => [e.code, e.path])).toEqual([
      ['k8s/invalid-label', '/metadata/labels/generateName'],
      ['k8s/invalid-label', '/metadata/labels/bad key!'],
    ]);
  });
});

describe('lint: argoVersion', () => {
  it('is 4.1 unless given', () => {
    const d = main({ ...container(), parallelism: 0 });
    expect(lintDocument(d).map((i) => i.code)).toContain('crd/minimum');
    expect(lintDocument(d, { argoVersion: '3.7' }).map((i) => i.code)).not.toContain('crd/minimum');
  });
});

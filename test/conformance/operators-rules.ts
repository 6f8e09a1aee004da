import {
  arr,
  calls,
  type Doc,
  esc,
  isObj,
  type Json,
  type Operator,
  pick,
  spec,
  stepsOf,
  templates,
} from './mutate.js';

/**
 * Mutation operators for issue 18 §2: what Argo accepts although the JSON schema's `required` lists or our older
 * rules would refuse it (expect valid), and the rules Argo enforces that we used to miss (expect invalid).
 */

const containers = (doc: Doc) => templates(doc).filter((t) => isObj(t.container));
const scripts = (doc: Doc) => templates(doc).filter((t) => isObj(t.script));
/** Container templates without outputs or input artifacts: their body can be swapped for another kind. */
const plainContainers = (doc: Doc) =>
  containers(doc).filter((t) => t.outputs === undefined && !(isObj(t.inputs) && t.inputs.artifacts !== undefined));

const RESERVED = ['wait', 'supervisor', 'artifact-plugin-s3'];
const NOT_YAML = ['kind: [ConfigMap\n', 'a: b\n c: d\n: e\n', 'metadata: {name: x\n', '"unclosed: x\n'];

export const RULE_OPERATORS: readonly Operator[] = [
  // --- required in schema.json, not required by Argo ---------------------------------------------------------------
  {
    name: 'script-without-source',
    expect: 'valid',
    apply: (doc, [a]) => {
      const t = pick(scripts(doc), a);
      if (!t || !isObj(t.script) || t.script.source === undefined) return false;
      delete t.script.source;
      t.script.command = ['sh', '-c', 'echo from the command'];
      return true;
    },
  },
  {
    name: 'template-defaults-image',
    expect: 'valid',
    apply: (doc) => {
      const cs = containers(doc);
      const s = spec(doc);
      if (cs.length === 0 || s.templateDefaults !== undefined) return false;
      for (const t of cs) if (isObj(t.container)) delete t.container.image;
      s.templateDefaults = { container: { image: 'busybox:1.36' } };
      return true;
    },
  },
  // --- values the controller supplies, expressions Argo resolves ---------------------------------------------------
  {
    name: 'nested-expression-in-step-name',
    expect: 'valid',
    apply: (doc, [a]) => {
      const t = pick(
        templates(doc).filter((x) => stepsOf(x).length > 0),
        a,
      );
      const step = t && pick(stepsOf(t), 0);
      if (!t || !step || typeof step.name !== 'string') return false;
      const inputs: Json = isObj(t.inputs) ? t.inputs : {};
      t.inputs = { ...inputs, parameters: [...arr(inputs.parameters), { name: 'suffix', value: 'a' }] };
      const was = step.name;
      step.name = `${was}-{{inputs.parameters.suffix}}`;
      // Nothing else may refer to the old name.
      return !JSON.stringify(t).includes(`steps.${was}.`);
    },
  },
  // A label the controller merges from spec.workflowMetadata: Argo's validator counts it as defined.
  { name: 'workflow-metadata-label-reference', expect: 'valid', apply: (doc, [a]) => labelReference(doc, a, true) },
  // A label nothing defines: argo lint (no workflow defaults offline) refuses the reference.
  { name: 'unknown-workflow-label-reference', expect: 'invalid', apply: (doc, [a]) => labelReference(doc, a, false) },
  // --- rules Argo enforces -----------------------------------------------------------------------------------------
  {
    name: 'executor-plugin-sidecar-without-port',
    expect: 'invalid',
    apply: (doc) => executorPlugin(doc, undefined),
  },
  {
    name: 'executor-plugin-sidecar-with-port',
    expect: 'valid',
    apply: (doc) => executorPlugin(doc, [{ containerPort: 4355 }]),
  },
  // Refused when a Workflow is submitted (validate.Workflow outside lint mode: "spec.arguments.unset-global.value is
  // required"); `argo lint` runs in lint mode, which skips that check, so the Go oracle takes it.
  {
    name: 'global-parameter-without-value',
    expect: 'invalid',
    apply: (doc) => globalParameter(doc, 'Workflow'),
  },
  // A CronWorkflow's spec is validated outside lint mode even by `argo lint`.
  {
    name: 'cron-global-parameter-without-value',
    expect: 'invalid',
    apply: (doc) => globalParameter(doc, 'CronWorkflow'),
  },
  // A WorkflowTemplate's global parameter may be left for the submitter to supply.
  {
    name: 'template-global-parameter-without-value',
    expect: 'valid',
    apply: (doc) => globalParameter(doc, 'WorkflowTemplate'),
  },
  {
    name: 'resource-manifest-not-yaml',
    expect: 'invalid',
    apply: (doc, [a, b]) => resource(doc, a, NOT_YAML[b % NOT_YAML.length] ?? 'kind: [ConfigMap\n'),
  },
  {
    name: 'resource-manifest-yaml',
    expect: 'valid',
    apply: (doc, [a]) =>
      resource(
        doc,
        a,
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: made-\ndata:\n  k: "{{workflow.name}}"\n',
      ),
  },
  {
    name: 'reserved-sidecar-name',
    expect: 'invalid',
    apply: (doc, [a, b]) => sidecar(doc, a, RESERVED[b % RESERVED.length] ?? 'wait'),
  },
  { name: 'ordinary-sidecar-name', expect: 'valid', apply: (doc, [a]) => sidecar(doc, a, 'helper') },
  {
    name: 'reserved-container-set-name',
    expect: 'invalid',
    apply: (doc, [a, b]) => containerSet(doc, a, RESERVED[b % RESERVED.length] ?? 'wait'),
  },
  { name: 'ordinary-container-set-name', expect: 'valid', apply: (doc, [a]) => containerSet(doc, a, 'helper') },
];

function labelReference(doc: Doc, a: number, defined: boolean): boolean {
  const t = pick(containers(doc), a);
  const s = spec(doc);
  if (!t || !isObj(t.container) || s.workflowMetadata !== undefined) return false;
  const args = Array.isArray(t.container.args) ? t.container.args : [];
  t.container.args = [...args, '{{workflow.labels.team}}'];
  if (defined) s.workflowMetadata = { labels: { team: 'burgers' } };
  return true;
}

function executorPlugin(doc: Doc, ports: Json[] | undefined): boolean {
  const s = spec(doc);
  if (s.executorPlugins !== undefined) return false;
  const container: Json = {
    name: 'hello-plugin',
    image: 'python:alpine3.23',
    command: ['python', '-m', 'http.server'],
  };
  // Everything else Argo's Sidecar.Validate demands (pkg/plugins/spec), so that only the port varies.
  container.resources = { requests: { cpu: '100m', memory: '32Mi' }, limits: { cpu: '200m', memory: '64Mi' } };
  container.securityContext = { runAsNonRoot: true, runAsUser: 65534 };
  if (ports) container.ports = ports;
  s.executorPlugins = [{ metadata: { name: 'hello-plugin' }, spec: { sidecar: { container } } }];
  return true;
}

function globalParameter(doc: Doc, kind: string): boolean {
  if (doc.kind !== kind) return false;
  const s = spec(doc);
  const args: Json = isObj(s.arguments) ? s.arguments : {};
  s.arguments = { ...args, parameters: [...arr(args.parameters), { name: 'unset-global' }] };
  return true;
}

/**
 * Turns a plain container template (called with no arguments, and whose callers' outputs nobody reads: a resource
 * template has no exit code or result) into a resource template creating `manifest`.
 */
function resource(doc: Doc, a: number, manifest: string): boolean {
  const text = JSON.stringify(doc);
  const read = (c: Json) => typeof c.name === 'string' && new RegExp(`(steps|tasks)\\.${esc(c.name)}\\.`).test(text);
  const called = new Set(
    calls(doc)
      .filter((c) => c.arguments === undefined && !read(c))
      .map((c) => c.template),
  );
  const t = pick(
    plainContainers(doc).filter((x) => called.has(x.name) && x.inputs === undefined),
    a,
  );
  if (!t) return false;
  delete t.container;
  t.resource = { action: 'create', manifest };
  return true;
}

function sidecar(doc: Doc, a: number, name: string): boolean {
  const t = pick(containers(doc), a);
  if (!t) return false;
  t.sidecars = [...arr(t.sidecars), { name, image: 'busybox:1.36', command: ['sleep', '1'] }];
  return true;
}

/** Turns a plain container template into a containerSet of `main` (the old container) and one more. */
function containerSet(doc: Doc, a: number, name: string): boolean {
  const t = pick(plainContainers(doc), a);
  if (!t || !isObj(t.container)) return false;
  t.containerSet = {
    containers: [
      { ...t.container, name: 'main' },
      { name, image: 'busybox:1.36', command: ['true'] },
    ],
  };
  delete t.container;
  return true;
}

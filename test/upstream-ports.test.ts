/**
 * DSL ports of Argo's upstream examples (examples/upstream/*.ts) compared with the upstream documents, Hera-style
 * (Hera's tests/test_remaining_examples.py `_transform_workflow`). The upstream YAML is read from ../shared, never
 * copied. Both sides are normalised before `toEqual` on the spec:
 *
 *  1. Templates are sorted by name: the DSL emits them in discovery order from the entrypoint, upstream in any order.
 *  2. metadata.labels and metadata.annotations are dropped: they hold test-harness hints (`no-test`, descriptions),
 *     not workflow behaviour; the rest of metadata (name / generateName) is compared, except where noted below.
 *  3. `when` strings have their single quotes removed: the DSL's typed `when.eq(x, 'heads')` renders
 *     `'{{…}}' == 'heads'` (quoted, so govaluate compares strings whatever the value), where upstream writes
 *     `{{…}} == heads`. Both mean the same to Argo; only the quoting differs.
 *
 * A multi-document upstream file (workflow-template/templates.yaml) is ported as a list, compared document by document;
 * the other workflow-template/ ports call its templates through typed `templateRef`s across files.
 *
 * The count of escape hatches in each port is part of the test name: every other `{{…}}` is a typed handle.
 */
import { readFileSync } from 'node:fs';
import { step, synth, templateRef, type WorkflowLike } from '@argo-gen/dsl';
import type * as model from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import argumentsParameters from '../examples/upstream/arguments-parameters.js';
import coinflip from '../examples/upstream/coinflip.js';
import cronWorkflow from '../examples/upstream/cron-workflow.js';
import daemonStep from '../examples/upstream/daemon-step.js';
import dagContinueOnFail from '../examples/upstream/dag-continue-on-fail.js';
import dagDiamond from '../examples/upstream/dag-diamond.js';
import dagDiamondSteps from '../examples/upstream/dag-diamond-steps.js';
import dagMultiroot from '../examples/upstream/dag-multiroot.js';
import exitHandlers from '../examples/upstream/exit-handlers.js';
import globalParameters from '../examples/upstream/global-parameters.js';
import helloWorld from '../examples/upstream/hello-world.js';
import k8sJobs from '../examples/upstream/k8s-jobs.js';
import loops from '../examples/upstream/loops.js';
import loopsMaps from '../examples/upstream/loops-maps.js';
import loopsParamResult from '../examples/upstream/loops-param-result.js';
import outputParameter from '../examples/upstream/output-parameter.js';
import parameterAggregation from '../examples/upstream/parameter-aggregation.js';
import retryBackoff from '../examples/upstream/retry-backoff.js';
import retryWithSteps from '../examples/upstream/retry-with-steps.js';
import scriptsBash from '../examples/upstream/scripts-bash.js';
import scriptsPython from '../examples/upstream/scripts-python.js';
import steps from '../examples/upstream/steps.js';
import suspendTemplate from '../examples/upstream/suspend-template.js';
import timeoutsWorkflow from '../examples/upstream/timeouts-workflow.js';
import wtDag from '../examples/upstream/workflow-template/dag.js';
import wtHelloWorld from '../examples/upstream/workflow-template/hello-world.js';
import wtRetryWithSteps from '../examples/upstream/workflow-template/retry-with-steps.js';
import wtSteps from '../examples/upstream/workflow-template/steps.js';
import wtTemplates, { innerSteps, innerStepsTemplate } from '../examples/upstream/workflow-template/templates.js';
import wtRef from '../examples/upstream/workflow-template/workflow-template-ref.js';
import { readDocuments } from '../packages/cli/src/yaml/read-documents.js';
import { EXAMPLES_DIR, REPO_ROOT } from './paths.js';

/** Port name (the upstream path without `.yaml`) → its value; a multi-document file is ported as a list. */
const PORTS: Readonly<Record<string, WorkflowLike | readonly WorkflowLike[]>> = {
  'arguments-parameters': argumentsParameters,
  coinflip,
  'cron-workflow': cronWorkflow,
  'daemon-step': daemonStep,
  'dag-continue-on-fail': dagContinueOnFail,
  'dag-diamond': dagDiamond,
  'dag-diamond-steps': dagDiamondSteps,
  'dag-multiroot': dagMultiroot,
  'exit-handlers': exitHandlers,
  'global-parameters': globalParameters,
  'hello-world': helloWorld,
  'k8s-jobs': k8sJobs,
  loops,
  'loops-maps': loopsMaps,
  'loops-param-result': loopsParamResult,
  'output-parameter': outputParameter,
  'parameter-aggregation': parameterAggregation,
  'retry-backoff': retryBackoff,
  'retry-with-steps': retryWithSteps,
  'scripts-bash': scriptsBash,
  'scripts-python': scriptsPython,
  steps,
  'suspend-template': suspendTemplate,
  'timeouts-workflow': timeoutsWorkflow,
  'workflow-template/dag': wtDag,
  'workflow-template/hello-world': wtHelloWorld,
  'workflow-template/retry-with-steps': wtRetryWithSteps,
  'workflow-template/steps': wtSteps,
  'workflow-template/templates': wtTemplates,
  'workflow-template/workflow-template-ref': wtRef,
};

/** Ports whose upstream metadata cannot be reproduced, and why (their spec is still compared). */
const METADATA_EXCEPTIONS: Readonly<Record<string, string>> = {
  'k8s-jobs':
    'upstream has neither name nor generateName (its `name:` is inside an annotation); the port uses generateName',
};

type Doc = { kind?: string; metadata?: Record<string, unknown>; spec?: Record<string, unknown> };

const unquoteWhen = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/'([^']*)'/g, '$1') : value;

/** Normalisation 3, everywhere a `when` can be (steps, DAG tasks, at any depth). */
function normaliseWhen(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normaliseWhen);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'when' ? unquoteWhen(v) : normaliseWhen(v)]),
  );
}

/** Normalisation 1 (and 3) on a WorkflowSpec. */
function normaliseSpec(spec: Record<string, unknown> | undefined): unknown {
  const templates = [...((spec?.templates as model.Template[] | undefined) ?? [])].sort((a, b) =>
    (a.name ?? '') < (b.name ?? '') ? -1 : 1,
  );
  return normaliseWhen({ ...spec, templates });
}

/** The whole document, normalised: CronWorkflows have their WorkflowSpec under spec.workflowSpec. */
function normalise(doc: Doc): Doc {
  const { labels: _labels, annotations: _annotations, ...metadata } = doc.metadata ?? {};
  const spec =
    doc.kind === 'CronWorkflow'
      ? { ...doc.spec, workflowSpec: normaliseSpec(doc.spec?.workflowSpec as Record<string, unknown>) }
      : (normaliseSpec(doc.spec) as Record<string, unknown>);
  return { kind: doc.kind, metadata, spec };
}

function upstream(name: string): Doc[] {
  const file = `${EXAMPLES_DIR}${name}.yaml`;
  return readDocuments(readFileSync(file, 'utf8'), file).map((d) => d.value as Doc);
}

/** Escape hatches in a port: `raw(…)` strings, `rawTemplate(…)`, and raw model objects marked `// raw entry`. */
const rawUses = (name: string): number =>
  (readFileSync(`${REPO_ROOT}examples/upstream/${name}.ts`, 'utf8').match(/\braw(?:Template)?\(|\/\/ raw entry/g) ?? [])
    .length;

describe('upstream example ports match Argo’s documents after normalisation', () => {
  const names = Object.keys(PORTS);

  it('has at least 20 ports, each a file in examples/upstream', () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(names.map((n) => [`${n} (raw: ${rawUses(n)})`, n]))('%s', (_label, name) => {
    const port = PORTS[name] as WorkflowLike | readonly WorkflowLike[];
    const ours = (Array.isArray(port) ? port : [port]).map((p: WorkflowLike) => normalise(synth(p) as Doc));
    const theirs = upstream(name).map(normalise);
    expect(ours.map((d) => d.kind)).toEqual(theirs.map((d) => d.kind));
    expect(ours.map((d) => d.spec)).toEqual(theirs.map((d) => d.spec));
    if (!(name in METADATA_EXCEPTIONS)) expect(ours.map((d) => d.metadata)).toEqual(theirs.map((d) => d.metadata));
  });

  it('uses escape hatches in few places, all of them where the DSL has no handle or refuses upstream', () => {
    const counts = Object.fromEntries(names.map((n) => [n, rawUses(n)]).filter(([, c]) => c !== 0));
    expect(counts).toEqual({
      'cron-workflow': 1, // {{workflow.scheduledTime}}
      'daemon-step': 1, // {{steps.influx.ip}}, used in five commands
      'parameter-aggregation': 1, // {{steps.odd-or-even.outputs.parameters}}, a loop's whole output list
      'workflow-template/steps': 1, // a step passing an argument its template does not declare
    });
  });

  it('the typed call that workflow-template/steps had to write raw is refused, as the port says', () => {
    const ref = templateRef(innerStepsTemplate, innerSteps);
    expect(() => step('hello2a', ref, { args: { message: 'hello2a' } as never })).toThrow(
      "step 'hello2a': argument 'message' is not an input of template 'inner-steps' (inputs: none) [dsl/bad-argument]",
    );
  });
});

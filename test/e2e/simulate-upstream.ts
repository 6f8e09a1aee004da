// Corpus (b): Argo's own examples (../shared/argo/v4.1.2/examples) whose outcome does not depend on real containers.
// Selected by rule, in code: each excluded example is counted under the first rule it breaks. The selected ones run
// with every leaf succeeding and every suspend node approved; the fake kubelet reports every declared output
// parameter as its default (or "") and `result` as "", which simulate() is told too.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { EXAMPLES_DIR, REPO_ROOT } from '../paths.js';
import { type Doc, readYaml } from './simulate-documents.js';
import type { CaseOutcome, DiffCase } from './simulate-harness.js';

/** A rule that excludes an example: why, and the test on the document's JSON text and value. */
interface Rule {
  readonly why: string;
  readonly excludes: (doc: Doc, text: string) => boolean;
}

const has = (text: string, key: string) => text.includes(`"${key}":`);
const templatesOf = (doc: Doc) =>
  ((doc.spec as { templates?: Record<string, unknown>[] } | undefined)?.templates ?? []) as Record<string, unknown>[];

export const RULES: readonly Rule[] = [
  { why: 'not a Workflow (a template library, CronWorkflow or event binding)', excludes: (d) => d.kind !== 'Workflow' },
  {
    why: 'artifacts need an artifact repository',
    excludes: (_, t) => ['artifacts', 'archiveLocation', 'artifactRepositoryRef', 'artifactGC'].some((k) => has(t, k)),
  },
  {
    why: 'resource, HTTP and plugin templates need real objects or servers',
    excludes: (d) => templatesOf(d).some((t) => 'resource' in t || 'http' in t || 'plugin' in t || 'data' in t),
  },
  {
    why: 'calls a WorkflowTemplate that is not installed',
    excludes: (_, t) => has(t, 'templateRef') || has(t, 'workflowTemplateRef'),
  },
  {
    why: 'reads a ConfigMap or Secret',
    excludes: (_, t) => has(t, 'configMapKeyRef') || has(t, 'secretKeyRef') || has(t, 'configMap'),
  },
  {
    // A mutex named after the workflow's own uid or name only orders that workflow's pods, which decides no phase.
    why: 'synchronization waits on semaphores and mutexes held across workflows',
    excludes: (d) => synchronizations(d).some((s) => !isPrivateMutexes(s)),
  },
  {
    // Which branch runs, or how many items, is decided by what a container printed or wrote: the fake kubelet's
    // "" says nothing about the example.
    why: "decided by a container's output (when, withParam, depends or expression reading outputs)",
    excludes: (d) => decidedByOutputs(d),
  },
  {
    why: 'time decides the outcome (deadlines, timeouts, suspend durations)',
    excludes: (_, t) => has(t, 'activeDeadlineSeconds') || has(t, 'timeout') || /"suspend":\{"duration"/.test(t),
  },
  {
    // Argo's emissary executor needs the main container's command; without one the controller asks the image's
    // registry for its entrypoint (the test cluster has no network), unless the controller's `images` config lists
    // it (test/cluster/images.json).
    why: "a container without a command (the controller would read the image's entrypoint from its registry)",
    excludes: (d) => mainContainers(d).some((c) => !c.command && !(typeof c.image === 'string' && c.image in IMAGES)),
  },
  {
    why: 'a suspend node whose outputs a person supplies on resume (valueFrom.supplied)',
    excludes: (_, t) => has(t, 'supplied'),
  },
  {
    // pod-spec-from-previous-step.yaml patches its pod with a JSON object a step printed: with the fake kubelet's ""
    // the patch is invalid and the controller errors the node.
    why: 'a pod patched from parameters (podSpecPatch with {{…}}: what a step printed decides whether the patch is valid)',
    excludes: (d, t) =>
      /\.outputs\./.test(t) &&
      [d.spec, ...templatesOf(d)].some((x) => String((x as { podSpecPatch?: string })?.podSpecPatch).includes('{{')),
  },
  {
    // The test cluster's API server runs with --allow-privileged=false.
    why: 'a privileged container, which the API server refuses',
    excludes: (_, t) => t.includes('"privileged":true'),
  },
  {
    why: 'stops or terminates itself (shutdown)',
    excludes: (_, t) => has(t, 'shutdown'),
  },
];

/** The images whose entrypoints the test cluster's controller is given (its `images` config). */
const IMAGES = JSON.parse(readFileSync(`${REPO_ROOT}test/cluster/images.json`, 'utf8')) as Record<string, unknown>;

interface Synchronization {
  readonly mutexes?: readonly { readonly name?: string; readonly database?: boolean }[];
  /** `semaphores`, and the deprecated `mutex` and `semaphore`. */
  readonly [other: string]: unknown;
}

/** Every `synchronization` of the document: the workflow's and its templates'. */
function synchronizations(doc: Doc): Synchronization[] {
  return [doc.spec, ...templatesOf(doc)]
    .map((x) => (x as { synchronization?: Synchronization } | undefined)?.synchronization)
    .filter((s): s is Synchronization => s !== undefined);
}

/** Only in-memory mutexes whose names hold the workflow's uid or name: no other workflow can hold them. */
const isPrivateMutexes = (s: Synchronization) =>
  Object.keys(s).every((k) => k === 'mutexes') &&
  (s.mutexes ?? []).every((m) => !m.database && /\{\{workflow\.(uid|name)\}\}/.test(m.name ?? ''));

/** The main containers of every template, inline ones included: `container` and `containerSet.containers`. */
function mainContainers(value: unknown): { command?: unknown; image?: unknown }[] {
  if (Array.isArray(value)) return value.flatMap(mainContainers);
  if (!value || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  const own = [
    ...(o.container && typeof o.container === 'object' ? [o.container] : []),
    ...(((o.containerSet as { containers?: unknown[] } | undefined)?.containers ?? []) as object[]),
  ];
  return [...own, ...Object.values(o).flatMap(mainContainers)] as { command?: unknown; image?: unknown }[];
}

/** Whether a `when`, `withParam`, `withSequence`, hook or retry `expression` reads a step's or task's outputs. */
function decidedByOutputs(doc: Doc): boolean {
  const reads = (v: unknown) => typeof v === 'string' && /\.outputs\.|outputs\.result|\.exitCode/.test(v);
  const calls = templatesOf(doc).flatMap((t) => [
    ...(((t.dag as { tasks?: Record<string, unknown>[] } | undefined)?.tasks ?? []) as Record<string, unknown>[]),
    ...(((t.steps as Record<string, unknown>[][] | undefined) ?? []).flat() as Record<string, unknown>[]),
  ]);
  const hookExprs = calls.flatMap((c) =>
    Object.values((c.hooks ?? {}) as Record<string, { expression?: string }>).map((h) => h.expression),
  );
  const retryExprs = templatesOf(doc).map((t) => (t.retryStrategy as { expression?: string } | undefined)?.expression);
  const sequences = calls.flatMap((c) => Object.values((c.withSequence ?? {}) as Record<string, unknown>));
  return [...calls.flatMap((c) => [c.when, c.withParam]), ...sequences, ...hookExprs, ...retryExprs].some(reads);
}

const UNREADABLE = "Argo's YAML reader refuses it";

export interface UpstreamSelection {
  readonly cases: DiffCase[];
  /** Why examples were left out, with how many. */
  readonly excluded: ReadonlyMap<string, number>;
}

const yamlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = `${dir}${f}`;
      if (statSync(p).isDirectory()) return yamlFiles(`${p}/`);
      return f.endsWith('.yaml') ? [p] : [];
    });

/**
 * Every suspend template approved, by its name (they wait for a person), and every other template's pods succeed
 * printing nothing: `result` is "" on both sides (the fake kubelet reports it when the workflow reads it).
 */
const approvals = (doc: Doc): Record<string, CaseOutcome> =>
  Object.fromEntries(
    templatesOf(doc).map((t) => [t.name as string, 'suspend' in t ? 'approve' : { result: '' }] as const),
  );

/** The upstream examples (every document of every file under examples/), selected by the rules. */
export function upstreamSelection(): UpstreamSelection {
  const cases: DiffCase[] = [];
  const excluded = new Map<string, number>();
  for (const file of yamlFiles(EXAMPLES_DIR)) {
    let docs: Doc[];
    try {
      docs = readYaml(file);
    } catch {
      // k8s-patch-json-workflow.yaml has a duplicate key, which Argo's strict decoding refuses too.
      excluded.set(UNREADABLE, (excluded.get(UNREADABLE) ?? 0) + 1);
      continue;
    }
    docs.forEach((doc, i) => {
      const text = JSON.stringify(doc);
      const rule = RULES.find((r) => r.excludes(doc, text));
      if (rule) {
        excluded.set(rule.why, (excluded.get(rule.why) ?? 0) + 1);
        return;
      }
      const where = file.slice(EXAMPLES_DIR.length) + (docs.length > 1 ? `#${i}` : '');
      cases.push({ title: where, workflow: doc, outcomes: approvals(doc) });
    });
  }
  return { cases, excluded };
}

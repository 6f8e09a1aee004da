import type { Artifact, Template } from '../gen/types.gen.js';
import { pointerUnder } from '../json-pointer.js';
import { isObject, list, type Sink } from './document.js';
import { locationsOf } from './template-refs.js';

/** Argo's leaf templates for artifact paths (`Template.IsLeaf`): suspend is not one of them. */
export function isArtifactLeaf(t: Template): boolean {
  return !!(t.container || t.containerSet || t.script || t.resource || t.data || t.http || t.plugin);
}

/** A clean artifact path on a leaf template, no path elsewhere (rules 26, 61). */
export function checkArtifactPath(
  sink: Sink,
  t: Template,
  a: Artifact,
  path: string,
  field: 'inputs' | 'outputs',
): void {
  if (isArtifactLeaf(t)) {
    if (!a.path) sink.error('lint/invalid-artifact-path', path, `Artifact '${a.name}' did not specify a path`);
    else if (a.path.split('/').includes('..'))
      sink.error(
        'lint/invalid-artifact-path',
        `${path}/path`,
        `Artifact '${a.name}' attempted to use a path containing '..'. Directory traversal is not permitted`,
      );
  } else if (a.path) {
    sink.error(
      'lint/invalid-artifact-path',
      `${path}/path`,
      `${field}.artifacts.${a.name}.path only valid in container/script templates`,
    );
  }
}

/** Input artifacts of a template (rule 26). */
export function checkInputArtifacts(sink: Sink, t: Template, path: string): void {
  list(t.inputs?.artifacts).forEach((a, i) => {
    if (!a || typeof a.name !== 'string') return;
    const at = `${path}/inputs/artifacts/${i}`;
    checkArtifactPath(sink, t, a, at, 'inputs');
    if (a.from)
      sink.error('lint/invalid-artifact', `${at}/from`, `inputs.artifacts.${a.name}.from not valid in inputs`);
  });
}

/**
 * The CRD's CEL rule on every artifact anywhere in the document: at most one location (s3, git, http, …). Artifacts
 * appear in arguments, inputs, outputs and hooks, and free-form values (loop items, plugins) may hold anything; the walk
 * follows the schema (types.gen.ts) to skip what in a schema-valid document cannot hold an `artifacts` list (a
 * template's container, a parameter's fields but `valueFrom.supplied`) and walks everything else whole. Issues come in
 * document order.
 */
export function checkArtifactLocations(sink: Sink, value: unknown, path: string): void {
  // The keys from `path` down to the current value: a pointer is built only for an artifact that is reported.
  const walk: ArtifactWalk = { sink, path, keys: [] };
  visitObject(walk, value, SPEC);
}

interface ArtifactWalk {
  readonly sink: Sink;
  readonly path: string;
  readonly keys: (string | number)[];
}

/**
 * How to walk the fields of a schema type: `skip` the fields that cannot hold an artifact, `typed` the fields walked as
 * another schema type; `parameters` for lists of Parameter. Any other field is walked whole.
 */
interface Shape {
  readonly skip: ReadonlySet<string>;
  readonly typed: Readonly<Record<string, Shape | 'parameters'>>;
}

// Fields of Template, DAGTask and WorkflowStep that reach no Arguments, Inputs, Outputs or free-form value.
const TEMPLATE_SKIP = new Set([
  'name',
  'container',
  'script',
  'containerSet',
  'metadata',
  'initContainers',
  'sidecars',
]);
const NODE_SKIP = new Set(['name', 'template', 'templateRef', 'depends', 'dependencies', 'when', 'continueOn']);
const IO: Shape = { skip: new Set(), typed: { parameters: 'parameters' } };
const TEMPLATE_TYPED: Record<string, Shape | 'parameters'> = { inputs: IO, outputs: IO };
const TEMPLATE: Shape = { skip: TEMPLATE_SKIP, typed: TEMPLATE_TYPED };
const NODE: Shape = { skip: NODE_SKIP, typed: { arguments: IO, inline: TEMPLATE } };
TEMPLATE_TYPED.dag = { skip: new Set(['target', 'failFast']), typed: { tasks: NODE } };
TEMPLATE_TYPED.steps = NODE; // a list of lists of steps: lists are walked through
const SPEC: Shape = { skip: new Set(), typed: { templates: TEMPLATE, templateDefaults: TEMPLATE, arguments: IO } };

function checkList(w: ArtifactWalk, list: unknown[]): void {
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    const locations = isObject(a) ? locationsOf(a as unknown as Artifact) : [];
    if (locations.length > 1)
      w.sink.error(
        'lint/multiple-artifact-locations',
        pointerUnder(w.path, [...w.keys, 'artifacts', i]),
        `at most one artifact location can be specified (got ${locations.join(', ')})`,
      );
  }
}

/** `v` walked as `shape` (lists of it walked through), or whole when `shape` is undefined. */
function visitObject(w: ArtifactWalk, v: unknown, shape: Shape | undefined): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) descend(w, i, v[i], shape);
    return;
  }
  if (!isObject(v)) return;
  for (const key of Object.keys(v)) {
    const child = v[key];
    if (key === 'artifacts' && Array.isArray(child)) checkList(w, child);
    if (shape === undefined) descend(w, key, child, undefined);
    else if (!shape.skip.has(key)) {
      const typed = shape.typed[key];
      if (typed === 'parameters') parameters(w, key, child);
      else descend(w, key, child, typed);
    }
  }
}

/** A list of Parameter: only `valueFrom.supplied` (free-form) can hold an artifact list. */
function parameters(w: ArtifactWalk, key: string, list: unknown): void {
  if (!Array.isArray(list)) {
    descend(w, key, list, undefined);
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (!isObject(p)) continue;
    const from = p.valueFrom;
    if (!isObject(from)) continue;
    if (from.supplied !== null && typeof from.supplied === 'object') {
      w.keys.push(key, i, 'valueFrom');
      descend(w, 'supplied', from.supplied, undefined);
      w.keys.length -= 3;
    }
  }
}

function descend(w: ArtifactWalk, key: string | number, child: unknown, shape: Shape | undefined): void {
  if (child === null || typeof child !== 'object') return; // a scalar holds no artifacts
  w.keys.push(key);
  visitObject(w, child, shape);
  w.keys.pop();
}

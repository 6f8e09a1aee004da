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
  visitAs(walk, value, SPEC);
}

interface ArtifactWalk {
  readonly sink: Sink;
  readonly path: string;
  readonly keys: (string | number)[];
}

/**
 * How a value is walked: as one of the schema types below (lists of it walked through), or `Whole`. A field of a
 * typed value is `Skip`ped when it cannot hold an artifact list, walked as `Parameters` (a list of Parameter), as
 * another type, or whole. Numbers and switches rather than tables of sets: this runs over every template, step and
 * task, mostly before the JIT has compiled it.
 */
const WHOLE = 0;
const SPEC = 1;
const TEMPLATE = 2;
const NODE = 3; // a DAG task or a workflow step
const DAG = 4;
const IO = 5; // Arguments, Inputs or Outputs
const PARAMETERS = 6;
const SKIP = 7;
type Kind = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** How field `key` of a value walked as `kind` is walked. */
function fieldKind(kind: Kind, key: string): Kind {
  switch (kind) {
    case SPEC:
      if (key === 'templates' || key === 'templateDefaults') return TEMPLATE;
      return key === 'arguments' ? IO : WHOLE;
    case TEMPLATE:
      switch (key) {
        // fields of Template that reach no Arguments, Inputs, Outputs or free-form value
        case 'name':
        case 'container':
        case 'script':
        case 'containerSet':
        case 'metadata':
        case 'initContainers':
        case 'sidecars':
          return SKIP;
        case 'inputs':
        case 'outputs':
          return IO;
        case 'dag':
          return DAG;
        case 'steps':
          return NODE; // a list of lists of steps: lists are walked through
        default:
          return WHOLE;
      }
    case NODE:
      switch (key) {
        case 'name':
        case 'template':
        case 'templateRef':
        case 'depends':
        case 'dependencies':
        case 'when':
        case 'continueOn':
          return SKIP;
        case 'arguments':
          return IO;
        case 'inline':
          return TEMPLATE;
        default:
          return WHOLE;
      }
    case DAG:
      if (key === 'target' || key === 'failFast') return SKIP;
      return key === 'tasks' ? NODE : WHOLE;
    case IO:
      return key === 'parameters' ? PARAMETERS : WHOLE;
    default:
      return WHOLE;
  }
}

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

/** `v` walked as `kind` (lists of it walked through). */
function visitAs(w: ArtifactWalk, v: unknown, kind: Kind): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) descend(w, i, v[i], kind);
    return;
  }
  if (!isObject(v)) return;
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    const child = v[key];
    if (child === null || typeof child !== 'object') continue; // a scalar holds no artifacts
    if (key === 'artifacts' && Array.isArray(child)) checkList(w, child);
    const field = fieldKind(kind, key);
    if (field === PARAMETERS) parameters(w, key, child);
    else if (field !== SKIP) descend(w, key, child, field);
  }
}

/** A list of Parameter: only `valueFrom.supplied` (free-form) can hold an artifact list. */
function parameters(w: ArtifactWalk, key: string, list: unknown): void {
  if (!Array.isArray(list)) {
    descend(w, key, list, WHOLE);
    return;
  }
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (!isObject(p)) continue;
    const from = p.valueFrom;
    if (!isObject(from)) continue;
    if (from.supplied !== null && typeof from.supplied === 'object') {
      w.keys.push(key, i, 'valueFrom');
      descend(w, 'supplied', from.supplied, WHOLE);
      w.keys.length -= 3;
    }
  }
}

function descend(w: ArtifactWalk, key: string | number, child: unknown, kind: Kind): void {
  if (child === null || typeof child !== 'object') return; // a scalar holds no artifacts
  w.keys.push(key);
  visitAs(w, child, kind);
  w.keys.pop();
}

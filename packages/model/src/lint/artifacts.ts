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
 * The CRD's CEL rule on every artifact anywhere in the document: at most one location (s3, git, http, …). Walks the
 * whole document, since artifacts appear in arguments, inputs, outputs, archive locations and hooks.
 */
export function checkArtifactLocations(sink: Sink, value: unknown, path: string): void {
  // The keys from `path` down to the current value: a pointer is built only for an artifact that is reported.
  const keys: (string | number)[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) descend(i, v[i]);
      return;
    }
    if (!isObject(v)) return;
    for (const key of Object.keys(v)) {
      const child = v[key];
      if (key === 'artifacts' && Array.isArray(child))
        for (let i = 0; i < child.length; i++) {
          const a = child[i];
          const locations = isObject(a) ? locationsOf(a as unknown as Artifact) : [];
          if (locations.length > 1)
            sink.error(
              'lint/multiple-artifact-locations',
              pointerUnder(path, [...keys, 'artifacts', i]),
              `at most one artifact location can be specified (got ${locations.join(', ')})`,
            );
        }
      descend(key, child);
    }
  };
  const descend = (key: string | number, child: unknown): void => {
    if (child === null || typeof child !== 'object') return; // a scalar holds no artifacts
    keys.push(key);
    walk(child);
    keys.pop();
  };
  walk(value);
}

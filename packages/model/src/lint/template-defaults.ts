import type { Template } from '../gen/types.gen.js';
import { isObject, TEMPLATE_TYPES, typesOf } from './document.js';

/**
 * List fields that a strategic merge patch merges item by item, by this key (the `patchMergeKey` tags of Argo's and
 * Kubernetes' Go types); every other list in the template replaces the default's.
 */
const MERGE_KEYS: Readonly<Record<string, string>> = {
  volumes: 'name',
  initContainers: 'name',
  sidecars: 'name',
  tolerations: 'key',
  hostAliases: 'ip',
  parameters: 'name',
  artifacts: 'name',
  env: 'name',
  ports: 'containerPort',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
};

/**
 * A template as the controller runs it: `spec.templateDefaults` merged under it the way `mergedTemplateDefaultsInto`
 * does (workflow/controller/operator.go). The defaults of other template types are dropped first (a `container`
 * default does not give a script template a container), then the template is applied as a strategic merge patch over
 * the defaults: maps merge, keyed lists merge by key, other lists and scalars of the template win.
 */
export function withTemplateDefaults(template: Template, defaults: Template | undefined): Template {
  if (!isObject(defaults)) return template;
  const [own] = typesOf(template);
  const applicable: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults))
    if (!(TEMPLATE_TYPES as readonly string[]).includes(key) || key === own) applicable[key] = value;
  return merge(applicable, template as Record<string, unknown>) as Template;
}

function merge(base: unknown, patch: unknown, key?: string): unknown {
  if (patch === undefined) return base;
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null)
        delete out[k]; // a null in a merge patch deletes the field
      else out[k] = merge(base[k], v, k);
    }
    return out;
  }
  const mergeKey = key === undefined ? undefined : MERGE_KEYS[key];
  if (mergeKey && Array.isArray(base) && Array.isArray(patch)) return mergeList(base, patch, mergeKey);
  return patch;
}

/** Items of `patch` replace-merge the item of `base` with the same key; the rest of `base` is kept, in order. */
function mergeList(base: readonly unknown[], patch: readonly unknown[], mergeKey: string): unknown[] {
  const keyOf = (item: unknown) => (isObject(item) ? item[mergeKey] : undefined);
  const out: unknown[] = patch.map((item) => {
    const match = base.find((b) => keyOf(b) !== undefined && keyOf(b) === keyOf(item));
    return match === undefined ? item : merge(match, item);
  });
  for (const b of base) if (!patch.some((p) => keyOf(p) !== undefined && keyOf(p) === keyOf(b))) out.push(b);
  return out;
}

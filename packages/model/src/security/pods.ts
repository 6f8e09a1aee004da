import { isObject } from '../lint/document.js';

type Obj = Record<string, unknown>;

/** A value and where it sits in the document (or where it would go, for a value taken from a default or a patch). */
export interface Placed<T> {
  readonly value: T;
  readonly path: string;
}

/** One container of a pod as Kubernetes will see it: its own securityContext merged over the defaults and patches. */
export interface ContainerView {
  readonly name: string;
  readonly path: string;
  readonly container: Obj;
  readonly securityContext: Obj;
  /** Where a missing securityContext field should be reported. */
  readonly securityContextPath: string;
}

/** The pod one container/script/containerSet template runs in, with templateDefaults and podSpecPatch applied. */
export interface PodView {
  readonly templateName: string;
  readonly templatePath: string;
  readonly template: Obj;
  readonly securityContext: Placed<Obj>;
  readonly hostNamespaces: readonly Placed<string>[];
  readonly volumes: readonly Placed<Obj>[];
  readonly containers: readonly ContainerView[];
  readonly serviceAccountName?: string;
  readonly automountServiceAccountToken?: boolean;
  /** podSpecPatch strings that could not be read, so their effect is unknown. */
  readonly unreadablePatches: readonly string[];
}

export type ParsePatch = (text: string) => unknown;

/** The templates that run a pod of their own, each with the pod as it will run. */
export function podsOf(spec: Obj, specPath: string, parsePatch: ParsePatch): PodView[] {
  const defaults = isObject(spec.templateDefaults) ? spec.templateDefaults : {};
  const templates = Array.isArray(spec.templates) ? spec.templates : [];
  // The workflow's and templateDefaults' patches apply to every pod: read once, not once per template.
  const shared = readPatches([spec.podSpecPatch, defaults.podSpecPatch], parsePatch);
  const pods: PodView[] = [];
  templates.forEach((t, i) => {
    if (!isObject(t)) return;
    const kind = ['container', 'script', 'containerSet'].find((k) => isObject(t[k]));
    if (!kind) return;
    const own = readPatches([t.podSpecPatch], parsePatch);
    const patches = {
      objects: [...shared.objects, ...own.objects],
      unreadable: [...shared.unreadable, ...own.unreadable],
    };
    pods.push(podOf(spec, specPath, defaults, t, `${specPath}/templates/${i}`, kind, patches));
  });
  return pods;
}

interface Patches {
  readonly objects: readonly Obj[];
  /** podSpecPatch strings that could not be read, so their effect is unknown. */
  readonly unreadable: readonly string[];
}

function readPatches(texts: readonly unknown[], parsePatch: ParsePatch): Patches {
  const unreadable: string[] = [];
  const objects = texts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .flatMap((p) => {
      try {
        const parsed = parsePatch(p);
        return isObject(parsed) ? [parsed] : [];
      } catch {
        unreadable.push(p);
        return [];
      }
    });
  return { objects, unreadable };
}

function podOf(
  spec: Obj,
  specPath: string,
  defaults: Obj,
  t: Obj,
  at: string,
  kind: string,
  { objects: patches, unreadable }: Patches,
): PodView {
  const podPath = isObject(t.securityContext) ? `${at}/securityContext` : at;
  let podContext: Obj = {
    ...objectAt(spec.securityContext),
    ...objectAt(defaults.securityContext),
    ...objectAt(t.securityContext),
  };
  const hostNamespaces: Placed<string>[] = [];
  if (spec.hostNetwork === true) hostNamespaces.push({ value: 'hostNetwork', path: `${specPath}/hostNetwork` });
  const volumes: Placed<Obj>[] = [
    ...listAt(spec.volumes).map((v, j) => ({ value: v, path: `${specPath}/volumes/${j}` })),
    ...listAt(t.volumes).map((v, j) => ({ value: v, path: `${at}/volumes/${j}` })),
  ];
  const containers = containersOf(defaults, t, at, kind);
  for (const patch of patches) {
    podContext = { ...podContext, ...objectAt(patch.securityContext) };
    for (const h of ['hostNetwork', 'hostPID', 'hostIPC'])
      if (patch[h] === true) hostNamespaces.push({ value: h, path: `${at}/podSpecPatch` });
    for (const v of listAt(patch.volumes)) volumes.push({ value: v, path: `${at}/podSpecPatch` });
    for (const pc of [...listAt(patch.containers), ...listAt(patch.initContainers)]) {
      const target = containers.find((c) => c.name === pc.name);
      if (target && isObject(pc.securityContext)) {
        target.securityContext = mergeContext(target.securityContext, pc.securityContext);
        target.securityContextPath = `${at}/podSpecPatch`;
      }
    }
  }
  const sa = typeof t.serviceAccountName === 'string' ? t.serviceAccountName : spec.serviceAccountName;
  const automount =
    typeof t.automountServiceAccountToken === 'boolean'
      ? t.automountServiceAccountToken
      : typeof spec.automountServiceAccountToken === 'boolean'
        ? spec.automountServiceAccountToken
        : undefined;
  return {
    templateName: typeof t.name === 'string' ? t.name : '',
    templatePath: at,
    template: t,
    securityContext: { value: podContext, path: podPath },
    hostNamespaces,
    volumes,
    containers,
    ...(typeof sa === 'string' && sa !== '' ? { serviceAccountName: sa } : {}),
    ...(automount !== undefined ? { automountServiceAccountToken: automount } : {}),
    unreadablePatches: unreadable,
  };
}

type MutableContainer = { -readonly [K in keyof ContainerView]: ContainerView[K] };

function containersOf(defaults: Obj, t: Obj, at: string, kind: string): MutableContainer[] {
  const out: MutableContainer[] = [];
  const add = (c: unknown, path: string, fallbackName: string, defaultContext: Obj) => {
    if (!isObject(c)) return;
    const own = objectAt(c.securityContext);
    out.push({
      name: typeof c.name === 'string' && c.name !== '' ? c.name : fallbackName,
      path,
      container: c,
      securityContext: mergeContext(defaultContext, own),
      securityContextPath: isObject(c.securityContext) ? `${path}/securityContext` : path,
    });
  };
  if (kind === 'containerSet') {
    const set = t.containerSet as Obj;
    listAt(set.containers).forEach((c, j) => {
      add(c, `${at}/containerSet/containers/${j}`, `#${j}`, {});
    });
  } else {
    add(t[kind], `${at}/${kind}`, 'main', objectAt(objectAt(defaults[kind]).securityContext));
  }
  listAt(t.initContainers).forEach((c, j) => {
    add(c, `${at}/initContainers/${j}`, `init-${j}`, {});
  });
  listAt(t.sidecars).forEach((c, j) => {
    add(c, `${at}/sidecars/${j}`, `sidecar-${j}`, {});
  });
  return out;
}

/** A strategic merge of two container securityContexts, one level deep (capabilities and seccompProfile merge). */
function mergeContext(base: Obj, over: Obj): Obj {
  const merged: Obj = { ...base, ...over };
  for (const k of ['capabilities', 'seccompProfile', 'seLinuxOptions'])
    if (isObject(base[k]) && isObject(over[k])) merged[k] = { ...base[k], ...over[k] };
  return merged;
}

export function objectAt(value: unknown): Obj {
  return isObject(value) ? value : {};
}

export function listAt(value: unknown): Obj[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

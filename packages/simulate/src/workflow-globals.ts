/**
 * The workflow's global names, as the controller's `setGlobalParameters` makes them: `workflow.name`, `namespace`,
 * `serviceAccountName`, `creationTimestamp`, `labels.*`, `annotations.*`, and `workflow.parameters.<name>` from the
 * spec's arguments with the caller's parameters over them (`workflow.parameters` is all of them as JSON).
 */
import { timestamp } from './clock.js';
import type { Doc } from './document.js';

export function workflowGlobals(
  doc: Doc,
  spec: Readonly<Record<string, unknown>>,
  name: string,
  overrides: Readonly<Record<string, string>>,
): Record<string, string | null> {
  const globals: Record<string, string | null> = {
    'workflow.name': name,
    'workflow.namespace': doc.metadata?.namespace ?? 'default',
    'workflow.serviceAccountName': (spec.serviceAccountName as string | undefined) ?? 'default',
    'workflow.creationTimestamp': timestamp(0),
    'workflow.status': 'Running',
  };
  for (const [k, v] of Object.entries(doc.metadata?.labels ?? {})) globals[`workflow.labels.${k}`] = v;
  for (const [k, v] of Object.entries(doc.metadata?.annotations ?? {})) globals[`workflow.annotations.${k}`] = v;
  const params = ((spec.arguments ?? {}) as { parameters?: { name: string; value?: unknown }[] }).parameters ?? [];
  const all: { name: string; value: string }[] = [];
  for (const p of params) {
    const value = overrides[p.name] ?? (p.value !== undefined && p.value !== null ? String(p.value) : undefined);
    if (value === undefined) continue;
    globals[`workflow.parameters.${p.name}`] = value;
    all.push({ name: p.name, value });
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (params.some((p) => p.name === k)) continue;
    globals[`workflow.parameters.${k}`] = v;
    all.push({ name: k, value: v });
  }
  globals['workflow.parameters'] = JSON.stringify(all);
  return globals;
}

/** The spec's arguments with the caller's parameters over them: what the entrypoint's inputs bind from. */
export function entryArguments(
  spec: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const args = (spec.arguments ?? {}) as { parameters?: { name: string; value?: unknown }[] };
  const params = (args.parameters ?? []).map((p) =>
    overrides[p.name] !== undefined ? { ...p, value: overrides[p.name] } : p,
  );
  for (const [k, v] of Object.entries(overrides))
    if (!params.some((p) => p.name === k)) params.push({ name: k, value: v });
  return { ...args, parameters: params };
}

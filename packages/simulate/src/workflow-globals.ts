/**
 * The workflow's global names, as the controller's `setGlobalParameters` makes them: `workflow.name`, `namespace`,
 * `serviceAccountName`, `creationTimestamp`, `labels.*`, `annotations.*`, and `workflow.parameters.<name>` from the
 * spec's arguments with the caller's parameters over them (`workflow.parameters` and `workflow.parameters.json` are
 * all of them as JSON), `labels`/`annotations` (and their JSON), `mainEntrypoint` and the creation timestamp's forms.
 */
import { EPOCH_MS, timestamp } from './clock.js';
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
    'workflow.serviceAccountName': (spec.serviceAccountName as string | undefined) ?? '',
    'workflow.creationTimestamp': timestamp(0),
    'workflow.status': 'Running',
  };
  for (const [k, v] of Object.entries(doc.metadata?.labels ?? {})) globals[`workflow.labels.${k}`] = v;
  for (const [k, v] of Object.entries(doc.metadata?.annotations ?? {})) globals[`workflow.annotations.${k}`] = v;
  const params = ((spec.arguments ?? {}) as { parameters?: { name: string; value?: unknown }[] }).parameters ?? [];
  for (const p of params) {
    const value = overrides[p.name] ?? (p.value !== undefined && p.value !== null ? String(p.value) : undefined);
    if (value === undefined) continue;
    globals[`workflow.parameters.${p.name}`] = value;
  }
  for (const [k, v] of Object.entries(overrides)) {
    if (params.some((p) => p.name === k)) continue;
    globals[`workflow.parameters.${k}`] = v;
  }
  const json = JSON.stringify(
    ((entryArguments(spec, overrides).parameters ?? []) as Record<string, unknown>[]).map(goParameterJson),
  );
  globals['workflow.parameters'] = json;
  globals['workflow.parameters.json'] = json;
  const labels = doc.metadata?.labels;
  const annotations = doc.metadata?.annotations;
  globals['workflow.labels'] = globals['workflow.labels.json'] = labels ? JSON.stringify(labels) : 'null';
  globals['workflow.annotations'] = globals['workflow.annotations.json'] = annotations
    ? JSON.stringify(annotations)
    : 'null';
  globals['workflow.mainEntrypoint'] = (spec.entrypoint as string | undefined) ?? '';
  globals['workflow.creationTimestamp.RFC3339'] = timestamp(0);
  globals['workflow.creationTimestamp.unix'] = String(EPOCH_MS / 1000);
  if (typeof spec.priority === 'number') globals['workflow.priority'] = String(spec.priority);
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

/** A parameter as Go's encoding/json writes `wfv1.Parameter`: its fields in the struct's order. */
function goParameterJson(p: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of ['name', 'default', 'value', 'valueFrom', 'globalName', 'enum', 'description']) {
    if (p[k] !== undefined) out[k] = k === 'value' || k === 'default' ? String(p[k]) : p[k];
  }
  return out;
}

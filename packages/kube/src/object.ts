/** The parts of an Argo object argo-gen reads. Responses are raw JSON, never deserialised by client-node. */
export interface ObjectMeta {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly resourceVersion?: string;
  readonly generation?: number;
  readonly creationTimestamp?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly managedFields?: readonly unknown[];
}

export interface ArgoObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: ObjectMeta;
  readonly spec?: unknown;
  readonly status?: unknown;
}

/**
 * A node of a Workflow's `status.nodes` as the API returns it: any field may be missing, and fields argo-gen does not
 * read are kept. Writable: resume edits a copy of the workflow and sends it back.
 */
export interface StatusNode {
  id?: string;
  name?: string;
  displayName?: string;
  type?: string;
  phase?: string;
  startedAt?: string;
  finishedAt?: string;
  message?: string;
  outputs?: { parameters?: StatusParameter[] };
  [key: string]: unknown;
}

/** An output parameter of a status node; `valueFrom.supplied` marks one a user (or resume) supplies. */
export interface StatusParameter {
  name: string;
  value?: string;
  valueFrom?: { supplied?: object; default?: string; [key: string]: unknown };
  [key: string]: unknown;
}

/** A copy without what the server maintains, for comparing two states and for printing. */
export function withoutServerFields(obj: ArgoObject): ArgoObject {
  const { managedFields: _m, resourceVersion: _r, generation: _g, ...metadata } = obj.metadata ?? {};
  return { ...obj, metadata };
}

/** Structural equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && sameJson(ra[k], rb[k]));
}

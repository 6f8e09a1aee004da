/**
 * What the mutation operators share: the shape of an operator and small accessors for the parts of an Argo document
 * they change (templates, DAG tasks, steps). Operators mutate plain JSON in place.
 */
export type Json = Record<string, unknown>;
export type Doc = Json & { kind: string; metadata: Json; spec: Json };
/** Where to mutate, drawn by fast-check: indexes taken modulo whatever the document offers. */
export type Draw = readonly [number, number];

export interface Operator {
  readonly name: string;
  /** What Argo should say; recorded in the file for readers, the oracle decides. */
  readonly expect: 'valid' | 'invalid';
  /** Mutates `doc` in place; returns false when the document offers nothing to mutate. */
  readonly apply: (doc: Doc, draw: Draw) => boolean;
}

export const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObj) : []);
export const pick = <T>(xs: readonly T[], n: number): T | undefined =>
  xs.length === 0 ? undefined : xs[n % xs.length];
export const spec = (doc: Doc): Json => {
  const s = doc.kind === 'CronWorkflow' ? doc.spec.workflowSpec : doc.spec;
  return isObj(s) ? s : {};
};
export const templates = (doc: Doc): Json[] => arr(spec(doc).templates);
export const tasksOf = (t: Json): Json[] => (isObj(t.dag) ? arr(t.dag.tasks) : []);
export const stepsOf = (t: Json): Json[] => (Array.isArray(t.steps) ? t.steps.flatMap((g) => arr(g)) : []);
export const dags = (doc: Doc) => templates(doc).filter((t) => tasksOf(t).length > 0);
/** Every task and step (each calls a template by name), with its template. */
export const calls = (doc: Doc): Json[] => templates(doc).flatMap((t) => [...tasksOf(t), ...stepsOf(t)]);
export const depsOf = (task: Json, names: readonly string[]): string[] => [
  ...(Array.isArray(task.dependencies) ? task.dependencies.filter((d): d is string => typeof d === 'string') : []),
  ...(typeof task.depends === 'string'
    ? names.filter((n) => new RegExp(`(^|[^\\w.-])${esc(n)}($|[^\\w-])`).test(task.depends as string))
    : []),
];
export const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

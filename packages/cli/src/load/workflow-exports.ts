import path from 'node:path';
import {
  type DeclaredWorkflowTemplate,
  isDeclaredWorkflowTemplate,
  type RbacValue,
  type Synthesizable,
} from '@argo-gen/dsl';
import { ArgoGenError, clip, issue } from '@argo-gen/model';
import { importModule } from './import-typescript.js';

const KINDS = new Set([
  'WorkflowTemplate',
  'ClusterWorkflowTemplate',
  'Workflow',
  'CronWorkflow',
  'WorkflowEventBinding',
]);

export interface WorkflowExport {
  /** The module file, as given (relative to the working directory). */
  readonly file: string;
  /** `default` or the export's name. */
  readonly exportName: string;
  readonly value: Synthesizable;
}

/** An `rbac()` value: RBAC objects derived from the steps, written by `generate` beside the workflows. */
export interface RbacExport {
  readonly file: string;
  readonly exportName: string;
  readonly value: RbacValue;
}

export function isRbacValue(value: unknown): value is RbacValue {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { kind?: unknown; document?: unknown };
  return v.kind === 'Rbac' && typeof v.document === 'object' && v.document !== null;
}

export function isWorkflowLike(value: unknown): value is Synthesizable {
  if (value === null || typeof value !== 'object') return false;
  const v = value as { kind?: unknown; options?: unknown };
  return typeof v.kind === 'string' && KINDS.has(v.kind) && typeof v.options === 'object' && v.options !== null;
}

/** The workflow values a module exports (default first, then named exports by name); see moduleExports. */
export async function workflowExports(file: string, cwd: string): Promise<WorkflowExport[]> {
  return (await moduleExports(file, cwd)).workflows;
}

export interface ModuleExports {
  readonly workflows: WorkflowExport[];
  /** WorkflowTemplates declared by `argo-gen types` (a module it wrote): present in the run, but not documents. */
  readonly declarations: DeclaredWorkflowTemplate[];
  /** `rbac()` values: written by `generate`, not Argo documents. */
  readonly rbac: RbacExport[];
}

/**
 * What a module exports: workflow values, declarations of WorkflowTemplates that live elsewhere, and `rbac()` values.
 * A module that exports none of them is an error: it was given as an input, so it was meant to produce YAML.
 */
export async function moduleExports(file: string, cwd: string): Promise<ModuleExports> {
  let mod: Record<string, unknown>;
  try {
    mod = (await importModule(path.resolve(cwd, file))) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ArgoGenError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const at = locationIn(error, path.resolve(cwd, file)) ?? { line: 0, column: 0 };
    throw new ArgoGenError([
      issue('input/module-failed', '', `cannot load: ${clip(firstLine(message), 200)}`, { source: { file, ...at } }),
    ]);
  }
  const names = Object.keys(mod).sort((a, b) => (a === 'default' ? -1 : b === 'default' ? 1 : a < b ? -1 : 1));
  const found: WorkflowExport[] = [];
  const declarations: DeclaredWorkflowTemplate[] = [];
  const rbac: RbacExport[] = [];
  const seen = new Set<unknown>();
  for (const name of names) {
    const value = mod[name];
    if (isDeclaredWorkflowTemplate(value) && !declarations.includes(value)) declarations.push(value);
    if (seen.has(value)) continue;
    if (isWorkflowLike(value)) found.push({ file, exportName: name, value });
    else if (isRbacValue(value)) rbac.push({ file, exportName: name, value });
    else continue;
    seen.add(value);
  }
  if (found.length === 0 && declarations.length === 0 && rbac.length === 0) {
    throw new ArgoGenError([
      issue(
        'input/no-workflows',
        '',
        'exports no workflow value (workflowTemplate(), workflow(), cronWorkflow(), rbac(), …)',
        { source: { file, line: 0, column: 0 } },
      ),
    ]);
  }
  return { workflows: found, declarations, rbac };
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** The position of the first stack frame in the module itself, for errors thrown while it was evaluated. */
function locationIn(error: unknown, absolute: string): { line: number; column: number } | undefined {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  for (const line of stack.split('\n')) {
    const i = line.indexOf(absolute);
    if (i === -1) continue;
    const m = /:(\d+):(\d+)\)?$/.exec(line.slice(i + absolute.length));
    if (m) return { line: Number(m[1]), column: Number(m[2]) };
  }
  return undefined;
}

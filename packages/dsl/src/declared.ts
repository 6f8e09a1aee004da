import type * as model from '@argo-gen/model';
import { ARGO_API_VERSION } from '@argo-gen/model';
import { setKey } from './internal/set-key.js';
import type { OutputArtifactSpec, OutputParamSpec, OutputSpecs } from './outputs.js';
import type { ArtifactSpec, InputSpecs, ParamSpec } from './params.js';
import type { Template } from './template.js';

// Templates we did not write (another repository's WorkflowTemplates, or ones that exist only on the cluster) are
// declared, not copied: `argo-gen types` writes a module with one `declareWorkflowTemplate({...})` per
// WorkflowTemplate, holding only each template's signature (its inputs and outputs by name). The signature is a
// runtime value, not a type alone, because `generate` compiles with esbuild and does not type-check: arguments are
// checked against it at synthesis, as they are for our own templates, and the lint takes it as the template's
// stand-in (declaredDocument), so that the run treats the template as present. No template body is carried.

/** An input parameter of a declared template. `required`: the caller must pass it (no default, value or valueFrom). */
export interface DeclaredParam {
  readonly kind: 'param';
  readonly required: boolean;
  readonly enum?: readonly string[];
  /** The default (or fixed value) the template declares, for reading; Argo applies it, not argo-gen. */
  readonly default?: string;
}

/** An input artifact of a declared template. `required`: it has no source of its own and is not optional. */
export interface DeclaredArtifact {
  readonly kind: 'artifact';
  readonly required: boolean;
}

/** A template's signature: its inputs, and its outputs by kind. */
export interface DeclaredTemplate {
  readonly inputs?: Readonly<Record<string, DeclaredParam | DeclaredArtifact>>;
  readonly outputs?: Readonly<Record<string, 'parameter' | 'artifact'>>;
}

/** A WorkflowTemplate or ClusterWorkflowTemplate that lives elsewhere, by the signatures of its templates. */
export interface TemplatesDeclaration {
  readonly kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate';
  readonly name: string;
  /** Where it was read from on the cluster; a templateRef resolves only in its own namespace. */
  readonly namespace?: string;
  readonly templates: Readonly<Record<string, DeclaredTemplate>>;
}

/** What `declareWorkflowTemplate` returns: the holder `templateRef(holder, 'template-name')` takes. */
export interface DeclaredWorkflowTemplate<D extends TemplatesDeclaration = TemplatesDeclaration> {
  readonly kind: 'WorkflowTemplateDeclaration';
  readonly declaration: D;
}

type DeclaredParamSpec<P extends DeclaredParam> = ParamSpec<
  P extends { readonly enum: readonly (infer E)[] } ? E : string | number | boolean,
  P['required']
>;

type DeclaredInputSpec<S> = S extends DeclaredParam
  ? DeclaredParamSpec<S>
  : S extends { readonly required: true }
    ? ArtifactSpec
    : ArtifactSpec & { readonly optional: true };

/**
 * The DSL's input specs of a declared template: what `task(…, templateRef(…), { args })` checks `args` against. A
 * declaration typed only as `DeclaredTemplate` (not a literal module from `argo-gen types`) says nothing about its
 * inputs: any names pass, and synthesis checks them.
 */
export type DeclaredInputs<T extends DeclaredTemplate> = DeclaredTemplate extends T
  ? InputSpecs
  : T extends { readonly inputs: infer I }
    ? { readonly [K in keyof I]: DeclaredInputSpec<I[K]> }
    : Record<never, never>;

/** The DSL's output specs of a declared template: the names `task.outputs.parameters.x` accepts. */
export type DeclaredOutputs<T extends DeclaredTemplate> = T extends { readonly outputs: infer O }
  ? { readonly [K in keyof O]: O[K] extends 'artifact' ? OutputArtifactSpec : OutputParamSpec }
  : Record<never, never>;

/**
 * Declares a WorkflowTemplate (or ClusterWorkflowTemplate) that lives elsewhere, by its templates' signatures; modules
 * of these are written by `argo-gen types`, not by hand. Call its templates with `templateRef(holder, 'name')`.
 */
export function declareWorkflowTemplate<const D extends TemplatesDeclaration>(
  declaration: D,
): DeclaredWorkflowTemplate<D> {
  return Object.freeze({ kind: 'WorkflowTemplateDeclaration', declaration });
}

export function isDeclaredWorkflowTemplate(value: unknown): value is DeclaredWorkflowTemplate {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'WorkflowTemplateDeclaration' &&
    typeof (value as { declaration?: unknown }).declaration === 'object'
  );
}

/** The DSL template value standing for a declared template: its signature as input and output specs, no body. */
export function declaredTemplate(name: string, t: DeclaredTemplate): Template {
  const inputs: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(t.inputs ?? {})) {
    setKey(
      inputs,
      key,
      Object.freeze(
        spec.kind === 'param'
          ? {
              kind: 'param',
              type: 'string',
              required: spec.required,
              ...(spec.enum ? { enum: Object.freeze([...spec.enum]) } : {}),
              ...(spec.default === undefined ? {} : { default: spec.default }),
            }
          : { kind: 'artifact', path: '', ...(spec.required ? {} : { optional: true }) },
      ),
    );
  }
  const outputs: Record<string, unknown> = {};
  for (const [key, kind] of Object.entries(t.outputs ?? {}))
    setKey(
      outputs,
      key,
      Object.freeze(kind === 'artifact' ? { kind: 'artifact' } : { kind: 'parameter', valueFrom: {} }),
    );
  return Object.freeze({
    kind: 'template',
    name,
    inputs: Object.freeze(inputs) as InputSpecs,
    outputs: Object.freeze(outputs) as OutputSpecs,
    body: Object.freeze({ type: 'declared' }),
    options: Object.freeze({}),
  });
}

/**
 * The declaration as a WorkflowTemplate document of signatures only (no template bodies): the lint's stand-in for the
 * real one, so that templateRefs to it resolve and their arguments are checked (required inputs supplied).
 */
export function declaredDocument(d: TemplatesDeclaration): model.WorkflowTemplate | model.ClusterWorkflowTemplate {
  const templates = Object.entries(d.templates).map(([name, t]): model.Template => {
    const parameters: model.Parameter[] = [];
    const artifacts: model.Artifact[] = [];
    for (const [key, spec] of Object.entries(t.inputs ?? {})) {
      if (spec.kind === 'param')
        parameters.push({ name: key, ...(spec.required ? {} : { default: spec.default ?? '' }) });
      else artifacts.push({ name: key, ...(spec.required ? {} : { optional: true }) });
    }
    const outParameters: model.Parameter[] = [];
    const outArtifacts: model.Artifact[] = [];
    for (const [key, kind] of Object.entries(t.outputs ?? {})) {
      if (kind === 'artifact') outArtifacts.push({ name: key });
      else outParameters.push({ name: key, valueFrom: { supplied: {} } });
    }
    return {
      name,
      inputs: { parameters, artifacts },
      outputs: { parameters: outParameters, artifacts: outArtifacts },
    };
  });
  return {
    apiVersion: ARGO_API_VERSION,
    kind: d.kind,
    metadata: { name: d.name, ...(d.namespace && d.kind === 'WorkflowTemplate' ? { namespace: d.namespace } : {}) },
    spec: { templates },
  } as model.WorkflowTemplate;
}

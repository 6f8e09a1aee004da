import type { CronWorkflowSpec, ObjectMeta, Template, WorkflowSpec } from '../gen/types.gen.js';
import type { Issue } from '../issue.js';
import { checkArguments } from './arguments.js';
import { checkArtifactLocations, checkInputArtifacts } from './artifacts.js';
import { Catalog } from './catalog.js';
import { checkCron } from './cron.js';
import { checkDag } from './dag.js';
import { isObject, LINTED_KINDS, type LintDoc, type LintKind, list, Sink, type TemplateAt } from './document.js';
import { checkLeaf } from './leaf.js';
import { checkFieldNames, checkMetadata, checkParamNames } from './names.js';
import { checkOutputs } from './outputs.js';
import { checkTemplateTags } from './references.js';
import { globalScope } from './scope.js';
import { checkSpecRules } from './spec-rules.js';
import { checkSteps } from './steps.js';
import { checkEntrypointAndExit } from './template-refs.js';
import { checkTemplateShape } from './template-rules.js';
import { checkWarnings } from './warnings.js';

export interface LintContext {
  /**
   * WorkflowTemplates and ClusterWorkflowTemplates known in this run, for templateRef and workflowTemplateRef
   * targets. Given (even empty), a target that is not among them is an error, as `argo lint --offline` reports it;
   * left out, targets are not checked.
   */
  readonly templates?: readonly unknown[];
}

/**
 * Argo's semantic rules (../shared/docs/argo-validation-rules.md) on one schema-valid document: a Workflow,
 * WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow as a plain object. Every issue found is returned, not only
 * the first as Argo does; errors are what Argo (or the API server, or the run) would reject, warnings our own advice.
 * Other kinds give no issues.
 */
export function lintDocument(doc: unknown, context: LintContext = {}): Issue[] {
  if (!isObject(doc) || !LINTED_KINDS.includes(doc.kind as LintKind) || !isObject(doc.spec)) return [];
  const kind = doc.kind as LintKind;
  const sink = new Sink(doc);
  const cron = kind === 'CronWorkflow';
  const specPath = cron ? '/spec/workflowSpec' : '/spec';
  const specValue = cron ? doc.spec.workflowSpec : doc.spec;
  const metadata = (isObject(doc.metadata) ? doc.metadata : {}) as ObjectMeta;
  const library = kind === 'WorkflowTemplate' || kind === 'ClusterWorkflowTemplate';
  checkMetadata(sink, kind, metadata);
  if (cron) checkCron(sink, doc.spec as unknown as CronWorkflowSpec);
  if (!isObject(specValue)) return sink.issues;
  const spec = specValue as WorkflowSpec;

  const templates: TemplateAt[] = list<Template>(spec.templates).map((template, i) => ({
    template: template ?? {},
    path: `${specPath}/templates/${i}`,
    name: typeof template?.name === 'string' ? template.name : '',
  }));
  checkFieldNames(
    sink,
    templates.map((t) => t.template),
    (i) => `${specPath}/templates/${i}`,
    'template',
  );
  const byName = new Map<string, TemplateAt>();
  for (const t of templates) if (t.name && !byName.has(t.name)) byName.set(t.name, t);
  const catalog = new Catalog(context.templates);
  const d: LintDoc = {
    kind,
    doc,
    sink,
    specPath,
    library,
    spec,
    templates,
    byName,
    catalog,
    strings: new Map(),
    ...referenced(sink, spec, specPath, catalog, metadata),
  };

  checkArguments(sink, spec.arguments, `${specPath}/arguments`, 'spec.arguments.', !cron);
  checkEntrypointAndExit(d);
  checkSpecRules(sink, spec, specPath);
  const global = globalScope(d);
  for (const at of templates) {
    const t = at.template;
    checkTemplateShape(sink, at);
    checkParamNames(sink, t.inputs, `${at.path}/inputs`);
    checkInputArtifacts(sink, t, at.path);
    checkOutputs(sink, at);
    if (t.steps !== undefined) checkSteps(d, at, global);
    else if (t.dag !== undefined) checkDag(d, at, global);
    else {
      checkLeaf(sink, at, spec);
      checkTemplateTags(d, at, global);
    }
  }
  checkArtifactLocations(sink, spec, specPath);
  checkWarnings(d);
  return sink.issues;
}

/** What `spec.workflowTemplateRef` brings in; a missing target is reported here once (rule 7). */
function referenced(
  sink: Sink,
  spec: WorkflowSpec,
  specPath: string,
  catalog: Catalog,
  metadata: ObjectMeta,
): Pick<LintDoc, 'referenced'> {
  const ref = spec.workflowTemplateRef;
  if (!ref?.name) return {};
  const found = catalog.owner(ref.name, ref.clusterScope === true, metadata.namespace);
  if (found.status === 'found') return { referenced: found.owner };
  if (found.status === 'missing')
    sink.error('lint/unresolved-template-ref', `${specPath}/workflowTemplateRef`, found.message);
  return { referenced: 'unknown' };
}

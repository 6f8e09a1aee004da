import type { CronWorkflowSpec, ObjectMeta, Template, WorkflowSpec } from '../gen/types.gen.js';
import { type Issue, issue } from '../issue.js';
import { isStackOverflow } from '../stack-overflow.js';
import { type ArgoVersion, targetVersion } from '../versions/target-version.js';
import { checkArguments } from './arguments.js';
import { checkArtifactLocations, checkInputArtifacts } from './artifacts.js';
import { Catalog, outsideMessage } from './catalog.js';
import { checkCrdRules, crdRulesApply } from './crd/check.js';
import { checkCron } from './cron.js';
import { checkDag } from './dag.js';
import { isObject, LINTED_KINDS, type LintDoc, type LintKind, list, Sink, type TemplateAt } from './document.js';
import { checkExecutorPlugins } from './executor-plugins.js';
import { checkLabels } from './labels.js';
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
  /**
   * A templateRef or workflowTemplateRef target that is not among `templates` is a warning, not an error: the target is
   * taken to exist outside the run (on the cluster, in another repository), as `argo lint` users expect.
   */
  readonly allowMissingRefs?: boolean;
  /**
   * The Argo line the document is for (default '4.1'). 4.0 and 4.1 install full CRDs, whose OpenAPI limits and CEL
   * rules the API server enforces (crd/rules.ts); 3.7 installs minimal CRDs, so only the validator's rules apply.
   */
  readonly argoVersion?: ArgoVersion;
  /**
   * Reads a YAML text as Argo's decoder would and returns why it cannot, or undefined when it can: the lint checks
   * that a resource template's `manifest` is YAML with it (the model package has no YAML reader). Left out, manifests
   * are not read.
   */
  readonly yamlProblem?: (text: string) => string | undefined;
}

/**
 * Argo's semantic rules (../shared/docs/argo-validation-rules.md) on one schema-valid document: a Workflow,
 * WorkflowTemplate, ClusterWorkflowTemplate or CronWorkflow as a plain object. Every issue found is returned, not only
 * the first as Argo does; errors are what Argo (or the API server, or the run) would reject, warnings our own advice.
 * Other kinds give no issues.
 */
export function lintDocument(doc: unknown, context: LintContext = {}): Issue[] {
  // An unknown value is refused here as validateSchema refuses it.
  const crd = crdRulesApply(targetVersion(context.argoVersion));
  if (!isObject(doc)) return [];
  const sink = new Sink(doc);
  try {
    if (LINTED_KINDS.includes(doc.kind as LintKind) && isObject(doc.spec))
      lintWorkflowKind(sink, doc as Record<string, unknown> & { spec: Record<string, unknown> }, context, crd);
    else if (doc.kind !== 'WorkflowEventBinding') return [];
    // Last, so that a problem a validator rule has reported is not reported again as the CRD's.
    if (crd) checkCrdRules(sink, doc);
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    // What was found before the readers ran out of stack, and that the rest could not be checked.
    return [...sink.issues, issue('lint/too-deep', '', 'nested too deeply to check (the call stack ran out)')];
  }
  return sink.issues;
}

function lintWorkflowKind(
  sink: Sink,
  doc: Record<string, unknown> & { spec: Record<string, unknown> },
  context: LintContext,
  crd: boolean,
): void {
  const kind = doc.kind as LintKind;
  const cron = kind === 'CronWorkflow';
  const specPath = cron ? '/spec/workflowSpec' : '/spec';
  const specValue = cron ? doc.spec.workflowSpec : doc.spec;
  const metadata = (isObject(doc.metadata) ? doc.metadata : {}) as ObjectMeta;
  const library = kind === 'WorkflowTemplate' || kind === 'ClusterWorkflowTemplate';
  checkMetadata(sink, kind, metadata);
  checkLabels(sink, metadata);
  if (cron) checkCron(sink, doc.spec as unknown as CronWorkflowSpec);
  if (!isObject(specValue)) return;
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
  const catalog = new Catalog(context.templates, context.allowMissingRefs);
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
    argoVersion: targetVersion(context.argoVersion),
    strings: new Map(),
    ...referenced(sink, spec, specPath, catalog, metadata),
  };

  // A Workflow's global parameters need values: `argo lint` lets them pass, but submission and the controller do not.
  const note = kind === 'Workflow' ? SUBMISSION_NOTE : '';
  checkArguments(sink, spec.arguments, `${specPath}/arguments`, 'spec.arguments.', library, note);
  if (kind === 'Workflow') checkReferencedArguments(d);
  checkEntrypointAndExit(d);
  checkSpecRules(sink, spec, specPath);
  checkExecutorPlugins(sink, spec, specPath);
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
      checkLeaf(sink, at, spec, targetVersion(context.argoVersion), context.yamlProblem);
      checkTemplateTags(d, at, global);
    }
  }
  // At most one location per artifact is a CEL rule only (the validator takes the first location).
  if (crd) checkArtifactLocations(sink, spec, specPath);
  checkWarnings(d);
}

const SUBMISSION_NOTE = ' (Argo refuses it when the Workflow is submitted; `argo lint` alone lets it pass)';

/**
 * The parameters a Workflow gets from its `workflowTemplateRef`: Argo merges the template's `spec.arguments` under the
 * Workflow's (`util.MergeParameters`, the Workflow's first) and validates the merge at submission, so a template
 * parameter without a value that the Workflow does not supply is refused there.
 */
function checkReferencedArguments(d: LintDoc): void {
  if (!d.referenced || d.referenced === 'unknown') return;
  const own = new Set(list(d.spec.arguments?.parameters).map((p) => p?.name));
  for (const p of list(d.referenced.spec.arguments?.parameters)) {
    if (typeof p?.name !== 'string' || own.has(p.name)) continue;
    if ((p.value === undefined || p.value === null) && !p.valueFrom)
      d.sink.error(
        'lint/missing-value',
        `${d.specPath}/workflowTemplateRef`,
        `spec.arguments.${p.name}.value or spec.arguments.${p.name}.valueFrom is required: ${d.referenced.kind} '${d.referenced.name}' declares it without a value and this Workflow does not supply it${SUBMISSION_NOTE}`,
      );
  }
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
  if (found.status === 'outside')
    sink.warn('lint/template-ref-outside-run', `${specPath}/workflowTemplateRef`, outsideMessage(found.message));
  return { referenced: 'unknown' };
}

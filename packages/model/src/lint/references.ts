import type { DAGTask, Template, WorkflowStep } from '../gen/types.gen.js';
import type { LintDoc, TemplateAt } from './document.js';
import {
  type GlobalScope,
  type Inputs,
  inputsOf,
  loopOf,
  NO_LOOP,
  type NodeResolver,
  resolveTag,
  type TagScope,
  type Unresolved,
} from './scope.js';
import { type Tag, tagsIn } from './tags.js';
import type { Callee } from './template-refs.js';

/**
 * Variable references (argo-validation-rules.md §9, rules 39, 48, 51, 60, 65, 66): every checked `{{…}}` tag resolves
 * in the scope of the place it is written. Steps and DAG tasks are checked by steps.ts and dag.ts with their own
 * scope; this file checks the rest of each template.
 */
export function reportTags(d: LintDoc, tags: readonly Tag[], scope: TagScope): void {
  for (const tag of tags) {
    const problem = resolveTag(tag.name, scope);
    if (!problem) continue;
    const message = problem.message ?? `failed to resolve ${tag.raw}: ${problem.reason}`;
    if (problem.severity === 'warning') d.sink.warn(problem.code, tag.path, message);
    else d.sink.error(problem.code, tag.path, message);
  }
}

/** The scope of a template body: its inputs and the globals (no loop item; steps/tasks only where given). */
export function templateScope(global: GlobalScope, t: Template, nodes?: Pick<TagScope, 'steps' | 'tasks'>): TagScope {
  const inputs = inputsOf(t);
  return {
    global,
    template: t,
    inputParameters: inputs.parameters,
    inputArtifacts: inputs.artifacts,
    loop: NO_LOOP,
    steps: nodes?.steps,
    tasks: nodes?.tasks,
  };
}

const HOOKS = [['hooks']] as const;
const NO_TAGS: readonly Tag[] = [];

/**
 * Tags of one step or task: the template's inputs (`inputs`, `inputsOf(template)`, worked out once for all its steps
 * or tasks) plus an inline template's, the loop item, and the steps or tasks `nodes(inHooks)` makes visible (hooks run
 * after their step or task, so they may read its own results).
 */
export function checkNodeTags(
  d: LintDoc,
  node: WorkflowStep | DAGTask,
  path: string,
  template: Template,
  inputs: Inputs,
  global: GlobalScope,
  nodes: (inHooks: boolean) => Pick<TagScope, 'steps' | 'tasks'>,
): void {
  const tags = tagsIn(node, path, HOOKS);
  const hookTags = node.hooks === undefined ? NO_TAGS : tagsIn(node.hooks, `${path}/hooks`);
  if (tags.length === 0 && hookTags.length === 0) return; // no scope to build
  const own = node.inline === undefined ? inputs : inputsOf(template, node.inline);
  const scope = (inHooks: boolean): TagScope => {
    const visible = nodes(inHooks);
    return {
      global,
      template,
      inputParameters: own.parameters,
      inputArtifacts: own.artifacts,
      loop: loopOf(node),
      steps: visible.steps,
      tasks: visible.tasks,
    };
  };
  if (tags.length > 0) reportTags(d, tags, scope(false));
  if (hookTags.length > 0) reportTags(d, hookTags, scope(true));
}

/** Tags of one template outside its steps and tasks; outputs of steps and DAG templates see every step or task. */
export function checkTemplateTags(d: LintDoc, at: TemplateAt, global: GlobalScope, nodes?: NodeResolver): void {
  const t = at.template;
  const skip: string[][] = [];
  if (t.steps !== undefined) skip.push(['steps']);
  if (t.dag !== undefined) skip.push(['dag', 'tasks']);
  if (nodes) skip.push(['outputs']);
  // Walking all of a template (nothing skipped), keep its strings for the unused-input warnings.
  const strings = skip.length === 0 ? [] : undefined;
  const tags = tagsIn(t, at.path, skip, strings);
  if (strings) d.strings.set(t, strings);
  if (tags.length > 0) reportTags(d, tags, templateScope(global, t));
  if (nodes) {
    const key = t.steps !== undefined ? 'steps' : 'tasks';
    const outputTags = tagsIn(t.outputs, `${at.path}/outputs`);
    if (outputTags.length > 0) reportTags(d, outputTags, templateScope(global, t, { [key]: nodes }));
  }
}

const NODE_ATTRIBUTES = new Set([
  'id',
  'startedAt',
  'finishedAt',
  'hostNodeName',
  'ip',
  'status',
  'exitCode',
  'outputs.result',
  'outputs.parameters',
  'outputs.artifacts',
]);

const OUTPUT_PARAMETER = 'outputs.parameters.';
const OUTPUT_ARTIFACT = 'outputs.artifacts.';

/** `steps.X.<attribute>` / `tasks.X.<attribute>`: a known attribute, and a declared output of X's template. */
export function nodeAttribute(
  kind: 'step' | 'task',
  node: string,
  attribute: string,
  callee: Callee,
): Unresolved | undefined {
  if (NODE_ATTRIBUTES.has(attribute)) return undefined;
  // `outputs.(parameters|artifacts).<name>`, the name without dots (prefix tests: no regex run per tag).
  const field = attribute.startsWith(OUTPUT_PARAMETER)
    ? 'parameters'
    : attribute.startsWith(OUTPUT_ARTIFACT)
      ? 'artifacts'
      : undefined;
  const output =
    field === undefined ? '' : attribute.slice((field === 'parameters' ? OUTPUT_PARAMETER : OUTPUT_ARTIFACT).length);
  if (field === undefined || output === '' || output.includes('.'))
    return { code: 'lint/unresolved-reference', reason: `'${attribute}' is not a ${kind} variable` };
  if (callee === 'unknown' || declares(callee.outputs?.[field], output)) return undefined;
  const what = field === 'parameters' ? 'parameter' : 'artifact';
  const by = callee.name ? ` (template '${callee.name}')` : '';
  return { code: 'lint/unresolved-reference', reason: `${kind} '${node}'${by} has no output ${what} '${output}'` };
}

/** Whether an output list names `name` (a loop, not `some` with a closure made per tag). */
function declares(outputs: readonly { readonly name?: string }[] | undefined, name: string): boolean {
  if (outputs === undefined) return false;
  for (let i = 0; i < outputs.length; i++) if (outputs[i]?.name === name) return true;
  return false;
}

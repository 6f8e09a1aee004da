import type { Item, Template, WorkflowSpec } from '../gen/types.gen.js';
import { isObject, isPodType, type LintDoc, list } from './document.js';
import { nodeNameEnd } from './tags.js';

/** A set of names, or every name (when the names come from somewhere the lint cannot see). */
export type Names = ReadonlySet<string> | 'any';

const has = (names: Names, name: string) => names === 'any' || names.has(name);

/** What `{{workflow.*}}` resolves to in one document (argo-validation-rules.md rule 12 and §9). */
export interface GlobalScope {
  readonly parameters: Names;
  /** In a WorkflowTemplate an undeclared `workflow.parameters.x` may come from the Workflow that runs it. */
  readonly parametersFromCaller: boolean;
  readonly labels: Names;
  readonly annotations: Names;
  readonly priority: boolean;
  readonly failures: boolean;
  readonly outputParameters: Names;
  readonly outputArtifacts: Names;
}

export function globalScope(d: LintDoc): GlobalScope {
  const specs: WorkflowSpec[] = [d.spec];
  const opaque = d.referenced === 'unknown';
  if (d.referenced && d.referenced !== 'unknown') specs.push(d.referenced.spec);
  const meta = isObject(d.doc) && isObject(d.doc.metadata) ? d.doc.metadata : {};
  const cronMeta =
    d.kind === 'CronWorkflow' && isObject(d.doc) && isObject(d.doc.spec) && isObject(d.doc.spec.workflowMetadata)
      ? d.doc.spec.workflowMetadata
      : {};
  const keys = (field: 'labels' | 'annotations'): Names => {
    if (opaque) return 'any';
    const out = new Set<string>();
    const add = (m: unknown) => {
      if (isObject(m)) for (const k of Object.keys(m)) out.add(k);
    };
    add(d.kind === 'CronWorkflow' ? cronMeta[field] : meta[field]);
    for (const s of specs) {
      add(s.workflowMetadata?.[field]);
      if (field === 'labels') add(s.workflowMetadata?.labelsFrom);
    }
    return out;
  };
  const params = new Set<string>();
  for (const s of specs)
    for (const p of list(s.arguments?.parameters)) if (typeof p?.name === 'string') params.add(p.name);
  const outputs = globalOutputs(
    d.templates.map((t) => t.template).concat(specs.slice(1).flatMap((s) => list(s.templates))),
  );
  return {
    parameters: opaque ? 'any' : params,
    parametersFromCaller: d.library,
    labels: keys('labels'),
    annotations: keys('annotations'),
    priority: opaque || specs.some((s) => s.priority !== undefined),
    failures: opaque || specs.some((s) => !!s.onExit || isObject(s.hooks?.exit)),
    outputParameters: opaque ? 'any' : outputs.parameters,
    outputArtifacts: opaque ? 'any' : outputs.artifacts,
  };
}

/** Names given by `globalName` anywhere; a `{{…}}` globalName makes every name possible (rule 14). */
function globalOutputs(templates: readonly Template[]): { parameters: Names; artifacts: Names } {
  const collect = (field: 'parameters' | 'artifacts'): Names => {
    const out = new Set<string>();
    for (const t of templates)
      for (const p of list<{ globalName?: string }>(t?.outputs?.[field])) {
        if (typeof p?.globalName !== 'string') continue;
        if (p.globalName.includes('{{')) return 'any';
        out.add(p.globalName);
      }
    return out;
  };
  return { parameters: collect('parameters'), artifacts: collect('artifacts') };
}

/** How a step or task loops, which decides what `{{item…}}` may say. */
export type Loop =
  | { readonly kind: 'none' }
  | { readonly kind: 'items'; readonly keys: ReadonlySet<string> }
  | { readonly kind: 'param' }
  | { readonly kind: 'sequence' };

export function loopOf(node: { withItems?: readonly Item[]; withParam?: string; withSequence?: unknown }): Loop {
  if (Array.isArray(node.withItems) && node.withItems.length > 0) {
    const keys = new Set<string>();
    for (const item of node.withItems) {
      if (Array.isArray(item)) for (let i = 0; i < item.length; i++) keys.add(`[${i}]`);
      else if (isObject(item)) for (const k of Object.keys(item)) keys.add(k);
    }
    return { kind: 'items', keys };
  }
  if (typeof node.withParam === 'string' && node.withParam !== '') return PARAM_LOOP;
  if (node.withSequence !== undefined) return SEQUENCE_LOOP;
  return NO_LOOP;
}

// Shared: most steps and tasks do not loop, and a loop of these kinds has nothing of its own.
const PARAM_LOOP: Loop = Object.freeze({ kind: 'param' });
const SEQUENCE_LOOP: Loop = Object.freeze({ kind: 'sequence' });
export const NO_LOOP: Loop = Object.freeze({ kind: 'none' });

/** `{{steps.X.…}}` and `{{tasks.X.…}}`: the template's own steps or tasks decide. Returns why a reference fails. */
export type NodeResolver = (name: string, attribute: string) => Unresolved | undefined;

export interface Unresolved {
  readonly code: string;
  readonly reason: string;
  readonly severity?: 'warning';
  /** A whole message, when Argo words this case its own way. */
  readonly message?: string;
}

/** Everything a tag in one place of one template may refer to. */
export interface TagScope {
  readonly global: GlobalScope;
  readonly template: Template;
  /** Input parameters and artifacts visible here: the template's own plus an inline template's. */
  readonly inputParameters: InputNames;
  readonly inputArtifacts: InputNames;
  readonly loop: Loop;
  readonly steps?: NodeResolver;
  readonly tasks?: NodeResolver;
}

/** The names of a template's input parameters or artifacts, asked whether they hold one (unlike `Names`, never "any"). */
export interface InputNames {
  has(name: string): boolean;
  readonly size: number;
}

/** InputNames over an array: lighter than a Set for a handful of names, and one is made per template. */
class ListedInputNames implements InputNames {
  readonly #names: readonly string[];

  constructor(names: readonly string[]) {
    this.#names = names;
  }

  has(name: string): boolean {
    return this.#names.includes(name);
  }

  get size(): number {
    return this.#names.length;
  }
}

const NO_NAMES: InputNames = new ListedInputNames([]);

/** The names of the input parameters and artifacts of one or more templates. */
export interface Inputs {
  readonly parameters: InputNames;
  readonly artifacts: InputNames;
}

export function inputsOf(template: Template | undefined, inline?: Template): Inputs {
  const parameters: string[] = [];
  const artifacts: string[] = [];
  addInputs(template, parameters, artifacts);
  if (inline !== undefined) addInputs(inline, parameters, artifacts);
  return {
    parameters: parameters.length > 0 ? new ListedInputNames(parameters) : NO_NAMES,
    artifacts: artifacts.length > 0 ? new ListedInputNames(artifacts) : NO_NAMES,
  };
}

/** Indexed loops: this runs for every template, and for every step or task with an inline template. */
function addInputs(t: Template | undefined, parameters: string[], artifacts: string[]): void {
  const params = list(t?.inputs?.parameters);
  for (let i = 0; i < params.length; i++) {
    const name = params[i]?.name;
    if (typeof name === 'string' && !parameters.includes(name)) parameters.push(name);
  }
  const arts = list(t?.inputs?.artifacts);
  for (let i = 0; i < arts.length; i++) {
    const name = arts[i]?.name;
    if (typeof name === 'string' && !artifacts.includes(name)) artifacts.push(name);
  }
}

const RUNTIME_WORKFLOW = /^workflow\.(creationTimestamp|scheduledTime|duration)(\.|$)/;
const WORKFLOW_FIXED = new Set([
  'workflow.name',
  'workflow.namespace',
  'workflow.mainEntrypoint',
  'workflow.serviceAccountName',
  'workflow.uid',
  'workflow.status',
  'workflow.parameters',
  'workflow.parameters.json',
  'workflow.labels',
  'workflow.labels.json',
  'workflow.annotations',
  'workflow.annotations.json',
]);

const unresolved = (reason: string, severity?: 'warning'): Unresolved => ({
  code: 'lint/unresolved-reference',
  reason,
  ...(severity ? { severity } : {}),
});

const INPUT_PARAMETER = 'inputs.parameters.';

/**
 * Whether a tag resolves in a scope; undefined when it does, else the reason. Argo checks the prefixes below; any other
 * tag (`{{retries}}`, `{{node.name}}`, `{{foo}}`) passes (rule 65), and so do expression tags `{{=…}}`.
 */
export function resolveTag(name: string, s: TagScope): Unresolved | undefined {
  // The two forms nearly every tag of a generated document takes, resolved without splitting the name: a declared
  // input parameter, and a step's or task's attribute. Anything else, or a failure, takes the general path below.
  if (name.startsWith(INPUT_PARAMETER)) {
    const parameter = name.slice(INPUT_PARAMETER.length);
    if (!parameter.includes('.') && s.inputParameters.has(parameter)) return undefined;
  } else if (name.startsWith('tasks.') || name.startsWith('steps.')) {
    const resolver = name.charCodeAt(0) === 115 /* s */ ? s.steps : s.tasks;
    const second = name.includes('{{') ? nodeNameEnd(name, 6) : name.indexOf('.', 6);
    if (resolver && second > 6) return resolver(name.slice(6, second), name.slice(second + 1));
  }
  const parts = name.split('.');
  const head = parts[0] as string;
  switch (head) {
    case 'outputs':
      return undefined;
    case 'workflow':
      return resolveWorkflow(name, s.global);
    case 'inputs':
      return resolveInputs(parts, s);
    case 'pod':
      if (name === 'pod.name' && isPodType(s.template)) return undefined;
      return unresolved(name === 'pod.name' ? 'pod.name exists only in templates that run a pod' : 'unknown variable');
    case 'item':
      return resolveItem(parts, s.loop);
    case 'steps':
    case 'tasks': {
      if (parts.length === 2 && parts[1] === 'name') return undefined;
      const resolver = head === 'steps' ? s.steps : s.tasks;
      const kind = head === 'steps' ? 'steps' : 'DAG';
      if (!resolver) return unresolved(`'${head}.' references are only valid in a ${kind} template's ${head}`);
      // `tasks.<node>.<attribute…>`
      const node = parts[1] ?? '';
      const attribute = parts.length > 2 ? name.slice(head.length + node.length + 2) : '';
      return resolver(node, attribute);
    }
    default:
      return undefined;
  }
}

function resolveWorkflow(name: string, g: GlobalScope): Unresolved | undefined {
  if (WORKFLOW_FIXED.has(name) || RUNTIME_WORKFLOW.test(name)) return undefined;
  const after = (prefix: string) => (name.startsWith(prefix) ? name.slice(prefix.length) : undefined);
  const param = after('workflow.parameters.');
  if (param !== undefined) {
    if (has(g.parameters, param)) return undefined;
    return g.parametersFromCaller
      ? unresolved(
          `no workflow argument '${param}' is declared in spec.arguments; the Workflow that runs this template must supply it`,
          'warning',
        )
      : unresolved(`no workflow argument '${param}' is declared in spec.arguments.parameters`);
  }
  // Labels and annotations may also come from the controller's workflowDefaults or from the submitter
  // (`argo submit -l`), which the lint cannot see: a missing one is a warning, not an error.
  const label = after('workflow.labels.');
  if (label !== undefined) return has(g.labels, label) ? undefined : suppliedLater('label', label);
  const annotation = after('workflow.annotations.');
  if (annotation !== undefined)
    return has(g.annotations, annotation) ? undefined : suppliedLater('annotation', annotation);
  if (name === 'workflow.priority') return g.priority ? undefined : unresolved('spec.priority is not set');
  if (name === 'workflow.failures') return g.failures ? undefined : unresolved('the workflow has no onExit handler');
  const outParam = after('workflow.outputs.parameters.');
  if (outParam !== undefined)
    return has(g.outputParameters, outParam)
      ? undefined
      : unresolved(`no output parameter has globalName '${outParam}'`);
  const outArtifact = after('workflow.outputs.artifacts.');
  if (outArtifact !== undefined)
    return has(g.outputArtifacts, outArtifact)
      ? undefined
      : unresolved(`no output artifact has globalName '${outArtifact}'`);
  return unresolved('unknown workflow variable');
}

function suppliedLater(what: 'label' | 'annotation', name: string): Unresolved {
  return unresolved(
    `the workflow has no ${what} '${name}' here; it resolves only if the controller's workflowDefaults or the submitter add it (\`argo lint\` without them refuses it)`,
    'warning',
  );
}

/** `inputs.<field>.<name>…`, as split on dots (`parts[0]` is `inputs`). */
function resolveInputs(parts: readonly string[], s: TagScope): Unresolved | undefined {
  const field = parts[1];
  const name = parts[2];
  const more = parts.length - 3; // parts after the name
  const where = () => (s.template.name ? `template '${s.template.name}'` : 'this template');
  if (field === 'parameters') {
    if (name === undefined)
      return s.inputParameters.size > 0 ? undefined : unresolved(`${where()} has no input parameters`);
    if (more === 0 && s.inputParameters.has(name)) return undefined;
    return unresolved(`${where()} declares no input parameter '${parts.slice(2).join('.')}'`);
  }
  if (field === 'artifacts' && name !== undefined) {
    const tail = parts.slice(3).join('.');
    if (
      s.inputArtifacts.has(name) &&
      (tail === '' || (tail === 'path' && s.template.steps === undefined && s.template.dag === undefined))
    )
      return undefined;
    return unresolved(`${where()} declares no input artifact '${parts.slice(2).join('.')}'`);
  }
  return unresolved('unknown variable');
}

/** `item…`, as split on dots (`parts[0]` is `item`). */
function resolveItem(parts: readonly string[], loop: Loop): Unresolved | undefined {
  if (loop.kind === 'none')
    return unresolved("'item' is only defined in a step or task with withItems, withParam or withSequence");
  if (parts.length === 1 || loop.kind === 'param') return undefined;
  const key = parts[1] ?? '';
  if (loop.kind === 'items' && loop.keys.has(key)) return undefined;
  return unresolved(
    loop.kind === 'sequence'
      ? 'withSequence items are numbers and have no fields'
      : `no item in withItems has a key '${key}'`,
  );
}

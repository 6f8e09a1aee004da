import { hooksCode, hooksProblem } from './call-options.js';
import { type Code, call, key, obj, print, quote } from './code.js';
import { type DocContext, isObject, type ModuleContext, type TemplateInfo, type Yaml } from './context.js';
import { type Scope, stringCode, valueCode } from './expressions.js';
import { emptyToUndefined, paramSpecCode } from './param-code.js';
import { declareTemplate } from './template.js';

const KINDS: Readonly<Record<string, string>> = {
  Workflow: 'workflow',
  WorkflowTemplate: 'workflowTemplate',
  ClusterWorkflowTemplate: 'clusterWorkflowTemplate',
  CronWorkflow: 'cronWorkflow',
};
export const IMPORTABLE = new Set(Object.keys(KINDS));
const CRON_KEYS = [
  'schedules',
  'timezone',
  'concurrencyPolicy',
  'startingDeadlineSeconds',
  'successfulJobsHistoryLimit',
];
const CRON_MORE = ['failedJobsHistoryLimit', 'suspend', 'when', 'workflowMetadata'];

/** Declares one document's templates, tasks and workflow value; returns the expression of the workflow value. */
export function importDocument(m: ModuleContext, doc: Yaml): string {
  const kind = String(doc.kind);
  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  const cronSpec = kind === 'CronWorkflow' && isObject(doc.spec) ? doc.spec : undefined;
  const spec = (cronSpec ? cronSpec.workflowSpec : doc.spec) as Yaml;
  if (kind === 'Workflow' && isObject(spec?.workflowTemplateRef)) return referenceWorkflow(m, metadata, spec);
  const templates = new Map(
    (Array.isArray(spec?.templates) ? spec.templates.filter(isObject) : []).map((t) => [String(t.name), t] as const),
  );
  const args = isObject(spec?.arguments) ? spec.arguments : {};
  const wfParams = Array.isArray(args.parameters) ? args.parameters.filter(isObject) : [];
  const paramsVar = wfParams.length && !spec.workflowTemplateRef ? m.names.take('params') : undefined;
  const base: Scope = paramsVar
    ? { params: { varName: paramsVar, names: new Set(wfParams.map((p) => String(p.name))) } }
    : {};
  if (paramsVar) {
    m.imports.add('workflowParams').add('param');
    m.statements.push(
      `const ${paramsVar} = ${print(call('workflowParams', obj(wfParams.map((p) => [key(String(p.name)), workflowParam(m, p)] as const))))};`,
    );
  }
  const stubs = new Map<string, string>();
  const ctx: DocContext = {
    ...m,
    templates,
    emitted: new Map(),
    inProgress: new Set(),
    calledByDsl: new Set(),
    base,
    ensure: (name) => ensure(ctx, name),
    templateRef: (ref) => templateRefStub(m, stubs, ref),
  };
  const entry =
    typeof spec?.entrypoint === 'string' && templates.has(spec.entrypoint) ? ctx.ensure(spec.entrypoint) : undefined;
  if (entry) ctx.calledByDsl.add(String(spec.entrypoint));
  const onExit = typeof spec?.onExit === 'string' ? ctx.ensure(spec.onExit) : undefined;
  if (onExit) ctx.calledByDsl.add(String(spec.onExit));
  const hooks = isObject(spec?.hooks) ? workflowHooksCode(ctx, spec.hooks) : undefined;
  for (const name of templates.keys()) ctx.ensure(name);
  const unreached = [...templates.keys()]
    .filter((n) => !ctx.calledByDsl.has(n))
    .map((n) => ctx.emitted.get(n)?.varName as string);
  const { entrypoint: ep, templates: _t, arguments: _a, onExit: _o, hooks: _h, ...rest } = spec ?? {};
  if (ep !== undefined && !entry) rest.entrypoint = ep;
  // Workflow-level artifacts become the `artifacts` option, keyed by name.
  const artifacts = Array.isArray(args.artifacts)
    ? Object.fromEntries(args.artifacts.filter(isObject).map(({ name, ...a }) => [String(name), a] as const))
    : undefined;
  if (spec?.onExit !== undefined && !onExit) rest.onExit = spec.onExit;
  const options = obj([
    ...metadataEntries(m, metadata, base),
    ['entrypoint', entry?.varName],
    ['params', paramsVar],
    ['artifacts', artifacts ? valueCode(artifacts, base, m.counts) : undefined],
    ['onExit', onExit?.varName],
    ['hooks', hooks],
    ['templates', unreached.length ? { kind: 'array', items: unreached } : undefined],
    ['spec', Object.keys(rest).length ? valueCode(rest, base, m.counts, true) : undefined],
  ]);
  const fn = KINDS[kind] as string;
  m.imports.add(fn);
  if (kind === 'Workflow') {
    return print(call(fn, idCode(m, metadata), options));
  }
  if (kind === 'CronWorkflow')
    return print(call(fn, quote(nameOf(metadata)), cronCode(m, cronSpec as Yaml, base), options));
  return print(call(fn, quote(nameOf(metadata)), options));
}

function nameOf(metadata: Yaml): string {
  return String(metadata.name ?? metadata.generateName ?? '');
}

function metadataEntries(m: ModuleContext, metadata: Yaml, base: Scope): (readonly [string, Code | undefined])[] {
  const extra = Object.keys(metadata).filter(
    (k) => !['name', 'generateName', 'namespace', 'labels', 'annotations'].includes(k),
  );
  if (extra.length) m.losses.push(`metadata.${extra.join(', metadata.')}: the DSL has no such field`);
  return ['namespace', 'labels', 'annotations'].map(
    (k) => [k, metadata[k] === undefined ? undefined : valueCode(metadata[k], base, m.counts)] as const,
  );
}

function workflowParam(m: ModuleContext, p: Yaml): Code {
  const extra = Object.keys(p).filter((k) => !['name', 'value', 'enum', 'description', 'valueFrom'].includes(k));
  if (extra.length) m.losses.push(`workflow parameter '${p.name}': ${extra.join(', ')}: the DSL has no such field`);
  return paramSpecCode(p, 'value', {}, m.counts);
}

/**
 * The CronWorkflow options. Argo 3.x's single `schedule` (removed in 4.0) becomes the first of `schedules`, which
 * every Argo from 3.6 reads the same way (`GetSchedules` appends `schedule` to `schedules`).
 */
function cronCode(m: ModuleContext, c: Yaml, base: Scope): Code {
  const { workflowSpec: _w, stopStrategy, schedule, ...rest } = c;
  const known = [...CRON_KEYS, ...CRON_MORE];
  const extra = Object.keys(rest).filter((k) => !known.includes(k));
  if (extra.length) m.losses.push(`CronWorkflow spec.${extra.join(', spec.')}: the DSL has no such option`);
  if (isObject(stopStrategy) && Object.keys(stopStrategy).some((k) => k !== 'expression'))
    m.losses.push('CronWorkflow spec.stopStrategy: fields other than expression');
  const schedules = [
    ...(Array.isArray(rest.schedules) ? rest.schedules : []),
    ...(typeof schedule === 'string' && schedule !== '' ? [schedule] : []),
  ];
  if (typeof schedule === 'string' && schedule !== '')
    m.warnings.push(
      `CronWorkflow: the legacy 'schedule' is written as one of 'schedules' (Argo 3.6+ reads both alike)`,
    );
  return obj([
    ...known.map(
      (k) =>
        [
          k,
          k === 'schedules'
            ? valueCode(schedules, base, m.counts)
            : rest[k] === undefined
              ? undefined
              : valueCode(rest[k], base, m.counts),
        ] as const,
    ),
    ['stopExpression', isObject(stopStrategy) ? valueCode(stopStrategy.expression, base, m.counts) : undefined],
  ]);
}

function ensure(ctx: DocContext, name: string): TemplateInfo | undefined {
  const done = ctx.emitted.get(name);
  if (done) return done;
  const t = ctx.templates.get(name);
  if (!t || ctx.inProgress.has(name)) return undefined;
  ctx.inProgress.add(name);
  const info = declareTemplate(ctx, t);
  ctx.inProgress.delete(name);
  ctx.emitted.set(name, info);
  return info;
}

/** Workflow-level hooks, written as a task's are (callee, typed arguments, expression); a hook the DSL cannot write is a loss. */
function workflowHooksCode(ctx: DocContext, hooks: Yaml): Code | undefined {
  const kept: Yaml = {};
  for (const [name, h] of Object.entries(hooks)) {
    const why = hooksProblem(ctx, { hooks: { [name]: h } });
    if (why) ctx.losses.push(`workflow ${why}`);
    else kept[name] = h;
  }
  return Object.keys(kept).length ? hooksCode(ctx, kept, ctx.base) : undefined;
}

/** `templateRef(holder, stub)`: the other WorkflowTemplate and its template, declared as stubs once per module. */
function templateRefStub(m: ModuleContext, stubs: Map<string, string>, ref: Yaml): string | undefined {
  if (typeof ref.name !== 'string' || typeof ref.template !== 'string') return undefined;
  const cluster = ref.clusterScope === true;
  if (!Object.keys(ref).every((k) => ['name', 'template', 'clusterScope'].includes(k))) return undefined;
  const id = `${cluster}/${ref.name}/${ref.template}`;
  const known = stubs.get(id);
  if (known) return known;
  const stub = m.names.take(`${ref.template}-stub`);
  const holder = m.names.take(`${ref.name}-ref`);
  const refVar = m.names.take(`${ref.template}-of-${ref.name}`);
  m.counts.rawTemplate++;
  m.imports
    .add('rawTemplate')
    .add('templateRef')
    .add(cluster ? 'clusterWorkflowTemplate' : 'workflowTemplate');
  m.statements.push(
    `// Template '${ref.template}' of ${cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'} '${ref.name}', defined elsewhere: a stub, so calls can name it.`,
    `const ${stub} = rawTemplate({ name: ${quote(ref.template)} });`,
    `const ${holder} = ${cluster ? 'clusterWorkflowTemplate' : 'workflowTemplate'}(${quote(ref.name)}, { templates: [${stub}] });`,
    `const ${refVar} = templateRef(${holder}, ${stub});`,
  );
  stubs.set(id, refVar);
  return refVar;
}

/** A Workflow that runs a WorkflowTemplate: `workflowFrom(stub, id, args, extras)`. */
function referenceWorkflow(m: ModuleContext, metadata: Yaml, spec: Yaml): string {
  const { workflowTemplateRef: ref, arguments: args, ...rest } = spec as Yaml & { workflowTemplateRef: Yaml };
  const params = isObject(args) && Array.isArray(args.parameters) ? args.parameters.filter(isObject) : [];
  if (isObject(args) && args.artifacts !== undefined)
    m.losses.push('spec.arguments.artifacts of a Workflow that runs a WorkflowTemplate: workflowFrom() has none');
  const cluster = ref.clusterScope === true;
  const fn = cluster ? 'clusterWorkflowTemplate' : 'workflowTemplate';
  const holder = m.names.take(`${String(ref.name)}-ref`);
  m.imports.add(fn).add('workflowFrom');
  if (params.length) m.imports.add('workflowParams').add('param');
  const paramsCode = params.length
    ? obj([
        [
          'params',
          call('workflowParams', obj(params.map((p) => [key(String(p.name)), call('param.string')] as const))),
        ],
      ])
    : obj([]);
  m.statements.push(
    `// ${cluster ? 'ClusterWorkflowTemplate' : 'WorkflowTemplate'} '${ref.name}', defined elsewhere: a stub declaring the parameters passed here.`,
    `const ${holder} = ${print(call(fn, quote(String(ref.name)), paramsCode))};`,
  );
  const argValues = obj(
    params.map(
      (p) =>
        [
          key(String(p.name)),
          typeof p.value === 'string' ? stringCode(p.value, {}, m.counts) : quote(String(p.value)),
        ] as const,
    ),
  );
  const extras = emptyToUndefined(
    obj([
      ...metadataEntries(m, metadata, {}),
      ['spec', Object.keys(rest).length ? valueCode(rest, {}, m.counts, true) : undefined],
    ]),
  );
  return print(call('workflowFrom', holder, idCode(m, metadata), argValues, extras));
}

/** `{ name }` or `{ generateName }`; a Workflow with neither (valid YAML, unsubmittable) keeps an empty generateName. */
function idCode(m: ModuleContext, metadata: Yaml): Code {
  if (typeof metadata.name === 'string') return obj([['name', quote(metadata.name)]]);
  if (typeof metadata.generateName === 'string') return obj([['generateName', quote(metadata.generateName)]]);
  m.warnings.push('the Workflow has neither metadata.name nor metadata.generateName');
  return obj([['generateName', "''"]]);
}

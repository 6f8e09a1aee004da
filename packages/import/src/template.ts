import { callsTemplate } from './calls.js';
import { type Code, call, key, obj, print, quote } from './code.js';
import { type DocContext, isObject, only, type TemplateInfo, type Yaml } from './context.js';
import { type Scope, stringCode, valueCode } from './expressions.js';
import { emptyToUndefined as flatEmpty, paramSpecCode } from './param-code.js';

const BODIES = ['container', 'script', 'resource', 'suspend', 'http', 'containerSet', 'dag', 'steps'];
const PARAM_KEYS = ['name', 'default', 'enum', 'description', 'valueFrom'];
const OUT_PARAM_KEYS = ['name', 'valueFrom', 'globalName', 'description', 'enum'];
const VALUE_FROM = [
  'path',
  'expression',
  'jsonPath',
  'jqFilter',
  'parameter',
  'supplied',
  'default',
  'configMapKeyRef',
];

const list = (v: unknown): Yaml[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));

/** Why a template cannot be written with the DSL's constructors (so it becomes `rawTemplate`), or undefined. */
export function rawReason(t: Yaml): string | undefined {
  const bodies = BODIES.filter((b) => b in t);
  if (bodies.length !== 1) return `no DSL constructor for its body (${Object.keys(t).join(', ')})`;
  const inputs = isObject(t.inputs) ? t.inputs : {};
  for (const p of list(inputs.parameters)) {
    if (!only(p, PARAM_KEYS)) return `input parameter '${p.name}' has ${Object.keys(p).join(', ')}`;
    if (p.valueFrom !== undefined) {
      const vf = p.valueFrom as Yaml;
      if (!isObject(vf) || !only(vf, ['configMapKeyRef']) || p.default !== undefined || p.enum !== undefined)
        return `input parameter '${p.name}' has a valueFrom the DSL cannot write`;
    }
  }
  for (const a of list(inputs.artifacts))
    if (typeof a.path !== 'string') return `input artifact '${a.name}' has no path`;
  const inputNames = [...list(inputs.parameters), ...list(inputs.artifacts)].map((p) => p.name);
  if (new Set(inputNames).size !== inputNames.length) return 'an input parameter and an input artifact share a name';
  const outputs = isObject(t.outputs) ? t.outputs : {};
  const outputNames = [...list(outputs.parameters), ...list(outputs.artifacts)].map((p) => p.name);
  if (new Set(outputNames).size !== outputNames.length)
    return 'an output parameter and an output artifact share a name';
  if (!only(outputs, ['parameters', 'artifacts'])) return 'outputs other than parameters and artifacts';
  for (const p of list(outputs.parameters)) {
    if (!only(p, OUT_PARAM_KEYS) || !isObject(p.valueFrom) || !only(p.valueFrom, VALUE_FROM))
      return `output parameter '${p.name}' has ${Object.keys(p).join(', ')}`;
  }
  // Any Artifact field is an option of output.artifact(path, …) or output.artifactFrom(ref, …), or of a plain spec
  // (`{ kind: 'artifact', fromExpression }`) when there is neither; but not both a path and a `from`.
  for (const a of list(outputs.artifacts)) {
    if ((a.from !== undefined && a.path !== undefined) || !['string', 'undefined'].includes(typeof a.from))
      return `output artifact '${a.name}' has ${Object.keys(a).join(', ')}`;
    if (!['string', 'undefined'].includes(typeof a.path)) return `output artifact '${a.name}' has a path not a string`;
  }
  return undefined;
}

/** Declares the template (and, first, the templates its tasks or steps call); returns what callers need. */
export function declareTemplate(ctx: DocContext, t: Yaml): TemplateInfo {
  const name = str(t.name);
  const varName = ctx.names.take(name, 'Template');
  const reason = rawReason(t);
  if (reason) {
    ctx.counts.rawTemplate++;
    ctx.imports.add('rawTemplate');
    ctx.statements.push(
      `// rawTemplate: ${reason}\nconst ${varName} = ${print(call('rawTemplate', valueCode(t, ctx.base, ctx.counts)))};`,
    );
    return { varName, loose: true, params: new Map(), artifacts: new Map(), outputs: noOutputs() };
  }
  const body = BODIES.find((b) => b in t) as string;
  for (const callee of calleeNames(t[body])) ctx.ensure(callee); // templates before the tasks that call them
  const inputs = isObject(t.inputs) ? t.inputs : {};
  const params = list(inputs.parameters);
  const artifacts = list(inputs.artifacts);
  const inputsVar = params.length + artifacts.length > 0 ? ctx.names.take(`${varName}-inputs`) : undefined;
  const scope: Scope = {
    ...ctx.base,
    ...(inputsVar
      ? { inputs: { varName: inputsVar, names: new Set([...params, ...artifacts].map((p) => str(p.name))) } }
      : {}),
  };
  if (inputsVar) {
    ctx.imports.add('inputs');
    // Inside its own inputs() the handles do not exist yet: an input artifact whose git revision or S3 key names a
    // sibling parameter (`{{inputs.parameters.day}}`) keeps that reference as raw(), not as a self-reference.
    const declScope: Scope = { ...scope, inputs: undefined };
    const entries = [
      ...params.map((p) => [key(str(p.name)), paramSpecCode(p, 'default', declScope, ctx.counts)] as const),
      ...artifacts.map((a) => [key(str(a.name)), artifactCode(ctx, a, declScope)] as const),
    ];
    ctx.statements.push(`const ${inputsVar} = ${print(call('inputs', obj(entries)))};`);
  }
  const { name: _n, inputs: _i, outputs: _o, [body]: bodyValue, ...extras } = t;
  const calls = body === 'dag' || body === 'steps' ? callsTemplate(ctx, name, body, bodyValue, scope) : undefined;
  const outputs = isObject(t.outputs) ? t.outputs : {};
  const outScope = calls ? { ...scope, calls: calls.scope } : scope;
  const outEntries = [
    ...list(outputs.parameters).map((p) => [key(str(p.name)), outParamCode(ctx, p, outScope)] as const),
    ...list(outputs.artifacts).map((a) => [key(str(a.name)), outArtifactCode(ctx, a, outScope)] as const),
  ];
  const options = obj([
    ['inputs', inputsVar],
    ['outputs', outEntries.length ? obj(outEntries) : undefined],
    ...(calls?.dagFields ? ([['dag', calls.dagFields]] as const) : []),
    ...Object.entries(extras).map(([k, v]) => [key(k), valueCode(v, scope, ctx.counts, true)] as const),
  ]);
  const hasOptions = typeof options !== 'string' && options.kind === 'object' && options.entries.length > 0;
  ctx.imports.add(body);
  const spec: Code = calls ? calls.code : valueCode(bodyValue ?? {}, scope, ctx.counts, true);
  ctx.statements.push(`const ${varName} = ${print(call(body, quote(name), spec, hasOptions ? options : undefined))};`);
  return {
    varName,
    loose: false,
    params: new Map(
      params.map((p) => [
        str(p.name),
        { required: p.default === undefined && p.valueFrom === undefined, enum: p.enum as unknown[] | undefined },
      ]),
    ),
    artifacts: new Map(artifacts.map((a) => [str(a.name), { required: a.optional !== true && !hasSource(a) }])),
    outputs: {
      parameters: new Set(list(outputs.parameters).map((p) => str(p.name))),
      artifacts: new Set(list(outputs.artifacts).map((a) => str(a.name))),
    },
  };
}

function noOutputs() {
  return { parameters: new Set<string>(), artifacts: new Set<string>() };
}

function hasSource(a: Yaml): boolean {
  return Object.keys(a).some((k) => !['name', 'path', 'optional', 'mode'].includes(k));
}

function artifactCode(ctx: DocContext, a: Yaml, scope: Scope): Code {
  ctx.imports.add('artifact');
  const { name: _n, path, optional, mode, ...from } = a;
  const o = obj([
    ['optional', optional === undefined ? undefined : String(optional)],
    ['mode', mode === undefined ? undefined : String(mode)],
    ['from', Object.keys(from).length ? valueCode(from, scope, ctx.counts, true) : undefined],
  ]);
  return call('artifact', stringCode(str(path), scope, ctx.counts), flatEmpty(o));
}

function outParamCode(ctx: DocContext, p: Yaml, scope: Scope): Code {
  ctx.imports.add('output');
  const vf = p.valueFrom as Yaml;
  const text = (v: unknown) => (typeof v === 'string' ? stringCode(v, scope, ctx.counts) : quote(String(v)));
  const sources = Object.keys(vf).filter((k) => k !== 'default');
  const extras = flatEmpty(
    obj([
      ['globalName', p.globalName === undefined ? undefined : text(p.globalName)],
      ['description', p.description === undefined ? undefined : text(p.description)],
      ['default', vf.default === undefined ? undefined : text(vf.default)],
    ]),
  );
  const source = sources[0] as string;
  if (sources.length === 1 && p.enum === undefined) {
    if (['path', 'expression', 'jsonPath', 'jqFilter'].includes(source) && typeof vf[source] === 'string')
      return call(`output.${source}`, text(vf[source]), extras);
    if (source === 'supplied' && isObject(vf.supplied) && Object.keys(vf.supplied).length === 0)
      return call('output.supplied', extras);
    if (source === 'parameter' && typeof vf.parameter === 'string') {
      const ref = stringCode(vf.parameter, scope, ctx.counts, true);
      if (typeof ref === 'string' && !/^['`]/.test(ref) && !ref.startsWith('raw('))
        return call('output.from', ref, extras);
    }
  }
  const { name: _n, ...rest } = p;
  return obj([
    ['kind', quote('parameter')],
    ...Object.entries(rest).map(([k, v]) => [key(k), valueCode(v, scope, ctx.counts)] as const),
  ]);
}

function outArtifactCode(ctx: DocContext, a: Yaml, scope: Scope): Code {
  ctx.imports.add('output');
  const { name: _n, path, from, ...rest } = a;
  const extras = flatEmpty(
    obj(Object.entries(rest).map(([k, v]) => [key(k), valueCode(v, scope, ctx.counts)] as const)),
  );
  if (typeof from === 'string' && path === undefined) {
    const ref = stringCode(from, scope, ctx.counts, true);
    if (typeof ref === 'string' && !/^['`]/.test(ref) && !ref.startsWith('raw('))
      return call('output.artifactFrom', ref, extras);
    return obj([
      ['kind', quote('artifact')],
      ['from', ref],
      ...(extras && typeof extras !== 'string' && extras.kind === 'object' ? extras.entries : []),
    ]);
  }
  if (path === undefined)
    return obj([
      ['kind', quote('artifact')],
      ...(extras && typeof extras !== 'string' && extras.kind === 'object' ? extras.entries : []),
    ]);
  return call('output.artifact', stringCode(str(path), scope, ctx.counts), extras);
}

/** The templates a DAG or steps body calls by name, in order. */
function calleeNames(body: unknown): string[] {
  const calls = Array.isArray(body) ? body.flat() : isObject(body) && Array.isArray(body.tasks) ? body.tasks : [];
  return calls.filter(isObject).flatMap((c) => (typeof c.template === 'string' ? [c.template] : []));
}

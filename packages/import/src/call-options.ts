import { arrow, type Code, call, key, obj, print, quote } from './code.js';
import { type DocContext, isObject, type TemplateInfo, type Yaml } from './context.js';
import { type CallHandle, type Scope, stringCode, valueCode } from './expressions.js';

export const CALL_KEYS = [
  'name',
  'template',
  'templateRef',
  'arguments',
  'when',
  'withItems',
  'withParam',
  'withSequence',
  'continueOn',
  'onExit',
  'hooks',
];
export const NAME = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;

/** The callee expression: a template variable, or a `templateRef` stub; undefined when it must stay by name. */
export function calleeOf(ctx: DocContext, c: Yaml): { code: string; info?: TemplateInfo } | undefined {
  if (typeof c.template === 'string') {
    const info = ctx.ensure(c.template);
    if (!info) return undefined;
    return { code: info.varName, info };
  }
  if (isObject(c.templateRef)) {
    const code = ctx.templateRef(c.templateRef);
    return code ? { code } : undefined;
  }
  return undefined;
}

/** Why the arguments cannot be checked-and-typed DSL args for this callee, or undefined. */
export function argsProblem(c: Yaml, info: TemplateInfo | undefined): string | undefined {
  const args = isObject(c.arguments) ? c.arguments : {};
  const params = Array.isArray(args.parameters) ? args.parameters.filter(isObject) : [];
  const artifacts = Array.isArray(args.artifacts) ? args.artifacts.filter(isObject) : [];
  const names = [...params, ...artifacts].map((p) => String(p.name));
  if (new Set(names).size !== names.length) return 'an argument is given twice';
  for (const p of params) {
    if (Object.keys(p).some((k) => k !== 'name' && k !== 'value') || p.value === undefined || p.value === null)
      return `argument '${p.name}' has no plain value`;
  }
  // A raw template (or another WorkflowTemplate's) declares no inputs, so an artifact would pass as a parameter.
  if (!info || info.loose) return artifacts.length ? 'artifact arguments to a template the DSL cannot see' : undefined;
  for (const p of params) {
    const spec = info.params.get(String(p.name));
    if (!spec) return `argument '${p.name}' is not a declared input parameter`;
    if (spec.enum && !String(p.value).includes('{{') && !spec.enum.map(String).includes(String(p.value)))
      return `argument '${p.name}' is outside the input's enum`;
  }
  for (const a of artifacts) if (!info.artifacts.has(String(a.name))) return `artifact '${a.name}' is not declared`;
  for (const [n, s] of info.params) if (s.required && !names.includes(n)) return `required input '${n}' is not passed`;
  for (const [n, s] of info.artifacts)
    if (s.required && !names.includes(n)) return `required artifact '${n}' is not passed`;
  return undefined;
}

/** `{ who: 'x', data: build.outputs.artifacts.out }`. */
export function argsCode(ctx: DocContext, c: Yaml, scope: Scope): Code | undefined {
  const args = isObject(c.arguments) ? c.arguments : {};
  const params = Array.isArray(args.parameters) ? args.parameters.filter(isObject) : [];
  const artifacts = Array.isArray(args.artifacts) ? args.artifacts.filter(isObject) : [];
  if (params.length + artifacts.length === 0) return undefined;
  return obj([
    ...params.map(
      (p) =>
        [
          key(String(p.name)),
          typeof p.value === 'string' ? stringCode(p.value, scope, ctx.counts, true) : quote(String(p.value)),
        ] as const,
    ),
    ...artifacts.map((a) => {
      const { name, ...rest } = a;
      const only = Object.keys(rest).length === 1 && typeof rest.from === 'string';
      const ref = only ? stringCode(rest.from as string, scope, ctx.counts, true) : undefined;
      const isHandle = typeof ref === 'string' && !/^['`]/.test(ref) && !ref.startsWith('raw(');
      return [key(String(name)), isHandle ? (ref as string) : valueCode(rest, scope, ctx.counts, true)] as const;
    }),
  ]);
}

/** Options shared by tasks and steps: args (a function of the item for loops), when, loop, onExit, hooks, continueOn. */
export function commonOptions(
  ctx: DocContext,
  c: Yaml,
  dataScope: Scope,
  hookScope: Scope,
): (readonly [string, Code | undefined])[] {
  const loop = ['withItems', 'withParam', 'withSequence'].find((k) => c[k] !== undefined);
  const itemKind = loop === 'withItems' ? 'items' : loop === 'withParam' ? 'param' : 'sequence';
  const first = Array.isArray(c.withItems) ? c.withItems[0] : undefined;
  const keys = new Set(
    Array.isArray(c.withItems) && c.withItems.every(isObject) && isObject(first) ? Object.keys(first) : [],
  );
  if (Array.isArray(c.withItems))
    for (const i of c.withItems) if (isObject(i)) for (const k of keys) if (!(k in i)) keys.delete(k);
  const itemScope: Scope = loop ? { ...dataScope, item: { kind: itemKind, keys } } : dataScope;
  const args = argsCode(ctx, c, itemScope);
  return [
    ['args', args && loop ? arrow('(item)', args) : args],
    ['when', typeof c.when === 'string' ? stringCode(c.when, dataScope, ctx.counts) : undefined],
    ['withItems', c.withItems === undefined ? undefined : valueCode(c.withItems, hookScope, ctx.counts)],
    ['withParam', typeof c.withParam === 'string' ? stringCode(c.withParam, dataScope, ctx.counts, true) : undefined],
    ['withSequence', c.withSequence === undefined ? undefined : valueCode(c.withSequence, hookScope, ctx.counts, true)],
    ['onExit', typeof c.onExit === 'string' ? onExitCode(ctx, c.onExit) : undefined],
    ['hooks', isObject(c.hooks) ? hooksCode(ctx, c.hooks, hookScope) : undefined],
    ['continueOn', c.continueOn === undefined ? undefined : valueCode(c.continueOn, hookScope, ctx.counts, true)],
  ];
}

/** Whether hooks and onExit can be written with DSL callees. */
export function hooksProblem(ctx: DocContext, c: Yaml): string | undefined {
  if (typeof c.onExit === 'string' && !ctx.ensure(c.onExit)) return `onExit '${c.onExit}' cannot be a DSL callee`;
  if (c.hooks === undefined) return undefined;
  if (!isObject(c.hooks)) return 'hooks is not a map';
  for (const [name, h] of Object.entries(c.hooks)) {
    if (!isObject(h) || Object.keys(h).some((k) => !['template', 'templateRef', 'arguments', 'expression'].includes(k)))
      return `hook '${name}' has fields the DSL does not write`;
    const callee = typeof h.template === 'string' ? ctx.ensure(h.template) : undefined;
    if (typeof h.template === 'string' && !callee) return `hook '${name}' calls a template that cannot be a DSL callee`;
    if (h.template === undefined && !isObject(h.templateRef)) return `hook '${name}' has no template`;
    if (argsProblem(h, callee)) return `hook '${name}': ${argsProblem(h, callee)}`;
  }
  return undefined;
}

export function hooksCode(ctx: DocContext, hooks: Yaml, scope: Scope): Code {
  return obj(
    Object.entries(hooks).map(([name, h]) => {
      const hook = h as Yaml;
      const callee = calleeOf(ctx, hook);
      if (typeof hook.template === 'string') ctx.calledByDsl.add(hook.template);
      return [
        key(name),
        obj([
          ['template', callee?.code ?? 'undefined'],
          ['args', argsCode(ctx, hook, scope)],
          [
            'expression',
            typeof hook.expression === 'string' ? stringCode(hook.expression, scope, ctx.counts) : undefined,
          ],
        ]),
      ] as const;
    }),
  );
}

function onExitCode(ctx: DocContext, name: string): string | undefined {
  const info = ctx.ensure(name);
  if (info) ctx.calledByDsl.add(name);
  return info?.varName;
}

/** Writes `const x = task('name', callee, options)` (or `step`) and records the handle for later calls. */
export function declareCall(
  ctx: DocContext,
  fn: 'task' | 'step',
  c: Yaml,
  callee: { code: string; info?: TemplateInfo },
  options: Code,
  handles: Map<string, CallHandle>,
): string {
  if (typeof c.template === 'string') ctx.calledByDsl.add(c.template);
  const varName = ctx.names.take(String(c.name), fn === 'task' ? 'Task' : 'Step');
  const hasOptions = typeof options !== 'string' && options.kind === 'object' && options.entries.length > 0;
  ctx.imports.add(fn);
  ctx.statements.push(
    `const ${varName} = ${print(call(fn, quote(String(c.name)), callee.code, hasOptions ? options : undefined))};`,
  );
  handles.set(String(c.name), { varName, outputs: callee.info && !callee.info.loose ? callee.info.outputs : 'loose' });
  return varName;
}

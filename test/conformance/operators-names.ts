import {
  arr,
  type Doc,
  esc,
  isObj,
  type Json,
  type Operator,
  pick,
  spec,
  stepsOf,
  tasksOf,
  templates,
} from './mutate.js';

/**
 * `{{…}}` in step and task names, which Argo's validator checks after putting in the values it has at validation
 * (packages/model/src/lint/name-tags.ts): a Workflow entrypoint's inputs are known, other templates' are placeholders,
 * `{{workflow.name}}` always is. 3.7's validator refuses a placeholder in a name, 4.x's only in a task name, and 4.x's
 * CRDs any `{{` in either (the `expect` below is 4.x's).
 */
export const NAME_OPERATORS: readonly Operator[] = [
  {
    name: 'input-in-entrypoint-step-name',
    expect: 'invalid',
    apply: (doc) => {
      const t = templates(doc).find((x) => x.name === spec(doc).entrypoint);
      return t !== undefined && tagName(t, stepsOf(t), 0, '{{inputs.parameters.suffix}}', 'steps');
    },
  },
  {
    name: 'global-variable-in-step-name',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const t = pick(
        templates(doc).filter((x) => stepsOf(x).length > 0),
        a,
      );
      return t !== undefined && tagName(t, stepsOf(t), b, '{{workflow.name}}', 'steps');
    },
  },
  {
    name: 'input-in-task-name',
    expect: 'invalid',
    apply: (doc, [a, b]) => {
      const t = pick(dagsOf(doc), a);
      return t !== undefined && tagName(t, tasksOf(t), b, '{{inputs.parameters.suffix}}', 'tasks');
    },
  },
];

const dagsOf = (doc: Doc) => templates(doc).filter((t) => tasksOf(t).length > 0);

/**
 * Appends `-<tag>` to the name of one of `nodes` (a step or task of template `t`) that nothing refers to by name, and
 * gives `t` the input `suffix` when the tag needs it. False when there is no such node.
 */
function tagName(t: Json, nodes: readonly Json[], n: number, tag: string, kind: 'steps' | 'tasks'): boolean {
  const text = JSON.stringify(t);
  const referred = (name: string) =>
    text.includes(`${kind}.${name}.`) ||
    nodes.some(
      (o) =>
        (Array.isArray(o.dependencies) && o.dependencies.includes(name)) ||
        (typeof o.depends === 'string' && new RegExp(`(^|[^\\w-])${esc(name)}($|[^\\w-])`).test(o.depends)),
    );
  const node = pick(
    nodes.filter((x) => typeof x.name === 'string' && !referred(x.name)),
    n,
  );
  if (!node) return false;
  const inputs: Json = isObj(t.inputs) ? t.inputs : {};
  if (tag.includes('inputs.parameters.suffix')) {
    if (arr(inputs.parameters).some((p) => p.name === 'suffix')) return false;
    t.inputs = { ...inputs, parameters: [...arr(inputs.parameters), { name: 'suffix', value: 'a' }] };
  }
  node.name = `${node.name}-${tag}`;
  return true;
}

import type { Artifact, ObjectMeta, Parameter } from '../gen/types.gen.js';
import { type LintKind, list, type Sink } from './document.js';
import type { CheckedName } from './name-tags.js';

/** Argo's name rule for templates, steps, tasks and containerSet containers (rule 8). */
const FIELD_NAME = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;
const FIELD_NAME_MAX = 128;
const FIELD_NAME_RULE =
  "name must consist of alpha-numeric characters or '-', and must start with an alpha-numeric character (e.g. My-name1-2, 123-NAME)";

/** Parameter and artifact names (rule 10). */
const PARAM_NAME = /^[-a-zA-Z0-9_]+$/;
export const PARAM_NAME_RULE =
  "Parameter/Artifact name must consist of alpha-numeric characters, '_' or '-' e.g. my_param_1, MY-PARAM-1";

/** Kubernetes object names (the API server's check; Argo leaves it to Kubernetes). */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_RULE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** Argo's length limits on metadata.name (rule 6); 52 leaves room for a CronWorkflow's `-<unix time>` suffix. */
const NAME_LIMIT: Readonly<Record<LintKind, [number, string]>> = {
  Workflow: [63, 'workflow name'],
  WorkflowTemplate: [63, 'workflow template name'],
  ClusterWorkflowTemplate: [63, 'cluster workflow template name'],
  CronWorkflow: [52, 'cron workflow name'],
};
/** Kubernetes appends five random characters to generateName and cuts the prefix to fit 63. */
const GENERATE_NAME_MAX = 58;

export function checkMetadata(sink: Sink, kind: LintKind, metadata: ObjectMeta | undefined): void {
  const { name, generateName } = metadata ?? {};
  if (!name && !generateName) {
    sink.error(
      'lint/missing-name',
      '/metadata',
      'metadata.name or metadata.generateName is required (the Kubernetes API server refuses an object without either)',
    );
    return;
  }
  if (typeof name === 'string' && name !== '') {
    const [max, what] = NAME_LIMIT[kind];
    if (name.length > max)
      sink.error(
        'lint/name-too-long',
        '/metadata/name',
        `${what} "${name}" must not be more than ${max} characters long (currently ${name.length})`,
      );
    if (!DNS1123_SUBDOMAIN.test(name))
      sink.error('lint/invalid-name', '/metadata/name', `metadata.name '${name}' is invalid: ${DNS1123_RULE}`);
  }
  if (typeof generateName === 'string' && generateName !== '' && !name) {
    // Kubernetes validates the prefix without its trailing dash.
    const prefix = generateName.replace(/-$/, '');
    if (!DNS1123_SUBDOMAIN.test(prefix))
      sink.error(
        'lint/invalid-name',
        '/metadata/generateName',
        `metadata.generateName '${generateName}' is invalid: ${DNS1123_RULE}`,
      );
    if (generateName.length > GENERATE_NAME_MAX)
      sink.warn(
        'lint/name-too-long',
        '/metadata/generateName',
        `metadata.generateName '${generateName}' is longer than ${GENERATE_NAME_MAX} characters (currently ${generateName.length}); Kubernetes cuts it short`,
      );
  }
}

export type FieldKind = 'template' | 'step' | 'task' | 'container';

/**
 * Required, format, length and uniqueness of template, step, task and container names (rules 8, 34, 42, 54).
 * Step and task names may carry `{{…}}` tags: `checked` gives the name as Argo's validator checks it (name-tags.ts).
 */
export function checkFieldNames(
  sink: Sink,
  items: readonly { readonly name?: string }[],
  pathOf: (index: number) => string,
  kind: FieldKind,
  checked?: (name: string) => CheckedName,
): void {
  // Plain loop; a pointer is built only for a name that is reported (or kept for a later duplicate's message).
  const seen = new Map<string, number>();
  for (let index = 0; index < items.length; index++) {
    const name = items[index]?.name;
    if (typeof name !== 'string' || name === '') {
      sink.error('lint/missing-name', pathOf(index), `${kind} name is required`);
      continue;
    }
    checkFieldName(sink, pathOf, index, kind, name, checked);
    const first = seen.get(name);
    if (first !== undefined)
      sink.error(
        `lint/duplicate-${kind}`,
        `${pathOf(index)}/name`,
        `${kind} name '${name}' is not unique (first at ${pathOf(first)})`,
      );
    else seen.set(name, index);
  }
}

/** Format and length of the name of item `index`; its pointer is built only when the name is reported. */
function checkFieldName(
  sink: Sink,
  pathOf: (index: number) => string,
  index: number,
  kind: FieldKind,
  name: string,
  checked?: (name: string) => CheckedName,
): void {
  const { checked: plain, why } = checked?.(name) ?? { checked: name };
  const because = why ? ` (${why})` : '';
  if (!FIELD_NAME.test(plain))
    sink.error(
      'lint/invalid-name',
      `${pathOf(index)}/name`,
      `${kind} name '${name}' is invalid: ${FIELD_NAME_RULE}${because}`,
    );
  if (plain.length > FIELD_NAME_MAX)
    sink.error(
      'lint/name-too-long',
      `${pathOf(index)}/name`,
      `${kind} name '${name}' is invalid: must be no more than ${FIELD_NAME_MAX} characters (currently ${plain.length})${because}`,
    );
}

const PARAM_FIELDS = ['parameters', 'artifacts'] as const;

/** Names of parameters and artifacts in arguments, inputs and outputs (rules 10, 26, 59). */
export function checkParamNames(
  sink: Sink,
  holder: { readonly parameters?: readonly Parameter[]; readonly artifacts?: readonly Artifact[] } | undefined,
  path: string,
): void {
  if (holder === undefined) return;
  // Plain loops and pointers built only for what is reported: this runs for every template and every step or task.
  for (let f = 0; f < PARAM_FIELDS.length; f++) {
    const field = PARAM_FIELDS[f] as (typeof PARAM_FIELDS)[number];
    const items = list<Parameter | Artifact>(holder[field]);
    if (items.length === 0) continue;
    const what = field === 'parameters' ? 'parameter' : 'artifact';
    // Duplicates by looking back over the list for short lists (nearly all: a Map per list is most of the cost), a
    // Map for long ones.
    const seen = items.length > 8 ? new Map<string, number>() : undefined;
    for (let i = 0; i < items.length; i++) {
      const p = items[i];
      if (typeof p?.name !== 'string' || p.name === '') {
        sink.error('lint/missing-name', `${path}/${field}/${i}`, `${what} name is required`);
        continue;
      }
      if (!PARAM_NAME.test(p.name))
        sink.error(
          'lint/invalid-name',
          `${path}/${field}/${i}/name`,
          `${what} name '${p.name}' is invalid: ${PARAM_NAME_RULE}`,
        );
      const first = seen ? seen.get(p.name) : firstIndex(items, p.name, i);
      if (first !== undefined)
        sink.error(
          `lint/duplicate-${what}`,
          `${path}/${field}/${i}/name`,
          `${what} name '${p.name}' is not unique (first at ${path}/${field}/${first})`,
        );
      else seen?.set(p.name, i);
    }
  }
}

/** The index of the first item before `end` named `name` (with a valid name), if any. */
function firstIndex(items: readonly { readonly name?: string }[], name: string, end: number): number | undefined {
  for (let j = 0; j < end; j++) if (items[j]?.name === name) return j;
  return undefined;
}

export function isParamName(name: string): boolean {
  return PARAM_NAME.test(name);
}

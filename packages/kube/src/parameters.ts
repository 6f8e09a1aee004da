import { closest, type Issue, issue } from '@argo-gen/model';

/** A workflow parameter as a WorkflowTemplate declares it in `spec.arguments.parameters`. */
export interface DeclaredParameter {
  readonly name: string;
  readonly value?: unknown;
  readonly default?: unknown;
  readonly enum?: readonly unknown[];
  readonly valueFrom?: unknown;
  readonly description?: string;
}

/** `-p name=value` values, in the order given. */
export type GivenParameters = ReadonlyMap<string, string>;

/** Parses `name=value` (the value may contain `=`); a problem for anything else or a name given twice. */
export function parseParameterArgs(args: readonly string[]): { params: Map<string, string>; problems: Issue[] } {
  const params = new Map<string, string>();
  const problems: Issue[] = [];
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq <= 0) {
      problems.push(issue('submit/bad-parameter', '', `-p '${arg}': expected name=value`));
      continue;
    }
    const name = arg.slice(0, eq);
    if (params.has(name)) problems.push(issue('submit/duplicate-parameter', '', `-p ${name} is given twice`));
    params.set(name, arg.slice(eq + 1));
  }
  return { params, problems };
}

/** The workflow parameters a WorkflowTemplate (or a Workflow) declares. */
export function declaredParameters(obj: { readonly spec?: unknown }): DeclaredParameter[] {
  const spec = (obj.spec ?? {}) as { arguments?: { parameters?: unknown } };
  const list = spec.arguments?.parameters;
  return Array.isArray(list) ? (list.filter((p) => p && typeof p.name === 'string') as DeclaredParameter[]) : [];
}

const show = (v: unknown) => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v));

/**
 * Checks `-p` values against the declared parameters before anything is sent: every given name must be declared
 * (with a "did you mean"), every parameter without a value, default or valueFrom must be given, and a value must be
 * one of the parameter's enum. `what` names the template in messages: `workflowtemplate/canary`.
 */
export function checkParameters(declared: readonly DeclaredParameter[], given: GivenParameters, what: string): Issue[] {
  const problems: Issue[] = [];
  const byName = new Map(declared.map((p) => [p.name, p]));
  const names = declared.map((p) => p.name);
  for (const [name, value] of given) {
    const p = byName.get(name);
    if (!p) {
      const near = closest(name, names);
      const known = names.length ? `; it declares ${names.join(', ')}` : '; it declares no parameters';
      problems.push(
        issue(
          'submit/unknown-parameter',
          '',
          `${what} has no parameter '${name}'${near ? ` (did you mean '${near}'?)` : known}`,
        ),
      );
      continue;
    }
    if (p.enum && p.enum.length > 0 && !p.enum.map(String).includes(value)) {
      problems.push(
        issue(
          'submit/parameter-not-in-enum',
          '',
          `${what}: parameter '${name}' must be one of ${p.enum.map(show).join(', ')} (got ${show(value)})`,
        ),
      );
    }
  }
  for (const p of declared) {
    if (given.has(p.name) || p.value !== undefined || p.default !== undefined || p.valueFrom !== undefined) continue;
    const hint = p.enum?.length
      ? ` (one of ${p.enum.map(show).join(', ')})`
      : p.description
        ? ` (${p.description})`
        : '';
    problems.push(
      issue(
        'submit/missing-parameter',
        '',
        `${what}: parameter '${p.name}' is required${hint}; pass -p ${p.name}=<value>`,
      ),
    );
  }
  return problems;
}

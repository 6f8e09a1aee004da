/**
 * The expr-lang fields Argo evaluates outside templates, each over Argo's environment (GetFuncMap of the flat scope):
 * an output's `valueFrom.expression` (workflow/controller/scope.go resolveParameter: the value as a parameter holds
 * it, fmt's `%v`; nil is an error, which the caller turns into `valueFrom.default` when there is one), and the
 * boolean ones (argoexpr.EvalBool: lifecycle hooks' and exit hooks' `expression`, `retryStrategy.expression`).
 */
import { argoExprEnv } from './argo-env.js';
import type { Evaluated } from './evaluated.js';
import { runExprLang } from './expr-lang.js';
import { ExprUnsupported } from './expr-lexer.js';
import { formatGoV } from './go-values.js';

function run(expression: string, scope: Readonly<Record<string, string | null>>) {
  try {
    return runExprLang(expression, argoExprEnv(scope));
  } catch (e) {
    if (e instanceof ExprUnsupported)
      return {
        ok: false as const,
        reason: `expr: ${e.message} is not supported by the simulation`,
        stage: 'unsupported' as const,
      };
    throw e;
  }
}

/** An output parameter's `valueFrom.expression`: its value as the parameter's text. */
export function evaluateValueFrom(expression: string, scope: Readonly<Record<string, string | null>>): Evaluated {
  const r = run(expression, scope);
  if (!r.ok) return { ok: false, reason: r.reason };
  if (r.value === null) return { ok: false, reason: `failed to evaluate expression ${JSON.stringify(expression)}` };
  return { ok: true, value: formatGoV(r.value) };
}

/** argoexpr.EvalBool over Argo's environment: a hook's or a retryStrategy's `expression`. */
export function evaluateArgoBool(expression: string, scope: Readonly<Record<string, string | null>>): Evaluated {
  const r = run(expression, scope);
  if (!r.ok) return { ok: false, reason: `unable to evaluate expression '${expression}': ${r.reason}` };
  if (typeof r.value !== 'boolean')
    return { ok: false, reason: `unable to cast expression result '${formatGoV(r.value)}' to bool` };
  return { ok: true, value: r.value };
}

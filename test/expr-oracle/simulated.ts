import { argoExprEnv } from '../../packages/simulate/src/expr/argo-env.js';
import { evaluateArgoBool, evaluateValueFrom } from '../../packages/simulate/src/expr/argo-expression.js';
import { evaluateDependsLogic, type TaskResults } from '../../packages/simulate/src/expr/depends.js';
import type { Evaluated } from '../../packages/simulate/src/expr/evaluated.js';
import { runExprLang } from '../../packages/simulate/src/expr/expr-lang.js';
import { GoFunc, GoFuncMap, GoStruct, isGoMap } from '../../packages/simulate/src/expr/expr-values.js';
import { formatGoFloat } from '../../packages/simulate/src/expr/go-values.js';
import { evaluateGovaluate } from '../../packages/simulate/src/expr/govaluate.js';
import { substitute } from '../../packages/simulate/src/expr/template.js';
import { evaluateWhen } from '../../packages/simulate/src/expr/when.js';
import type { Described, ModeCase, ModeResult, OracleCase, OracleResult } from './oracle.js';

/** What the simulation answers to an oracle case: a value, Argo's refusal, or that the case is outside its subset. */
export type Simulated = { readonly value: Described } | { readonly error: string } | { readonly unsupported: string };

const UNSUPPORTED = / is not supported by the simulation$/;

/** A value as the oracle describes Go values: ints are bigint, float64 numbers. */
export function describe(v: unknown): Described {
  if (v === null || v === undefined) return { t: 'nil' };
  if (typeof v === 'bigint') return { t: 'int', v: v.toString() };
  if (typeof v === 'number') return { t: 'float', v: formatGoFloat(v) };
  if (typeof v === 'string') return { t: 'string', v };
  if (typeof v === 'boolean') return { t: 'bool', v };
  if (Array.isArray(v)) return { t: 'list', v: v.map(describe) };
  if (v instanceof GoFunc || v instanceof GoFuncMap || v instanceof GoStruct) return { t: 'other', v: 'go' };
  if (isGoMap(v)) return { t: 'map', v: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, describe(x)])) };
  return { t: 'other', v: typeof v };
}

const fromEvaluated = (e: Evaluated, wrap: (v: unknown) => Described = describe): Simulated =>
  e.ok ? { value: wrap(e.value) } : UNSUPPORTED.test(e.reason) ? { unsupported: e.reason } : { error: e.reason };

/** govaluate's values are all float64: a JavaScript number is one. */
const describeGovaluate = (v: unknown): Described => describe(v);

export function simulateMode(c: ModeCase): Simulated {
  switch (c.mode) {
    case 'when':
      return fromEvaluated(evaluateGovaluate(c.expr));
    case 'govaluate':
      return fromEvaluated(evaluateGovaluate(c.expr, c.params ?? {}), describeGovaluate);
    case 'expr':
    case 'expr-argo': {
      let env: Record<string, unknown>;
      try {
        env = c.mode === 'expr' ? { ...c.env } : argoExprEnv(c.params);
      } catch (e) {
        return { unsupported: (e as Error).message };
      }
      const r = runExprLang(c.expr, env);
      if (r.ok) return { value: describe(r.value) };
      return r.stage === 'unsupported' ? { unsupported: r.reason } : { error: r.reason };
    }
    case 'value-from':
      return fromEvaluated(evaluateValueFrom(c.expr, c.params));
    case 'eval-bool':
      return fromEvaluated(evaluateArgoBool(c.expr, c.params));
    case 'template': {
      const unresolved = c.unresolved === 'strict' ? { strictPrefixes: c.prefixes ?? [] } : c.unresolved;
      return fromEvaluated(substitute(c.text, c.params, { unresolved }));
    }
    case 'depends':
      return fromEvaluated(evaluateDependsLogic(c.expr, c.results as unknown as Record<string, TaskResults>));
  }
}

/** The original oracle case: a `when` as the controller decides it (evaluateWhen). */
export function simulateWhen(c: OracleCase): Simulated {
  return fromEvaluated(evaluateWhen(c.text, c.params));
}

/** The original oracle's answer to a `when` case, as a mode result. */
export function whenResult(r: OracleResult): ModeResult {
  return r.error !== undefined ? { error: r.error, stage: 'run' } : { value: { t: 'bool', v: r.when === true } };
}

/** Whether Go's answer and the simulation's agree: the same value, or both an error. */
export function agrees(go: ModeResult, ts: Simulated): boolean {
  if ('unsupported' in ts) return false;
  if (go.error !== undefined) return 'error' in ts;
  return 'value' in ts && JSON.stringify(sortKeys(go.value)) === JSON.stringify(sortKeys(ts.value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  return v;
}

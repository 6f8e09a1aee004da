import { describe, expect, it } from 'vitest';
import { goJsonString } from '../src/expr/expr-values.js';
import { dependsLogic, evaluateDependsLogic, evaluateExprLang, evaluateGovaluate, substitute } from '../src/index.js';

/**
 * The evaluators' contract on the forms Argo's own examples use; test/expr-oracle/evaluators-agree.test.ts proves
 * them against the Go libraries on many more.
 */
describe('evaluateGovaluate reads a `when` as the controller does', () => {
  it('takes bare words as strings and needs a boolean', () => {
    expect(evaluateGovaluate('heads == heads')).toEqual({ ok: true, value: true });
    expect(evaluateGovaluate('Failed != Succeeded')).toEqual({ ok: true, value: true });
    expect(evaluateGovaluate('')).toEqual({ ok: true, value: true });
    expect(evaluateGovaluate('1 + 1').ok).toBe(false);
  });
  it('fails on what the controller fails on, naming the construct', () => {
    const r = evaluateGovaluate("'a' < 1");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('comparator');
  });
});

describe('evaluateExprLang', () => {
  it('keeps Go’s int and float apart and type-checks before running', () => {
    expect(evaluateExprLang('7 / 2', {})).toEqual({ ok: true, value: 3.5 });
    expect(evaluateExprLang("'a' == 1", {}).ok).toBe(false);
    expect(evaluateExprLang('x.y', { x: { y: 'z' } })).toEqual({ ok: true, value: 'z' });
  });
  it('names what it does not simulate', () => {
    const r = evaluateExprLang('now()', {});
    expect(r).toEqual({ ok: false, reason: 'expr: the builtin now is not supported by the simulation' });
  });
});

describe('substitute', () => {
  const scope = { 'tasks.a.outputs.result': '5', 'workflow.name': 'wf' };
  it('replaces simple and expression tags', () => {
    expect(substitute('{{tasks.a.outputs.result}} > 1', scope)).toEqual({ ok: true, value: '5 > 1' });
    expect(substitute('{{=asInt(tasks.a.outputs.result) * 2}}', scope)).toEqual({ ok: true, value: '10' });
    expect(substitute('{{=sprig.upper(workflow.name)}}', scope)).toEqual({ ok: true, value: 'WF' });
  });
  it('keeps an unknown tag outside the strict prefixes and refuses one inside', () => {
    expect(substitute('{{workflow.nope}}', scope)).toEqual({ ok: true, value: '{{workflow.nope}}' });
    expect(substitute('{{tasks.b.outputs.result}}', scope).ok).toBe(false);
  });
});

describe('depends', () => {
  it('expands bare names and evaluates over TaskResults', () => {
    const { logic } = dependsLogic({ depends: 'a-b && c.Failed' }, () => undefined);
    expect(logic).toBe('(a-b.Succeeded || a-b.Skipped || a-b.Daemoned) && c.Failed');
    const none = {
      Succeeded: false,
      Failed: false,
      Errored: false,
      Skipped: false,
      Omitted: false,
      Daemoned: false,
      AnySucceeded: false,
      AllFailed: false,
    };
    expect(evaluateDependsLogic(logic, { 'a-b': { ...none, Succeeded: true }, c: { ...none, Failed: true } })).toEqual({
      ok: true,
      value: true,
    });
    expect(evaluateDependsLogic('a.Passed', { a: none }).ok).toBe(false);
  });
});

describe('goJsonString', () => {
  it("writes a string as Go's encoding/json does: HTML characters, U+2028/9 and controls escaped, a lone surrogate as U+FFFD", () => {
    expect(goJsonString('a"b\\c\n\r\t\b\f\u0001\u001f<>&\u2028\u2029\ud800x\udc00\u{1f600}é\u007f')).toBe(
      '"a\\"b\\\\c\\n\\r\\t\\b\\f\\u0001\\u001f\\u003c\\u003e\\u0026\\u2028\\u2029\\ufffdx\\ufffd\u{1f600}é\u007f"',
    );
    expect(goJsonString('plain text {{tasks.a.outputs.result}}')).toBe('"plain text {{tasks.a.outputs.result}}"');
  });
});

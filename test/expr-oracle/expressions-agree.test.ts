import { readFileSync } from 'node:fs';
import { type Condition, container, dag, expr, inputs, param, synth, task, workflowTemplate } from '@argo-gen/dsl';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARGO_DIR } from '../paths.js';
import { buildExprOracle, evaluateWithArgo, type OracleCase, type OracleResult } from './oracle.js';
import {
  CONDITIONS,
  dashed,
  EXPRESSIONS,
  HANDLES,
  io,
  NUMBER_TEXT_SAMPLES,
  QUOTING_SAMPLES,
  SAMPLES,
  type Sample,
  t,
  wf,
} from './table.js';

/**
 * The typed-expression table against Argo's own evaluators (test/expr-oracle: Argo v4.1.2's substitution, expr-lang
 * environment and the controller's `when` evaluation): every typed condition and `expr` value, rendered by the DSL
 * through synthesis, must give what its TypeScript meaning gives on the same values.
 */
let bin = '';
beforeAll(() => {
  bin = buildExprOracle();
});

const show = inputs({ v: param.string() });
const echo = container('show', { image: 'alpine:3.20', args: ['echo', show.v] }, { inputs: show });

/** The table rendered as Argo sees it: one synthesized WorkflowTemplate, one task per row and form. */
function renderTable(): { when: (name: string) => string; value: (name: string) => string } {
  const checks = [
    ...CONDITIONS.map((row, i) => task(`condition-${i}`, echo, { args: { v: 'x' }, when: row.condition })),
    ...CONDITIONS.map((row, i) => task(`condition-expr-${i}`, echo, { args: { v: exprOf(row.condition) } })),
    ...EXPRESSIONS.map((row, i) => task(`expression-${i}`, echo, { args: { v: row.expression } })),
  ];
  const doc = synth(
    workflowTemplate('table', { entrypoint: dag('main', [t, dashed, ...checks], { inputs: io }), params: wf }),
  );
  const tasks = doc.spec.templates?.find((x) => x.name === 'main')?.dag?.tasks ?? [];
  const byName = (name: string) => {
    const found = tasks.find((x) => x.name === name);
    if (!found) throw new Error(`no task ${name}`);
    return found;
  };
  return {
    when: (name) => byName(name).when ?? '',
    value: (name) => String(byName(name).arguments?.parameters?.[0]?.value ?? ''),
  };
}

/** A typed condition as a `{{= }}` value (expr-lang). */
const exprOf = (c: Condition) => expr`${c}`;

/** The values Argo substitutes for a sample: every handle's expression, its value as a string. */
function paramsOf(s: Sample): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of Object.keys(HANDLES) as (keyof typeof HANDLES)[])
    params[HANDLES[key].expression] = s.text?.[key] ?? String(s[key]);
  return params;
}

interface Check {
  readonly what: string;
  readonly case: OracleCase;
  readonly expected: OracleResult;
}

function checksFor(rendered: ReturnType<typeof renderTable>): Check[] {
  const checks: Check[] = [];
  const add = (what: string, text: string, when: boolean, s: Sample, meaning: boolean | string) =>
    checks.push({
      what: `${what} with ${JSON.stringify(s)}: ${text}`,
      case: { text, when, params: paramsOf(s) },
      expected: when ? { when: meaning as boolean } : { value: String(meaning) },
    });
  CONDITIONS.forEach((row, i) => {
    for (const s of [...SAMPLES, ...NUMBER_TEXT_SAMPLES])
      add(`when ${row.name}`, rendered.when(`condition-${i}`), true, s, row.means(s));
    for (const s of [...SAMPLES, ...NUMBER_TEXT_SAMPLES, ...QUOTING_SAMPLES]) {
      const text = rendered.value(`condition-expr-${i}`);
      add(`{{= }} ${row.name}`, text, false, s, row.means(s));
      add(`{{= }} in a when, ${row.name}`, text, true, s, row.means(s));
    }
  });
  EXPRESSIONS.forEach((row, i) => {
    const text = rendered.value(`expression-${i}`);
    for (const s of [...SAMPLES, ...QUOTING_SAMPLES]) {
      const meaning = row.means(s);
      add(`expr ${row.name}`, text, false, s, meaning);
      if (typeof meaning === 'boolean') add(`expr in a when, ${row.name}`, text, true, s, meaning);
    }
  });
  return checks;
}

describe('typed expressions mean in Argo what their TypeScript types say', () => {
  const rendered = renderTable();
  const checks = checksFor(rendered);

  it(`the table (${CONDITIONS.length} conditions, ${EXPRESSIONS.length} expr values, ${checks.length} evaluations) agrees with Argo's evaluators`, () => {
    const results = evaluateWithArgo(
      bin,
      checks.map((c) => c.case),
    );
    const disagreements = checks
      .map((c, i) => ({ what: c.what, expected: c.expected, argo: results[i] }))
      .filter((d) => JSON.stringify(d.argo) !== JSON.stringify(d.expected));
    expect(disagreements).toEqual([]);
    expect(checks.length).toBeGreaterThan(500);
  });

  it('renders the issue’s two examples as Argo needs them', () => {
    expect(EXPRESSIONS[0]?.expression).toContain('asFloat(tasks.probe.outputs.parameters.p95) < 300');
    expect(rendered.when('condition-10')).toBe("'{{workflow.parameters.dryRun}}' == 'false'");
  });

  it('the oracle tells them apart: the untyped renderings fail or mean something else in Argo', () => {
    const s = SAMPLES[0] as Sample; // p95 250, dryRun false: both conditions hold in TypeScript
    const [lt, eqFalse, quotedFalse, quotedValue] = evaluateWithArgo(bin, [
      { text: '{{=tasks.probe.outputs.parameters.p95 < 300}}', when: true, params: paramsOf(s) },
      { text: '{{=workflow.parameters.dryRun == false}}', when: true, params: paramsOf(s) },
      { text: "'{{workflow.parameters.dryRun}}' == false", when: true, params: paramsOf(s) },
      {
        text: "'{{tasks.probe.outputs.parameters.verdict}}' == 'x'",
        when: true,
        params: paramsOf(QUOTING_SAMPLES[0] as Sample),
      },
    ]);
    expect(lt?.error).toContain('invalid operation: string < int');
    expect(eqFalse).toEqual({ when: false });
    expect(quotedFalse).toEqual({ when: false });
    // Argo's limitation, documented: a string value holding a quote cannot be compared in a govaluate `when`.
    expect(quotedValue?.error).toContain('Unclosed string literal');
  });
});

describe('the expression oracle uses the libraries Argo v4.1.2 pins', () => {
  it('has expr-lang, govaluate, sprig, jsonpath and fasttemplate at Argo’s versions', () => {
    const argo = readFileSync(`${ARGO_DIR}../src/v4.1.2/go.mod`, 'utf8');
    const ours = readFileSync(new URL('./go.mod', import.meta.url), 'utf8');
    const versionIn = (mod: string, path: string) =>
      new RegExp(`^\\s*${path.replace(/[.]/g, '\\.')} (\\S+)`, 'm').exec(mod)?.[1];
    for (const path of [
      'github.com/expr-lang/expr',
      'github.com/Knetic/govaluate',
      'github.com/Masterminds/sprig/v3',
      'github.com/evilmonkeyinc/jsonpath',
      'github.com/valyala/fasttemplate',
      'github.com/doublerebel/bellows',
    ]) {
      expect(versionIn(ours, path), path).toBeDefined();
      expect(versionIn(ours, path), path).toBe(versionIn(argo, path));
    }
  });
});

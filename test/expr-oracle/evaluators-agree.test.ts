import { beforeAll, describe, expect, it } from 'vitest';
import { CASES, UNSUPPORTED_CASES } from './cases.js';
import { dependsCases, exprCases, govaluateCases, templateCases, whenCases, whenTextCases } from './generators.js';
import { buildExprOracle, evaluateModesWithArgo, evaluateWithArgo, type ModeCase, type ModeResult } from './oracle.js';
import { agrees, type Simulated, simulateMode, simulateWhen, whenResult } from './simulated.js';

/**
 * The simulation's evaluators (packages/simulate/src/expr) against the Go libraries Argo v4.1.2 links, run by the
 * expression oracle: govaluate (raw and as the controller's `when`), expr-lang in Argo's environment, util/template
 * in its three modes, and `depends`. Hand-written cases per construct, then expressions generated from each grammar
 * with a fixed seed. Every case must agree (the same value with the same Go type, or both an error), except those the
 * simulation says it does not reproduce; those are counted and must stay under a ceiling.
 */
let bin = '';
beforeAll(() => {
  bin = buildExprOracle();
});

const SEED = 20261207;

interface Tally<C> {
  readonly total: number;
  readonly agreed: number;
  /** Of the agreements, those on a value (the rest agree that Argo errs). */
  readonly values: number;
  readonly unsupported: readonly { readonly c: C; readonly why: string }[];
  readonly disagreements: readonly { readonly c: C; readonly go: ModeResult; readonly ts: Simulated }[];
}

function tally<C>(cases: readonly C[], go: readonly ModeResult[], simulate: (c: C) => Simulated): Tally<C> {
  const unsupported: { c: C; why: string }[] = [];
  const disagreements: { c: C; go: ModeResult; ts: Simulated }[] = [];
  let agreed = 0;
  let values = 0;
  cases.forEach((c, i) => {
    const ts = simulate(c);
    const g = go[i] as ModeResult;
    if ('unsupported' in ts) unsupported.push({ c, why: ts.unsupported });
    else if (agrees(g, ts)) {
      agreed++;
      if (g.error === undefined) values++;
    } else disagreements.push({ c, go: g, ts });
  });
  return { total: cases.length, agreed, values, unsupported, disagreements };
}

const compare = (cases: readonly ModeCase[]) => tally(cases, evaluateModesWithArgo(bin, cases), simulateMode);

function report<C>(name: string, t: Tally<C>): void {
  console.log(
    `expr: agreement ${t.agreed}/${t.total} ${name} (${t.values} on a value, ${t.agreed - t.values} on an error; ${t.unsupported.length} outside the simulated subset)`,
  );
}

describe('the simulation’s evaluators agree with Argo’s Go libraries', () => {
  it('on the hand-written cases, construct by construct', () => {
    const t = compare(CASES);
    report('hand-written', t);
    expect(t.disagreements).toEqual([]);
    expect(t.unsupported.map((u) => u.c)).toEqual([]);
  });

  it('and says so on the cases outside its subset, where Go answers', () => {
    const t = compare(UNSUPPORTED_CASES);
    expect(t.unsupported.map((u) => u.c)).toEqual(UNSUPPORTED_CASES);
  });

  // Generated expressions: most fail in both (random text is rarely well typed), the rest must give the same value.
  // The ceilings bound the share the simulation declines, 3% of a corpus: the generators aim at its edges on
  // purpose (regular expressions with flags or POSIX classes, fractional powers, string indexes that give Go bytes,
  // float indexes out of int64's range); a rise means a construct stopped being simulated.
  const GENERATED: readonly [string, () => ModeCase[], number][] = [
    ['when (govaluate, as the controller)', () => whenCases(SEED, 400), 0.03],
    ['govaluate with parameters', () => govaluateCases(SEED + 1, 200), 0.03],
    ['expr-lang in Argo’s environment', () => exprCases(SEED + 2, 400), 0.03],
    ['util/template', () => templateCases(SEED + 3, 250), 0.03],
    ['valueFrom.expression', () => exprCases(SEED + 6, 150, 'value-from'), 0.03],
    ['hook and retry expressions (EvalBool)', () => exprCases(SEED + 7, 150, 'eval-bool'), 0.03],
    ['depends', () => dependsCases(SEED + 4, 150), 0],
  ];
  for (const [name, cases, ceiling] of GENERATED) {
    it(`on generated ${name}`, () => {
      const t = compare(cases());
      report(`generated ${name}`, t);
      expect(t.disagreements).toEqual([]);
      expect(t.unsupported.length).toBeLessThanOrEqual(Math.floor(t.total * ceiling));
    });
  }

  it('on generated `when` fields, substituted then evaluated as the controller does', () => {
    const cases = whenTextCases(SEED + 5, 300);
    const t = tally(cases, evaluateWithArgo(bin, cases).map(whenResult), simulateWhen);
    report('generated `when` fields (substitute + govaluate)', t);
    expect(t.disagreements).toEqual([]);
    expect(t.unsupported.length).toBeLessThanOrEqual(Math.floor(t.total * 0.03));
  });
});

/**
 * A DAG's tasks read their scope as a layer over the DAG's names (./src/scope.ts `layerOver`): every reader must see
 * the names of the layer and of the base below it, the layer's winning, and any name (`__proto__`, `constructor`)
 * is a plain name there. A caller's plain object is still read by its own names only.
 */
import { describe, expect, it } from 'vitest';
import { hasName, namesOf } from '../src/expr/names.js';
import { evaluateArgoBool, simulate, substitute } from '../src/index.js';
import { layerOver, type MutableScope, scopeOf } from '../src/scope.js';
import { container, dagWorkflow, node } from './helpers.js';

/** A name that, on an object with `Object.prototype`, would set the prototype instead. */
const PROTO = '__proto__';

/** A base with `__proto__` and `shared` as names, and a layer over it with `own`, `constructor` and its own `shared`. */
function layered(): { base: MutableScope; layer: MutableScope } {
  const base = scopeOf({ shared: 'base', 'from.base': 'b' });
  base[PROTO] = 'proto-name';
  const layer = layerOver(base, { own: 'layer', shared: 'layer', constructor: 'ctor-name' });
  return { base, layer };
}

describe('a layered scope', () => {
  it("finds the base's names and the layer's own, the layer's shadowing the base's", () => {
    const { base, layer } = layered();
    expect(substitute('{{from.base}} {{own}} {{shared}}', layer)).toEqual({ ok: true, value: 'b layer layer' });
    expect(substitute('{{shared}}', base)).toEqual({ ok: true, value: 'base' });
    expect(hasName(layer, 'from.base')).toBe(true);
    expect(hasName(base, 'own')).toBe(false);
    expect(namesOf(layer).sort()).toEqual(['__proto__', 'constructor', 'from.base', 'own', 'shared']);
  });

  it("treats '__proto__' and 'constructor' as plain names, present or not", () => {
    const { layer } = layered();
    expect(substitute('{{__proto__}}/{{constructor}}', layer)).toEqual({ ok: true, value: 'proto-name/ctor-name' });
    const bare = layerOver(scopeOf({ a: '1' }));
    expect(substitute('{{constructor}} {{toString}} {{__proto__}}', bare)).toEqual({
      ok: true,
      value: '{{constructor}} {{toString}} {{__proto__}}',
    });
    expect(substitute('{{tasks.constructor}}', bare)).toEqual({
      ok: false,
      reason: 'failed to resolve {{tasks.constructor}}',
    });
  });

  it('gives expressions every name of the chain', () => {
    const { layer } = layered();
    expect(substitute("{{=own + '-' + shared + '-' + from.base}}", layer)).toEqual({
      ok: true,
      value: 'layer-layer-b',
    });
    expect(evaluateArgoBool("own == 'layer' && from.base == 'b'", layer)).toEqual({ ok: true, value: true });
  });

  it('is copied whole by scopeOf, a later layer still winning', () => {
    const { layer } = layered();
    const copy = scopeOf(layer, { own: 'later' });
    expect(Object.getPrototypeOf(copy)).toBeNull();
    expect(Object.entries(copy).sort()).toEqual([
      [PROTO, 'proto-name'],
      ['constructor', 'ctor-name'],
      ['from.base', 'b'],
      ['own', 'later'],
      ['shared', 'layer'],
    ]);
  });

  it("reads a caller's plain object by its own names only", () => {
    const plain = { a: '1' };
    expect(hasName(plain, 'toString')).toBe(false);
    expect(namesOf(plain)).toEqual(['a']);
    expect(substitute('{{a}} {{toString}} {{hasOwnProperty}}', plain)).toEqual({
      ok: true,
      value: '1 {{toString}} {{hasOwnProperty}}',
    });
  });
});

describe("a DAG task's scope over its DAG's", () => {
  it('sees a global output an earlier task of the same DAG set', () => {
    const wf = dagWorkflow(
      [
        { name: 'build', template: 'build' },
        {
          name: 'use',
          template: 'use',
          depends: 'build',
          arguments: { parameters: [{ name: 'v', value: '{{workflow.outputs.parameters.built}}' }] },
        },
      ],
      [
        container('build', {
          outputs: { parameters: [{ name: 'digest', globalName: 'built', valueFrom: { path: '/d' } }] },
        }),
        container('use', { inputs: { parameters: [{ name: 'v' }] } }),
      ],
    );
    const run = simulate(wf, { outcomes: { build: { parameters: { digest: 'sha256:1' } } } });
    expect(node(run, 'wf.use').inputs?.parameters).toEqual([{ name: 'v', value: 'sha256:1' }]);
  });
});

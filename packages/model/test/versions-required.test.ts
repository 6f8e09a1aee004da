import { describe, expect, it } from 'vitest';
import { formatIssue, validateSchema } from '../src/index.js';
import { container, doc } from './lint-helpers.js';

/**
 * Argo 3.7 installs the minimal CRDs, so a field schema.json requires is an error for 3.7 only where v3.7.18's
 * validator or run needs it (packages/codegen/src/minimal-crd-required.ts names the Go line for each); 4.0 and 4.1
 * install the full CRDs, whose API server refuses each of these documents.
 */
const messages = (d: unknown, argoVersion: '3.7' | '4.0' | '4.1') =>
  validateSchema(d, { argoVersion }).issues.map(formatIssue);

const leaf = (extra: Record<string, unknown>) => doc([{ name: 'main', ...container(), ...extra }]);
const metric = (m: Record<string, unknown>) => leaf({ metrics: { prometheus: [{ name: 'm', help: 'h', ...m }] } });
const input = (artifact: Record<string, unknown>) =>
  leaf({ inputs: { artifacts: [{ name: 'in', path: '/in', ...artifact }] } });

const RELAXED: Record<string, [Record<string, unknown>, string]> = {
  'memoize.cache.configMap.key': [
    leaf({ memoize: { key: 'k', maxAge: '1h', cache: { configMap: { name: 'c' } } } }),
    '', // 4.x's configMap has no key at all
  ],
  'memoize.maxAge': [leaf({ memoize: { key: 'k', cache: { configMap: { name: 'c' } } } }), 'maxAge'],
  'gauge.realtime': [metric({ gauge: { value: '1' } }), 'realtime'],
  'histogram.buckets': [metric({ histogram: { value: '1' } }), 'buckets'],
  'metric label value': [metric({ labels: [{ key: 'k' }], counter: { value: '1' } }), 'value'],
  'metrics.prometheus': [leaf({ metrics: {} }), 'prometheus'],
  'HTTP artifact header value': [input({ http: { url: 'https://x', headers: [{ name: 'H' }] } }), 'value'],
  'raw artifact data': [input({ raw: {} }), 'data'],
  'containerSet retryStrategy.retries': [
    doc([{ name: 'main', containerSet: { retryStrategy: {}, containers: [{ name: 'main', image: 'a' }] } }]),
    'retries',
  ],
  'data artifactPaths name': [
    doc([{ name: 'main', data: { source: { artifactPaths: { s3: { key: 'k' } } }, transformation: [] } }]),
    'name',
  ],
  'data transformation': [
    doc([{ name: 'main', data: { source: { artifactPaths: { name: 'a', s3: { key: 'k' } } } } }]),
    'transformation',
  ],
};

describe('a field the schema requires and Argo 3.7 does not', () => {
  it.each(Object.entries(RELAXED))('%s: valid for 3.7, missing for 4.x', (_, [d, field]) => {
    expect(messages(d, '3.7')).toEqual([]);
    for (const v of ['4.0', '4.1'] as const) {
      if (field === '') expect(messages(d, v)).toEqual([]);
      else expect(messages(d, v).join('\n')).toContain(`missing required field '${field}'`);
    }
  });
});

describe('a field Argo 3.7 accepts at submission and fails on at run time', () => {
  it('is an error that says so for 3.7, and a plain missing field for 4.x', () => {
    const noCache = leaf({ memoize: { key: 'k', maxAge: '1h' } });
    expect(messages(noCache, '3.7')).toEqual([
      "/spec/templates/0/memoize: template 'main': missing required field 'cache': Argo 3.7 accepts the document but fails at run time without it [schema/missing-field]",
    ]);
    expect(messages(noCache, '4.1')).toEqual([
      "/spec/templates/0/memoize: template 'main': missing required field 'cache' [schema/missing-field]",
    ]);
    const noSource = doc([{ name: 'main', data: { transformation: [] } }]);
    expect(messages(noSource, '3.7')).toEqual([
      "/spec/templates/0/data: template 'main': missing required field 'source': Argo 3.7 accepts the document but fails at run time without it [schema/missing-field]",
    ]);
  });

  it('stays a plain error where Argo 3.7 refuses it at submission', () => {
    const unnamed = leaf({ inputs: { parameters: [{ value: 'v' }] } });
    expect(messages(unnamed, '3.7')).toEqual([
      "/spec/templates/0/inputs/parameters/0: template 'main': missing required field 'name' [schema/missing-field]",
    ]);
  });
});

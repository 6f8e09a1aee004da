import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARGO_DIR } from '../../../test/paths.js';
import { typeOf } from '../src/emit-types.js';
import type { JsonSchema } from '../src/json-schema.js';
import { typeNames } from '../src/names.js';
import { closeObjects, normalizeSchema, reachableDefinitions, stripProse } from '../src/normalize.js';

const argo = JSON.parse(readFileSync(`${ARGO_DIR}schema.json`, 'utf8')) as JsonSchema;
const normalized = normalizeSchema(argo);
const defs = normalized.definitions ?? {};

describe('normalizeSchema on Argo v4.1.2', () => {
  it('keeps exactly the definitions reachable from the five kinds', () => {
    expect(Object.keys(defs)).toContain('io.argoproj.workflow.v1alpha1.WorkflowEventBinding');
    expect(Object.keys(defs)).toContain('io.k8s.api.core.v1.Container');
    // Argo Events types are in the file but no workflow kind reaches them.
    expect(Object.keys(argo.definitions ?? {}).some((d) => d.includes('LogTrigger'))).toBe(true);
    expect(Object.keys(defs).some((d) => d.includes('LogTrigger'))).toBe(false);
    expect(Object.keys(defs)).toHaveLength(234);
  });

  it('leaves no prose and no x-kubernetes keyword anywhere', () => {
    const text = JSON.stringify(normalized);
    expect(text).not.toMatch(/"x-kubernetes-/);
    expect(text).not.toMatch(/"(description|title)":"/); // prose is a string value; a *property* named description stays
  });

  it('closes objects that list properties, and only those', () => {
    expect(defs['io.argoproj.workflow.v1alpha1.Template']?.additionalProperties).toBe(false);
    // a map: its values are typed, its keys free
    expect(defs['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta']?.properties?.labels?.additionalProperties).toEqual({
      type: 'string',
    });
    // free-form objects stay open
    expect(defs['io.argoproj.workflow.v1alpha1.Plugin']?.additionalProperties).toBeUndefined();
  });

  it('widens IntOrString, Quantity and parameter values to what Argo decodes', () => {
    expect(defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString']?.type).toEqual(['integer', 'string']);
    expect(defs['io.k8s.apimachinery.pkg.api.resource.Quantity']?.type).toEqual(['string', 'number']);
    const param = defs['io.argoproj.workflow.v1alpha1.Parameter']?.properties ?? {};
    expect(param.value?.type).toEqual(['string', 'number', 'boolean']);
    expect(param.default?.type).toEqual(['string', 'number', 'boolean']);
    expect(param.enum?.items?.type).toEqual(['string', 'number', 'boolean']);
    expect(param.name?.type).toBe('string');
  });
});

describe('schema helpers', () => {
  it('stripProse keeps a property that is *named* description', () => {
    const s: JsonSchema = { description: 'x', properties: { description: { type: 'string', description: 'y' } } };
    expect(stripProse(s)).toEqual({ properties: { description: { type: 'string' } } });
  });

  it('closeObjects recurses into items and map values', () => {
    const s: JsonSchema = {
      type: 'array',
      items: { properties: { a: { type: 'object', additionalProperties: { properties: {} } } } },
    };
    expect(closeObjects(s)).toEqual({
      type: 'array',
      items: {
        properties: { a: { type: 'object', additionalProperties: { properties: {}, additionalProperties: false } } },
        additionalProperties: false,
      },
    });
  });

  it('reachableDefinitions fails on a dangling $ref instead of dropping it', () => {
    expect(() => reachableDefinitions({ a: { $ref: '#/definitions/b' } }, ['a'])).toThrow(
      "definition 'b' is referenced",
    );
  });

  it('names clash-free types, qualifying the Kubernetes side of a clash', () => {
    const names = typeNames([
      'io.argoproj.workflow.v1alpha1.HTTPHeader',
      'io.k8s.api.core.v1.HTTPHeader',
      'io.k8s.api.core.v1.Pod',
    ]);
    expect(names.get('io.argoproj.workflow.v1alpha1.HTTPHeader')).toBe('HTTPHeader');
    expect(names.get('io.k8s.api.core.v1.HTTPHeader')).toBe('CoreV1HTTPHeader');
    expect(names.get('io.k8s.api.core.v1.Pod')).toBe('Pod');
  });

  it('renders unions, maps, consts and arrays as TypeScript', () => {
    const names = new Map([['x.Y', 'Y']]);
    expect(typeOf({ type: ['integer', 'string'] }, names)).toBe('number | string');
    expect(typeOf({ type: 'array', items: { $ref: '#/definitions/x.Y' } }, names)).toBe('readonly Y[]');
    expect(typeOf({ type: 'object', additionalProperties: { type: 'string' } }, names)).toBe(
      '{ readonly [key: string]: string }',
    );
    expect(typeOf({ const: 'Workflow', type: 'string' }, names)).toBe('"Workflow"');
    expect(() => typeOf({ $ref: '#/definitions/x.Z' }, names)).toThrow("'x.Z', which is not a generated definition");
  });
});

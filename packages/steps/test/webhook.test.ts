import { param, workflowParams } from '@argo-gen/dsl';
import { describe, expect, it } from 'vitest';
import { webhook } from '../src/index.js';
import { rendered } from './render.js';

describe('webhook', () => {
  it('is an HTTP template posting its body input, with the Authorization header from a Secret', () => {
    const p = workflowParams({ url: param.string() });
    const t = webhook({ url: p.url, authorizationSecret: { name: 'hook', key: 'authorization' } });
    const r = rendered(t);
    expect(r.name).toBe('notify-webhook');
    expect(r.inputs?.parameters).toEqual([{ name: 'body', description: 'The JSON document to post' }]);
    expect(r.http).toEqual({
      url: '{{workflow.parameters.url}}',
      method: 'POST',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        { name: 'Authorization', valueFrom: { secretKeyRef: { name: 'hook', key: 'authorization' } } },
      ],
      body: '{{inputs.parameters.body}}',
      timeoutSeconds: 30,
      successCondition: 'response.statusCode >= 200 && response.statusCode < 300',
    });
  });

  it('refuses a plain-http URL', () => {
    expect(() => webhook({ url: 'http://hooks.example/x' })).toThrowErrorMatchingInlineSnapshot(
      `[ArgoGenError: step 'webhook': url must be an https:// URL (got "http://hooks.example/x") [steps/bad-option]]`,
    );
  });
});

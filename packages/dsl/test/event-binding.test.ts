import { ArgoGenError } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import {
  container,
  event,
  on,
  param,
  synth,
  workflowEventBinding,
  workflowParams,
  workflowTemplate,
} from '../src/index.js';

const params = workflowParams({ revision: param.string(), branch: param.string({ default: 'main' }) });
const wt = workflowTemplate('pipeline', {
  entrypoint: container('build', { image: 'alpine:3.20', args: [params.revision] }),
  params,
});

describe('workflowEventBinding', () => {
  it('renders a typed selector and maps event values onto the template parameters', () => {
    const push = on.and(
      on.eq(event.payload.field('ref'), 'refs/heads/main'),
      on.includes(event.header('X-GitHub-Event'), 'push'),
      on.or(
        on.eq(event.discriminator, 'burger'),
        on.not(on.startsWith(event.payload.field('repository').field('full_name'), 'fork/')),
      ),
    );
    const binding = workflowEventBinding('on-push', {
      namespace: 'burger-ci',
      selector: push,
      submit: wt,
      args: { revision: event.payload.field('after') },
    });
    expect(synth(binding)).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'WorkflowEventBinding',
      metadata: { name: 'on-push', namespace: 'burger-ci' },
      spec: {
        event: {
          selector:
            'payload.ref == "refs/heads/main" && "push" in metadata["x-github-event"] && (discriminator == "burger" || !(payload.repository.full_name startsWith "fork/"))',
        },
        submit: {
          workflowTemplateRef: { name: 'pipeline' },
          arguments: { parameters: [{ name: 'revision', valueFrom: { event: 'payload.after' } }] },
        },
      },
    });
  });

  it('refuses unknown parameters and unmapped required ones (for callers the types cannot see)', () => {
    const args = { branch: event.payload.field('ref'), revison: event.payload.field('after') } as never;
    try {
      workflowEventBinding('b', { selector: on.eq(event.discriminator, 'x'), submit: wt, args });
      expect.unreachable();
    } catch (error) {
      if (!(error instanceof ArgoGenError)) throw error;
      expect(error.issues.map((i) => `${i.subject}: ${i.message}`)).toEqual([
        "event binding 'b': 'revison' is not a parameter of WorkflowTemplate 'pipeline' (parameters: revision, branch)",
        "event binding 'b': required parameter 'revision' of WorkflowTemplate 'pipeline' is not mapped",
      ]);
      expect(error.issues[0]?.source?.file).toMatch(/event-binding\.test\.ts$/);
    }
  });

  it('makes a misspelled or missing parameter a compile error', () => {
    const selector = on.eq(event.discriminator, 'x');
    // @ts-expect-error: 'revison' is not a parameter, and 'revision' is required
    expect(() => workflowEventBinding('c', { selector, submit: wt, args: { revison: 'x' } })).toThrow();
  });
});

// The security lint on DSL values, as `generate` runs it: findings point at the TypeScript line, and a deliberate
// exception is an annotation (with its reason) that the YAML shows and the lint honours.
import { inputs, param, script, securityException, synth, toYaml, workflowTemplate } from '@argo-gen/dsl';
import { type ArgoGenError, lintSecurity } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';

const i = inputs({ name: param.string() });
const body = { image: `alpine:3.20@sha256:${'b'.repeat(64)}`, command: ['sh'], source: `echo "hello ${i.name}"` };
const lint = { lint: (doc: unknown) => lintSecurity(doc) };

describe('security lint in synth', () => {
  it('reports a handle spliced into a script source at the TypeScript line that declared the template', () => {
    const greet = script('greet', body, { inputs: i });
    let error: ArgoGenError | undefined;
    try {
      synth(workflowTemplate('greeter', { templates: [greet] }), lint);
    } catch (e) {
      error = e as ArgoGenError;
    }
    const injection = error?.issues.find((x) => x.code === 'security/injection');
    expect(injection?.message).toBe(
      '{{inputs.parameters.name}} substituted into the script source; pass it as an environment variable or a file, or constrain it with an enum',
    );
    expect(injection?.source?.file).toMatch(/dsl\.test\.ts$/);
  });

  it('honours an exception annotation, which the YAML shows for review', () => {
    const greet = script('greet', body, {
      inputs: i,
      metadata: { annotations: securityException('injection', 'the name is checked against a pattern upstream') },
    });
    const doc = synth(workflowTemplate('greeter', { templates: [greet] }), {
      lint: (d) => lintSecurity(d).filter((x) => x.code === 'security/injection'),
    });
    expect(toYaml(doc)).toContain('security.argo-gen.io/injection: the name is checked against a pattern upstream');
  });
});

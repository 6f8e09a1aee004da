import { dag, synth, task, workflowTemplate } from '@argo-gen/dsl';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { images, kaniko } from '../src/index.js';
import { rendered } from './render.js';

describe('kaniko', () => {
  it('renders a git build with cache, build args and registry credentials, never privileged', () => {
    const t = kaniko({
      name: 'build-web',
      context: { git: { url: 'https://github.com/burger-stack/burger.git', revision: 'refs/tags/v1.2.0' } },
      subPath: 'frontend',
      target: 'runtime',
      destinations: ['registry.example.com/burger/web', 'mirror.example.com:5000/burger/web'],
      tag: 'v1.2.0',
      buildArgs: { NODE_ENV: 'production' },
      cache: { repo: 'registry.example.com/burger/cache', ttl: '24h' },
      registrySecret: 'regcred',
    });
    expect(rendered(t)).toEqual({
      name: 'build-web',
      inputs: {
        parameters: [
          { name: 'tag', default: 'v1.2.0', description: 'The tag pushed to every destination' },
          {
            name: 'revision',
            default: 'refs/tags/v1.2.0',
            description: 'The git ref to build (refs/heads/<branch>, refs/tags/<tag>, or refs/heads/<branch>#<commit>)',
          },
        ],
      },
      outputs: {
        parameters: [
          { name: 'digest', description: 'The pushed image digest (sha256:…)', valueFrom: { path: '/kaniko/digest' } },
          {
            name: 'image',
            description: 'The first destination by digest (repository@sha256:…)',
            valueFrom: { path: '/kaniko/image' },
          },
        ],
      },
      container: {
        image: images.kaniko,
        command: ['/kaniko/executor'],
        args: [
          '--context=git://github.com/burger-stack/burger.git#{{inputs.parameters.revision}}',
          '--context-sub-path=frontend',
          '--dockerfile=Dockerfile',
          '--target=runtime',
          '--destination=registry.example.com/burger/web:{{inputs.parameters.tag}}',
          '--destination=mirror.example.com:5000/burger/web:{{inputs.parameters.tag}}',
          '--build-arg=NODE_ENV=production',
          '--cache=true',
          '--cache-repo=registry.example.com/burger/cache',
          '--cache-ttl=24h',
          '--digest-file=/kaniko/digest',
          '--image-name-with-digest-file=/kaniko/image',
        ],
        securityContext: {
          runAsUser: 0,
          allowPrivilegeEscalation: false,
          capabilities: {
            drop: ['ALL'],
            add: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'SETGID', 'SETUID', 'SETFCAP'],
          },
          seccompProfile: { type: 'RuntimeDefault' },
        },
        volumeMounts: [{ name: 'docker-config', mountPath: '/kaniko/.docker', readOnly: true }],
      },
      volumes: [
        {
          name: 'docker-config',
          secret: { secretName: 'regcred', items: [{ key: '.dockerconfigjson', path: 'config.json' }] },
        },
      ],
      // kaniko needs no API token; root inside its container, confined, with the reasons for review.
      automountServiceAccountToken: false,
      metadata: {
        annotations: {
          'security.argo-gen.io/run-as-root': expect.stringContaining('as root inside its container'),
          'security.argo-gen.io/capabilities': expect.stringContaining('all others are dropped'),
        },
      },
    });
  });

  it('refuses a build argument that looks like a credential', () => {
    expect(() =>
      kaniko({ context: { dir: '/src' }, destinations: ['r.example/app'], buildArgs: { NPM_TOKEN: 'npm_x' } }),
    ).toThrow(
      'buildArgs.NPM_TOKEN looks like a credential (got a literal value); build args are stored in the image history',
    );
  });

  it('reads private git credentials from a Secret', () => {
    const t = kaniko({
      context: { git: { url: 'https://git.example.com/burger.git', credentialsSecret: 'git-creds' } },
      destinations: ['r.example.com/burger/web'],
    });
    expect(rendered(t).container?.env).toEqual([
      { name: 'GIT_USERNAME', valueFrom: { secretKeyRef: { name: 'git-creds', key: 'username' } } },
      { name: 'GIT_PASSWORD', valueFrom: { secretKeyRef: { name: 'git-creds', key: 'password' } } },
    ]);
  });

  it('builds from an input artifact, which callers must pass', () => {
    const t = kaniko({ context: { artifact: {} }, destinations: ['r.example.com/burger/web'] });
    const r = rendered(t);
    expect(r.inputs?.artifacts).toEqual([{ name: 'source', path: '/workspace' }]);
    expect(r.container?.args?.[0]).toBe('--context=dir:///workspace');
    expect(() => task('b', t, { args: {} as never })).toThrow("missing required argument 'source'");
    // @ts-expect-error: `source` is a required input of an artifact build
    const typeOnly = () => task('b', t, { args: {} });
    expect(typeOnly).toBeTypeOf('function');
  });

  it('types its outputs, and a build task feeds a deploy by digest', () => {
    const t = kaniko({ context: { dir: '/src' }, destinations: ['r.example.com/burger/web'] });
    const b = task('build', t);
    expectTypeOf(b.outputs.parameters).toHaveProperty('image');
    // @ts-expect-error: kaniko has no output named `digests`
    b.outputs.parameters.digests;
    const doc = synth(workflowTemplate('w', { entrypoint: dag('main', [b]) }));
    expect(doc.kind).toBe('WorkflowTemplate');
  });
});

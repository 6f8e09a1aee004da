import { task } from '@argo-gen/dsl';
import { describe, expect, it } from 'vitest';
import { ansible, images } from '../src/index.js';
import { rendered } from './render.js';

describe('ansible', () => {
  it('runs a playbook from git with vars, tags, a vault password and secrets from Secrets', () => {
    const t = ansible({
      source: { git: { url: 'https://github.com/burger-stack/ops.git', revision: 'v2' } },
      playbook: 'configure.yml',
      inventory: 'inventory/prod.ini',
      extraVars: { app: 'burger', replicas: 3 },
      runtimeVars: ['namespace'],
      tags: ['env', 'network-policies'],
      skipTags: ['slow'],
      vaultPasswordSecret: { name: 'vault', key: 'password' },
      secrets: [{ env: 'DB_PASSWORD', secret: 'db', key: 'password' }],
      env: { ANSIBLE_FORCE_COLOR: 'false' },
      serviceAccountName: 'configure',
    });
    expect(rendered(t)).toEqual({
      name: 'ansible',
      inputs: {
        parameters: [
          { name: 'revision', default: 'v2', description: 'The git revision of the playbooks' },
          { name: 'namespace' },
        ],
        artifacts: [
          {
            name: 'playbooks',
            path: '/work',
            optional: true,
            git: { repo: 'https://github.com/burger-stack/ops.git', revision: '{{inputs.parameters.revision}}' },
          },
        ],
      },
      container: {
        image: images.ansible,
        // The extra variables' JSON is written inside the container from environment variables (hostile.test.ts).
        command: [
          'sh',
          '-c',
          `python3 -c 'import json, os, sys; v = json.loads(os.environ["ARGO_GEN_EXTRA_VARS"]); v.update({n: os.environ["ARGO_GEN_VAR_" + n] for n in sys.argv[1:]}); json.dump(v, open("/tmp/argo-gen-extra-vars.json", "w"))' namespace || exit 1\nexec ansible-playbook "$@"`,
          'ansible-playbook',
        ],
        args: [
          '--inventory=inventory/prod.ini',
          '--extra-vars=@/tmp/argo-gen-extra-vars.json',
          '--tags=env,network-policies',
          '--skip-tags=slow',
          '--vault-password-file=/etc/ansible-vault/password',
          'configure.yml',
        ],
        workingDir: '/work',
        securityContext: {
          allowPrivilegeEscalation: false,
          capabilities: { drop: ['ALL'] },
          runAsNonRoot: true,
          runAsUser: 1000,
          runAsGroup: 1000,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        env: [
          { name: 'HOME', value: '/tmp' },
          { name: 'ARGO_GEN_EXTRA_VARS', value: '{"app":"burger","replicas":3}' },
          { name: 'ARGO_GEN_VAR_namespace', value: '{{inputs.parameters.namespace}}' },
          { name: 'ANSIBLE_FORCE_COLOR', value: 'false' },
          { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
        ],
        volumeMounts: [{ name: 'vault-password', mountPath: '/etc/ansible-vault', readOnly: true }],
      },
      volumes: [
        { name: 'vault-password', secret: { secretName: 'vault', items: [{ key: 'password', path: 'password' }] } },
      ],
      serviceAccountName: 'configure',
    });
  });

  it('mounts playbooks from a ConfigMap and runs locally by default', () => {
    const r = rendered(ansible({ name: 'netpol', source: { configMap: 'playbooks' }, playbook: 'netpol.yml' }));
    expect(r.inputs).toBeUndefined();
    expect(r.container?.args).toEqual(['--inventory=localhost,', '--connection=local', 'netpol.yml']);
    expect(r.volumes).toEqual([{ name: 'playbooks', configMap: { name: 'playbooks' } }]);
    expect(r.container?.volumeMounts).toEqual([{ name: 'playbooks', mountPath: '/work', readOnly: true }]);
  });

  it('makes runtime variables required, typed inputs', () => {
    const t = ansible({
      source: { configMap: 'pb' },
      playbook: 'site.yml',
      runtimeVars: ['image'],
      inventory: { hosts: ['a', 'b'] },
    });
    expect(rendered(t).container?.args?.[0]).toBe('--inventory=a,b,');
    expect(() => task('run', t, { args: {} as never })).toThrow(
      "missing required argument 'image' of template 'ansible'",
    );
    // @ts-expect-error: `image` is required
    const typeOnly = () => task('run', t, { args: {} });
    expect(typeOnly).toBeTypeOf('function');
  });

  it('refuses an extra variable that looks like a credential', () => {
    expect(() =>
      ansible({ source: { configMap: 'pb' }, playbook: 'site.yml', extraVars: { db_password: 'hunter2' } }),
    ).toThrow('extraVars.db_password looks like a credential (got a literal value); pass it with secrets:');
  });
});

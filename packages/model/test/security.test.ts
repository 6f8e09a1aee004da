import { describe, expect, it } from 'vitest';
import { lintSecurity, SECURITY_RULES, type SecurityOptions, securityException } from '../src/index.js';

const DIGEST = `@sha256:${'a'.repeat(64)}`;
/** A pod template that passes every rule at the restricted level. */
const SAFE_CONTAINER = {
  image: `alpine:3.20${DIGEST}`,
  securityContext: {
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
    runAsNonRoot: true,
    seccompProfile: { type: 'RuntimeDefault' },
  },
};

function wf(templates: unknown[], spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'x-', ...metadata },
    spec: {
      entrypoint: templates.length ? (templates[0] as { name: string }).name : 'main',
      executor: { serviceAccountName: 'executor' },
      templates,
      ...spec,
    },
  };
}
const safe = (name: string, extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => ({
  name,
  automountServiceAccountToken: false,
  executor: { serviceAccountName: 'executor' },
  container: { ...SAFE_CONTAINER, ...container },
  ...extra,
});
const codes = (doc: unknown, options: SecurityOptions = { mode: 'strict' }) =>
  lintSecurity(doc, options).map((i) => `${i.severity} ${i.code} ${i.path}`);

describe('security lint', () => {
  it('passes a pod that meets the restricted level, pinned and without a token', () => {
    expect(codes(wf([safe('main')]))).toEqual([]);
  });

  it('requires an executor ServiceAccount where the pod has no token', () => {
    const { executor: _, ...noExecutor } = safe('main');
    expect(codes(wf([noExecutor], { executor: undefined }))).toEqual([
      'error security/executor-account /spec/templates/0',
    ]);
  });

  describe('injection', () => {
    const input = { inputs: { parameters: [{ name: 'msg' }] } };
    it('flags an input substituted into a script source, an sh -c script and JSON in an argument', () => {
      const doc = wf([
        {
          name: 'a',
          ...input,
          script: { ...SAFE_CONTAINER, command: ['sh'], source: 'echo "{{inputs.parameters.msg}}"' },
        },
        safe('b', input, { command: ['/bin/bash', '-ec', 'echo {{inputs.parameters.msg}}'] }),
        safe('c', input, { command: ['tool'], args: ['--data={"m":"{{inputs.parameters.msg}}"}'] }),
        safe('d', input, { command: ['ansible-playbook'], args: ['-e', 'm={{inputs.parameters.msg}}'] }),
      ]);
      expect(codes(doc, { mode: 'default' }).filter((c) => c.includes('injection'))).toEqual([
        'error security/injection /spec/templates/0/script/source',
        'error security/injection /spec/templates/1/container/command/2',
        'error security/injection /spec/templates/2/container/args/0',
        'error security/injection /spec/templates/3/container/args/1',
      ]);
    });

    it('leaves a value alone where it stays data: a plain argv element, an env var', () => {
      const doc = wf([
        safe('a', input, {
          command: ['echo'],
          args: ['{{inputs.parameters.msg}}', '--to={{inputs.parameters.msg}}'],
          env: [{ name: 'MSG', value: '{{inputs.parameters.msg}}' }],
        }),
      ]);
      expect(codes(doc)).toEqual([]);
    });

    it('trusts an enum-constrained workflow parameter, and in a Workflow an input its callers fill from trusted text', () => {
      const run = (value: string, step: Record<string, unknown> = {}, kind = 'Workflow') => ({
        ...wf(
          [
            {
              name: 'main',
              steps: [[{ name: 's', template: 'echo', arguments: { parameters: [{ name: 'msg', value }] }, ...step }]],
            },
            safe('echo', input, {
              command: ['sh', '-c', 'echo {{inputs.parameters.msg}} {{workflow.parameters.env}}'],
            }),
          ],
          { arguments: { parameters: [{ name: 'env', value: 'dev', enum: ['dev', 'prod'] }] } },
        ),
        kind,
      });
      const flagged = ['error security/injection /spec/templates/1/container/command/2'];
      expect(codes(run('{{workflow.parameters.env}}'))).toEqual([]);
      // The author's own literal (even with shell syntax) is not injection; any caller of a WorkflowTemplate may be.
      expect(codes(run('it; echo done'))).toEqual([]);
      expect(codes(run('it; echo done', {}, 'WorkflowTemplate'))).toEqual(flagged);
      expect(codes(run('{{item}}', { withItems: ['a b', 'c'] }))).toEqual([]);
      expect(codes(run('{{item}}', { withParam: '{{workflow.parameters.env}}' }))).toEqual(flagged);
      expect(codes(run('{{steps.other.outputs.result}}'))).toEqual(flagged);
    });

    it('flags task outputs, items and expressions in a resource manifest', () => {
      const doc = wf([
        {
          name: 'main',
          resource: { action: 'create', manifest: 'metadata:\n  name: {{=sprig.lower(inputs.parameters.n)}}\n' },
        },
      ]);
      expect(codes(doc, { mode: 'default' })).toEqual(['error security/injection /spec/templates/0/resource/manifest']);
    });
  });

  describe('secrets', () => {
    it('finds credentials by name and by shape, and passes Secret references and placeholders', () => {
      const doc = wf([
        safe(
          'main',
          {},
          {
            env: [
              { name: 'DB_PASSWORD', value: 'hunter2' },
              { name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } },
              { name: 'PASSWORD_FILE', value: '/etc/secret/password' },
              { name: 'TOKEN', value: '{{inputs.parameters.t}}' },
            ],
            args: [
              '--build-arg=NPM_TOKEN=npm_abcdefghijklmnopqrstuvwxyz0123456789',
              '--extra-vars={"db_password":"s3cret"}',
              'https://deploy:pa55@git.example.com/repo.git',
              '-----BEGIN RSA PRIVATE KEY-----',
              '--token-file=/var/run/token',
            ],
          },
        ),
      ]);
      expect(codes(doc)).toEqual([
        'error security/secret-literal /spec/templates/0/container/env/0/value',
        'error security/secret-literal /spec/templates/0/container/args/0',
        'error security/secret-literal /spec/templates/0/container/args/1',
        'error security/secret-literal /spec/templates/0/container/args/2',
        'error security/secret-literal /spec/templates/0/container/args/3',
      ]);
    });

    it('finds every shape of credential it knows, whichever of its prefixes it has', () => {
      const alnum = (n: number) => 'aB3'.repeat(n).slice(0, n);
      const shapes: [string, string][] = [
        ['-----BEGIN OPENSSH PRIVATE KEY-----', 'a private key'],
        [`AKIA${'ABCDEFGH12345678'}`, 'an AWS access key id'],
        [`ASIA${'ABCDEFGH12345678'}`, 'an AWS access key id'],
        ...['p', 'o', 'u', 's', 'r'].map((c): [string, string] => [`gh${c}_${alnum(36)}`, 'a GitHub token']),
        [`glpat-${alnum(20)}`, 'a GitLab token'],
        ...['a', 'b', 'p', 'r', 's'].map((c): [string, string] => [`xox${c}-${alnum(12)}`, 'a Slack token']),
        [`npm_${alnum(36)}`, 'an npm token'],
        [`AIza${alnum(35)}`, 'a Google API key'],
        [`sk_live_${alnum(16)}`, 'a Stripe live key'],
        [`rk_live_${alnum(16)}`, 'a Stripe live key'],
        [`eyJ${alnum(10)}.eyJ${alnum(10)}.${alnum(10)}`, 'a JSON Web Token'],
        ['HTTPS://deploy:pa55@git.example.com/repo.git', 'a URL with a password'],
      ];
      for (const [credential, what] of shapes) {
        const doc = wf([safe('t', {}, { args: [`use ${credential} here`] })]);
        const found = lintSecurity(doc, { mode: 'strict' }).filter((i) => i.code === 'security/secret-literal');
        expect(found.map((i) => [i.path, i.message])).toEqual([
          [
            '/spec/templates/0/container/args/0',
            `the value contains ${what}; read it from a Secret (env valueFrom.secretKeyRef or a secret volume)`,
          ],
        ]);
      }
    });

    it('finds NAME=value after a long word, after a version and inside a word', () => {
      // Names start where no word character or dot precedes them (so a long word is scanned once, not per position).
      const doc = wf([
        safe('t', {}, { args: [`${'x'.repeat(300_000)} DB_PASSWORD=hunter2hunter2`, 'v1.2 API_TOKEN=abcdef123456'] }),
      ]);
      expect(codes(doc)).toEqual([
        'error security/secret-literal /spec/templates/0/container/args/0',
        'error security/secret-literal /spec/templates/0/container/args/1',
      ]);
      // Inside a word the name is the whole word, which still says PASSWORD.
      const inWord = wf([safe('t', {}, { args: [`${'x'.repeat(300_000)}PASSWORD=hunter2hunter2`] })]);
      expect(codes(inWord)).toEqual(['error security/secret-literal /spec/templates/0/container/args/0']);
    });
  });

  describe('pod security', () => {
    it('reports baseline violations by default and restricted ones only at the restricted level', () => {
      const doc = wf(
        [
          {
            name: 'main',
            automountServiceAccountToken: false,
            container: { image: `alpine${DIGEST}`, securityContext: { privileged: true } },
            volumes: [{ name: 'root', hostPath: { path: '/' } }],
          },
        ],
        { hostNetwork: true },
      );
      expect(codes(doc, { mode: 'default' })).toEqual([
        'error security/host-namespaces /spec/hostNetwork',
        'error security/host-path /spec/templates/0/volumes/0',
        'error security/privileged /spec/templates/0/container/securityContext',
      ]);
      expect(codes(doc, { podSecurity: 'restricted' })).toEqual([
        'error security/host-namespaces /spec/hostNetwork',
        'error security/host-path /spec/templates/0/volumes/0',
        'error security/privileged /spec/templates/0/container/securityContext',
        'error security/capabilities /spec/templates/0/container/securityContext',
        'error security/privilege-escalation /spec/templates/0/container/securityContext',
        'error security/run-as-root /spec/templates/0/container/securityContext',
        'error security/seccomp /spec/templates/0/container/securityContext',
      ]);
    });

    it('takes templateDefaults, the workflow securityContext and podSpecPatch into account', () => {
      const bare = { name: 'main', automountServiceAccountToken: false, container: { image: `alpine${DIGEST}` } };
      const defaults = {
        templateDefaults: { container: { securityContext: SAFE_CONTAINER.securityContext } },
      };
      expect(codes(wf([bare], defaults))).toEqual([]);
      const patched = wf(
        [
          {
            ...bare,
            podSpecPatch:
              '{"hostPID": true, "containers": [{"name": "main", "securityContext": {"privileged": true}}]}',
          },
        ],
        defaults,
      );
      expect(codes(patched, { mode: 'default' })).toEqual([
        'error security/host-namespaces /spec/templates/0/podSpecPatch',
        'error security/privileged /spec/templates/0/podSpecPatch',
      ]);
      const podLevel = wf(
        [
          {
            ...bare,
            container: {
              image: `alpine${DIGEST}`,
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          },
        ],
        {
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
        },
      );
      expect(codes(podLevel)).toEqual([]);
    });
  });

  describe('supply chain and tokens', () => {
    it('warns about tags by default, fails them in strict mode, and flags IfNotPresent with a mutable tag', () => {
      const doc = wf([safe('main', {}, { image: 'alpine:latest', imagePullPolicy: 'IfNotPresent' })]);
      expect(codes(doc, { mode: 'default' })).toEqual([
        'warning security/image-digest /spec/templates/0/container/image',
        'warning security/image-pull-policy /spec/templates/0/container/imagePullPolicy',
      ]);
      expect(codes(doc)).toEqual([
        'error security/image-digest /spec/templates/0/container/image',
        'error security/image-pull-policy /spec/templates/0/container/imagePullPolicy',
      ]);
    });

    it('flags a token the template does not declare a need for', () => {
      const { automountServiceAccountToken: _, ...mounted } = safe('main');
      expect(codes(wf([mounted], { serviceAccountName: 'broad' }), { mode: 'default' })).toEqual([
        'warning security/automount-token /spec/templates/0',
      ]);
      expect(lintSecurity(wf([mounted], { serviceAccountName: 'broad' }))[0]?.message).toContain("'broad'");
      expect(codes(wf([{ ...mounted, serviceAccountName: 'deployer' }]))).toEqual([]);
    });
  });

  describe('configuration and exceptions', () => {
    const doc = wf([safe('legacy', {}, { image: 'alpine:3.20' }), safe('other', {}, { image: 'alpine:3.20' })]);
    it('turns a rule off, changes its severity, or allows it for named templates', () => {
      expect(codes(doc, { mode: 'strict', rules: { 'image-digest': 'off' } })).toEqual([]);
      expect(codes(doc, { mode: 'strict', rules: { 'security/image-digest': 'warning' } })).toEqual([
        'warning security/image-digest /spec/templates/0/container/image',
        'warning security/image-digest /spec/templates/1/container/image',
      ]);
      expect(codes(doc, { mode: 'strict', rules: { 'image-digest': { allow: ['legacy'] } } })).toEqual([
        'error security/image-digest /spec/templates/1/container/image',
      ]);
    });

    it('honours an exception annotation with a reason, and refuses one without', () => {
      const excepted = wf([
        safe(
          'legacy',
          { metadata: { annotations: securityException('image-digest', 'mirror without digests') } },
          { image: 'alpine:3.20' },
        ),
        safe(
          'other',
          { metadata: { annotations: { 'security.argo-gen.io/image-digest': ' ' } } },
          { image: 'alpine:3.20' },
        ),
      ]);
      expect(codes(excepted)).toEqual([
        'error security/exception-reason /spec/templates/1/metadata/annotations/security.argo-gen.io~1image-digest',
        'error security/image-digest /spec/templates/1/container/image',
      ]);
      expect(() => securityException('injection', '')).toThrow('a reason is required');
    });

    it('runs nothing when off', () => {
      expect(codes(doc, { mode: 'off' })).toEqual([]);
    });

    it('gives every rule a code under security/, a reason and a fix', () => {
      for (const [name, rule] of Object.entries(SECURITY_RULES)) {
        expect(rule.code).toBe(`security/${name}`);
        expect(rule.reason.length).toBeGreaterThan(10);
        expect(rule.fix.length).toBeGreaterThan(5);
      }
    });
  });
});

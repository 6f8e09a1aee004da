// The mutation corpus: a workflow that passes the security lint in strict mode, and one mutation per pattern the lint
// must catch, each with the findings expected (rule and where). A mutation that the lint misses, or a finding it adds,
// fails its case.
import { lintSecurity, type SecurityOptions } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { securityOptions } from '../../packages/cli/src/security-options.js';
import { readPodSpecPatch } from '../../packages/cli/src/yaml/pod-spec-patch.js';

// biome-ignore lint/suspicious/noExplicitAny: mutations reach into the document freely; the lint reads it as unknown
type Obj = Record<string, any>;
const DIGEST = `@sha256:${'0'.repeat(63)}1`;

/** Passes strict: the input reaches the shell through an env var; the pod meets the restricted level. */
function base(): Obj {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { generateName: 'm-' },
    spec: {
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'p', value: 'a' }] },
      executor: { serviceAccountName: 'executor' },
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      templates: [
        {
          name: 'main',
          dag: {
            tasks: [
              {
                name: 'a',
                template: 'run',
                arguments: { parameters: [{ name: 'x', value: '{{workflow.parameters.p}}' }] },
              },
            ],
          },
        },
        {
          name: 'run',
          inputs: { parameters: [{ name: 'x' }] },
          automountServiceAccountToken: false,
          container: {
            image: `alpine:3.20${DIGEST}`,
            command: ['sh', '-c', 'echo "$X"'],
            env: [{ name: 'X', value: '{{inputs.parameters.x}}' }],
            securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          },
        },
      ],
    },
  };
}

const RUN = '/spec/templates/1';
const C = `${RUN}/container`;
type Mutation = [name: string, mutate: (d: Obj, run: Obj, c: Obj) => void, expected: string[]];

const MUTATIONS: Mutation[] = [
  [
    'input in sh -c',
    (_d, _r, c) => (c.command = ['sh', '-c', 'echo {{inputs.parameters.x}}']),
    [`injection ${C}/command/2`],
  ],
  [
    'input in bash -lc args',
    (_d, _r, c) => {
      c.command = ['/bin/bash'];
      c.args = ['-lc', 'echo "{{inputs.parameters.x}}"'];
    },
    [`injection ${C}/args/1`],
  ],
  [
    'input in python -c',
    (_d, _r, c) => (c.command = ['python3', '-c', 'print("{{inputs.parameters.x}}")']),
    [`injection ${C}/command/2`],
  ],
  [
    'input in node -e',
    (_d, _r, c) => (c.command = ['node', '-e', 'console.log("{{inputs.parameters.x}}")']),
    [`injection ${C}/command/2`],
  ],
  [
    'input in a script source',
    (_d, r, c) => {
      delete r.container;
      r.script = { ...c, command: ['sh'], source: 'echo {{inputs.parameters.x}}' };
    },
    [`injection ${RUN}/script/source`],
  ],
  [
    'expression in sh -c',
    (_d, _r, c) => (c.command = ['sh', '-c', 'echo {{=inputs.parameters.x}}']),
    [`injection ${C}/command/2`],
  ],
  [
    'JSON inside an argument',
    (_d, _r, c) => {
      c.command = ['tool'];
      c.args = ['--data={"x":"{{inputs.parameters.x}}"}'];
    },
    [`injection ${C}/args/0`],
  ],
  [
    'YAML flow inside an argument',
    (_d, _r, c) => {
      c.command = ['tool'];
      c.args = ['--values=[{{inputs.parameters.x}}]'];
    },
    [`injection ${C}/args/0`],
  ],
  [
    'ansible key=value extra vars',
    (_d, _r, c) => {
      c.command = ['ansible-playbook'];
      c.args = ['--extra-vars', 'ns={{inputs.parameters.x}}', 'site.yml'];
    },
    [`injection ${C}/args/1`],
  ],
  [
    'input in a resource manifest',
    (_d, r) => {
      delete r.container;
      delete r.automountServiceAccountToken;
      r.resource = { action: 'create', manifest: 'kind: ConfigMap\nmetadata:\n  name: {{inputs.parameters.x}}\n' };
    },
    [`injection ${RUN}/resource/manifest`],
  ],
  [
    'a task output passed to sh -c',
    (d, _r, c) => {
      d.spec.templates[0].dag.tasks[0].arguments.parameters[0].value = '{{tasks.z.outputs.result}}';
      c.command = ['sh', '-c', 'echo {{inputs.parameters.x}}'];
    },
    [`injection ${C}/command/2`],
  ],
  [
    'a withParam item passed to sh -c',
    (d, _r, c) => {
      Object.assign(d.spec.templates[0].dag.tasks[0], { withParam: '{{workflow.parameters.p}}' });
      d.spec.templates[0].dag.tasks[0].arguments.parameters[0].value = '{{item}}';
      c.command = ['sh', '-c', 'echo {{inputs.parameters.x}}'];
    },
    [`injection ${C}/command/2`],
  ],
  [
    'the same template in a WorkflowTemplate (any caller)',
    (d, _r, c) => {
      d.kind = 'WorkflowTemplate';
      d.metadata = { name: 'lib' };
      d.spec.arguments.parameters[0].enum = ['a', 'b'];
      c.command = ['sh', '-c', 'echo {{inputs.parameters.x}}'];
    },
    [`injection ${C}/command/2`],
  ],
  [
    'a literal password in env',
    (_d, _r, c) => c.env.push({ name: 'DB_PASSWORD', value: 'hunter2' }),
    [`secret-literal ${C}/env/1/value`],
  ],
  [
    'a token in a build argument',
    (_d, _r, c) => (c.args = ['--build-arg=NPM_TOKEN=abcdef123456']),
    [`secret-literal ${C}/args/0`],
  ],
  [
    'a URL with a password',
    (_d, _r, c) => (c.args = ['https://ci:s3cret@git.example.com/r.git']),
    [`secret-literal ${C}/args/0`],
  ],
  ['an AWS key id', (_d, _r, c) => (c.args = ['AKIAABCDEFGHIJKLMNOP']), [`secret-literal ${C}/args/0`]],
  [
    'a private key',
    (_d, _r, c) => (c.args = ['-----BEGIN OPENSSH PRIVATE KEY-----\nabc']),
    [`secret-literal ${C}/args/0`],
  ],
  [
    'a secret in a workflow parameter default',
    (d) => d.spec.arguments.parameters.push({ name: 'api_token', value: 'x9y8z7w6' }),
    ['secret-literal /spec/arguments/parameters/1/value'],
  ],
  ['privileged', (_d, _r, c) => (c.securityContext.privileged = true), [`privileged ${C}/securityContext`]],
  [
    'a hostPath volume',
    (_d, r) => (r.volumes = [{ name: 'root', hostPath: { path: '/' } }]),
    [`host-path ${RUN}/volumes/0`],
  ],
  ['hostNetwork', (d) => (d.spec.hostNetwork = true), ['host-namespaces /spec/hostNetwork']],
  [
    'hostPID through podSpecPatch',
    (_d, r) => (r.podSpecPatch = 'hostPID: true\n'),
    [`host-namespaces ${RUN}/podSpecPatch`],
  ],
  [
    'an added capability',
    (_d, _r, c) => (c.securityContext.capabilities.add = ['SYS_ADMIN']),
    [`capabilities ${C}/securityContext`],
  ],
  [
    'a restricted-only capability',
    (_d, _r, c) => (c.securityContext.capabilities.add = ['CHOWN']),
    [`capabilities ${C}/securityContext`],
  ],
  [
    'capabilities not dropped',
    (_d, _r, c) => delete c.securityContext.capabilities,
    [`capabilities ${C}/securityContext`],
  ],
  ['a hostPort', (_d, _r, c) => (c.ports = [{ containerPort: 80, hostPort: 80 }]), [`host-ports ${C}`]],
  [
    'procMount Unmasked',
    (_d, _r, c) => (c.securityContext.procMount = 'Unmasked'),
    [`proc-mount ${C}/securityContext`],
  ],
  [
    'privilege escalation',
    (_d, _r, c) => (c.securityContext.allowPrivilegeEscalation = true),
    [`privilege-escalation ${C}/securityContext`],
  ],
  ['root user', (_d, _r, c) => (c.securityContext.runAsUser = 0), [`run-as-root ${C}/securityContext`]],
  ['runAsNonRoot missing', (d) => delete d.spec.securityContext.runAsNonRoot, [`run-as-root ${C}/securityContext`]],
  [
    'seccomp Unconfined',
    (_d, _r, c) => (c.securityContext.seccompProfile = { type: 'Unconfined' }),
    [`seccomp ${C}/securityContext`],
  ],
  [
    'an NFS volume',
    (_d, r) => (r.volumes = [{ name: 'n', nfs: { server: 'x', path: '/' } }]),
    [`volume-types ${RUN}/volumes/0`],
  ],
  ['an image by tag', (_d, _r, c) => (c.image = 'alpine:3.20'), [`image-digest ${C}/image`]],
  [
    'IfNotPresent with latest',
    (_d, _r, c) => Object.assign(c, { image: 'alpine:latest', imagePullPolicy: 'IfNotPresent' }),
    [`image-digest ${C}/image`, `image-pull-policy ${C}/imagePullPolicy`],
  ],
  ['a token the template does not need', (_d, r) => delete r.automountServiceAccountToken, [`automount-token ${RUN}`]],
];

// podSpecPatch read as the CLI reads it (its caller gives parsePatch).
const strict: SecurityOptions = { ...securityOptions(undefined, { security: 'strict' }), parsePatch: readPodSpecPatch };
const found = (doc: Obj) => lintSecurity(doc, strict).map((i) => `${i.code.replace('security/', '')} ${i.path}`);

describe('security lint mutation corpus', () => {
  it('passes the unmutated workflow in strict mode', () => {
    expect(found(base())).toEqual([]);
  });
  it.each(MUTATIONS)('%s', (_name, mutate, expected) => {
    const d = base();
    const run = d.spec.templates[1];
    mutate(d, run, run.container);
    expect(found(d)).toEqual(expected);
  });
});

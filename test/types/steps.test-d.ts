/**
 * Type tests for the step library, beside the DSL's: the inputs and outputs each factory's type promises are what a
 * task may pass and read, and its options are checked. Compiled by `tsc -p test/tsconfig.json --noEmit` (part of
 * `pnpm test`); every `@ts-expect-error` fails the build when its line stops being an error, so renaming a step's
 * input, output or option breaks here. For each step: correct use compiles; a misspelt option, a wrong input name,
 * a wrong output handle and a missing required option do not.
 */
import { dag, type Ref, task } from '@argo-gen/dsl';
import { ansible, ansibleClusters, fail, kaniko, kubectl, perfCheck, webhook } from '@argo-gen/steps';
import { describe, expectTypeOf, it } from 'vitest';

const web = { name: 'web', namespace: 'burger-prod' } as const;
const registry = ['registry.example.com/app'];
const repo = { git: { url: 'https://example.com/app.git' } };

describe('kaniko', () => {
  it('a git context adds the revision input; digest and image are its outputs', () => {
    const fromGit = kaniko({ context: repo, destinations: registry });
    const t = task('build', fromGit, { args: { tag: 'v1', revision: 'refs/heads/main' } });
    task('defaults', fromGit);
    expectTypeOf(t.outputs.parameters.digest).toEqualTypeOf<Ref<string>>();
    expectTypeOf(t.outputs.parameters.image).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: kaniko has no output 'digests'
    void t.outputs.parameters.digests;
    // @ts-expect-error: kaniko has no input 'revison'
    task('typo', fromGit, { args: { revison: 'x' } });
  });

  it('a directory context has only the tag input', () => {
    const fromDir = kaniko({ context: { dir: '/workspace' }, destinations: registry });
    task('dir', fromDir, { args: { tag: 'v1' } });
    // @ts-expect-error: a directory context has no revision input
    task('dir', fromDir, { args: { revision: 'x' } });
  });

  it('an artifact context makes the source artifact a required input', () => {
    const fromArtifact = kaniko({ context: { artifact: {} }, destinations: registry });
    task('artifact', fromArtifact, { args: { source: { s3: { key: 'src.tgz' } } } });
    // @ts-expect-error: the source artifact is required
    task('artifact', fromArtifact, { args: { tag: 'v1' } });
  });

  it('a context of a kind not known at compile time gives a template of either kind', () => {
    const context: { dir: string } | { git: { url: string } } = repo;
    const either = kaniko({ context, destinations: registry });
    task('either', either, { args: { tag: 'v1' } });
  });

  it('options', () => {
    // @ts-expect-error: an option that does not exist
    kaniko({ context: { dir: '/w' }, destinations: registry, destinatons: [] });
    // @ts-expect-error: destinations is required
    kaniko({ context: { dir: '/w' } });
    // @ts-expect-error: a context names one of git, dir or artifact
    kaniko({ context: { directory: '/w' }, destinations: registry });
    // @ts-expect-error: a misspelt option inside the git context
    kaniko({ context: { git: { url: 'https://example.com/a.git', revison: 'refs/heads/x' } }, destinations: registry });
  });
});

describe('ansible', () => {
  it('each runtime variable is a required input; a git source adds revision and the playbooks artifact', () => {
    const play = ansible({ source: repo, playbook: 'configure.yml', runtimeVars: ['namespace'] });
    task('configure', play, { args: { namespace: 'burger-prod', revision: 'v2' } });
    task('configure', play, { args: { namespace: 'burger-prod', playbooks: { s3: { key: 'p.tgz' } } } });
    // @ts-expect-error: the runtime variable 'namespace' must be passed
    task('missing', play, { args: { revision: 'v2' } });
    // @ts-expect-error: not a runtime variable of this step
    task('unknown', play, { args: { namespace: 'x', environment: 'prod' } });
    // @ts-expect-error: ansible has no outputs
    void task('out', play, { args: { namespace: 'x' } }).outputs.parameters.result;
  });

  it('a ConfigMap source has no revision input', () => {
    const play = ansible({ source: { configMap: 'playbooks' }, playbook: 'site.yml' });
    task('site', play);
    // @ts-expect-error: no revision without a git source
    task('site', play, { args: { revision: 'v2' } });
  });

  it('options', () => {
    // @ts-expect-error: an option that does not exist
    ansible({ source: { configMap: 'p' }, playbook: 'site.yml', vaultPassword: 'x' });
    // @ts-expect-error: playbook is required
    ansible({ source: { configMap: 'p' } });
    // @ts-expect-error: a runtime variable name is a string
    ansible({ source: { configMap: 'p' }, playbook: 'site.yml', runtimeVars: [1] });
  });
});

describe('ansibleClusters', () => {
  const clusters = [{ name: 'eu', kubeconfigSecret: { name: 'kubeconfigs', key: 'eu' } }] as const;

  it('runtime variables are inputs; results is its output', () => {
    const t = ansibleClusters({ source: repo, playbook: 'site.yml', runtimeVars: ['version'], clusters });
    const run = task('clusters', t, { args: { version: '1.2', revision: 'main' } });
    expectTypeOf(run.outputs.parameters.results).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: the output is 'results'
    void run.outputs.parameters.result;
    // @ts-expect-error: 'version' is required
    task('clusters', t, { args: { revision: 'main' } });
    // @ts-expect-error: no input 'cluster' (it is an extra variable set per cluster)
    task('clusters', t, { args: { version: '1.2', cluster: 'eu' } });
  });

  it('options', () => {
    // @ts-expect-error: each cluster runs on localhost: no inventory
    ansibleClusters({ source: { configMap: 'p' }, playbook: 'site.yml', clusters, inventory: 'hosts' });
    // @ts-expect-error: clusters is required
    ansibleClusters({ source: { configMap: 'p' }, playbook: 'site.yml' });
    // @ts-expect-error: a misspelt field of a cluster
    ansibleClusters({ source: { configMap: 'p' }, playbook: 's.yml', clusters: [{ name: 'eu', kubeconfig: 'x' }] });
  });
});

describe('fail', () => {
  it('takes no arguments and has no outputs', () => {
    const stop = task('stop', fail({ name: 'stop', message: 'rolled back' }));
    // @ts-expect-error: fail has no outputs
    void stop.outputs.parameters.message;
    // @ts-expect-error: fail has no inputs
    task('stop', fail({ name: 'stop', message: 'rolled back' }), { args: { message: 'x' } });
  });

  it('options', () => {
    // @ts-expect-error: an option that does not exist
    fail({ name: 'stop', message: 'x', exitCode: 2 });
    // @ts-expect-error: message is required
    fail({ name: 'stop' });
  });
});

describe('kubectl', () => {
  it('setImage needs its image input', () => {
    task('set', kubectl.setImage({ workload: web }), { args: { image: 'r.example/web@sha256:1' } });
    // @ts-expect-error: setImage's image input is required
    task('set', kubectl.setImage({ workload: web }), { args: {} });
    // @ts-expect-error: the input is 'image'
    task('set', kubectl.setImage({ workload: web }), { args: { images: 'r.example/web:1' } });
    // @ts-expect-error: setImage has no outputs
    void task('set', kubectl.setImage({ workload: web }), { args: { image: 'x' } }).outputs.parameters.image;
    // @ts-expect-error: an option that does not exist
    kubectl.setImage({ workload: web, containers: 'web' });
    // @ts-expect-error: workload is required
    kubectl.setImage({ container: 'web' });
  });

  it('rolloutStatus takes no arguments', () => {
    task('status', kubectl.rolloutStatus({ workload: web, timeout: '2m' }));
    // @ts-expect-error: rolloutStatus has no inputs
    task('status', kubectl.rolloutStatus({ workload: web }), { args: { timeout: '2m' } });
    // @ts-expect-error: an option that does not exist
    kubectl.rolloutStatus({ workload: web, wait: '2m' });
    // @ts-expect-error: a workload names its namespace
    kubectl.rolloutStatus({ workload: { name: 'web' } });
  });

  it('rolloutUndo takes an optional number, revision', () => {
    task('undo', kubectl.rolloutUndo({ workload: web }));
    task('undo', kubectl.rolloutUndo({ workload: web }), { args: { revision: 3 } });
    // @ts-expect-error: the input is 'revision', the option is 'toRevision'
    task('undo', kubectl.rolloutUndo({ workload: web }), { args: { toRevision: 3 } });
    // @ts-expect-error: an option that does not exist
    kubectl.rolloutUndo({ workload: web, revision: 3 });
    // @ts-expect-error: workload is required
    kubectl.rolloutUndo({ toRevision: 3 });
  });

  it('scale takes replicas; a DaemonSet cannot be scaled', () => {
    task('scale', kubectl.scale({ workload: web }), { args: { replicas: 4 } });
    // @ts-expect-error: the input is 'replicas'
    task('scale', kubectl.scale({ workload: web }), { args: { replica: 4 } });
    // @ts-expect-error: a DaemonSet runs one pod per node
    kubectl.scale({ workload: { ...web, kind: 'DaemonSet' } });
    // @ts-expect-error: workload is required
    kubectl.scale({ replicas: 2 });
  });

  it('currentImage outputs image', () => {
    const current = task('read', kubectl.currentImage({ workload: web }));
    expectTypeOf(current.outputs.parameters.image).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: the output is 'image'
    void current.outputs.parameters.digest;
    // @ts-expect-error: currentImage has no inputs
    task('read', kubectl.currentImage({ workload: web }), { args: { container: 'web' } });
    // @ts-expect-error: workload is required
    kubectl.currentImage({ container: 'web' });
  });

  it('apply: manifests is optional with a git source, required with an artifact one', () => {
    const fromGit = kubectl.apply({ namespace: 'burger-prod', source: repo });
    task('apply', fromGit);
    task('apply', fromGit, { args: { manifests: { s3: { key: 'manifests.tgz' } } } });
    const fromArtifact = kubectl.apply({ namespace: 'burger-prod', source: { artifact: true } });
    task('apply', fromArtifact, { args: { manifests: { s3: { key: 'manifests.tgz' } } } });
    // @ts-expect-error: manifests must be passed to an artifact source
    task('apply', fromArtifact, { args: {} });
    // @ts-expect-error: and a call without options is refused as well
    task('apply', fromArtifact);
    // @ts-expect-error: the input is 'manifests'
    task('apply', fromArtifact, { args: { manifest: { s3: { key: 'manifests.tgz' } } } });
    // @ts-expect-error: apply has no outputs
    void task('apply', fromGit).outputs.parameters.applied;
    // @ts-expect-error: an option that does not exist
    kubectl.apply({ namespace: 'burger-prod', source: repo, prune: true });
    // @ts-expect-error: namespace is required
    kubectl.apply({ source: repo });
  });

  it('partition takes partition; releaseStuckPods and daemonSetUpdate take no arguments', () => {
    const db = { name: 'database', namespace: 'burger-prod' };
    task('partition', kubectl.partition({ statefulSet: db }), { args: { partition: 2 } });
    // @ts-expect-error: the input is 'partition'
    task('partition', kubectl.partition({ statefulSet: db }), { args: { partitions: 2 } });
    // @ts-expect-error: statefulSet is required
    kubectl.partition({ partition: 2 });
    task('release', kubectl.releaseStuckPods({ statefulSet: db }));
    // @ts-expect-error: releaseStuckPods has no inputs
    task('release', kubectl.releaseStuckPods({ statefulSet: db }), { args: { timeout: '1m' } });
    // @ts-expect-error: an option that does not exist
    kubectl.releaseStuckPods({ statefulSet: db, force: true });
    task('update', kubectl.daemonSetUpdate({ daemonSet: db, maxSurge: 1 }));
    // @ts-expect-error: daemonSetUpdate has no inputs
    task('update', kubectl.daemonSetUpdate({ daemonSet: db }), { args: { maxSurge: 1 } });
    // @ts-expect-error: a misspelt option
    kubectl.daemonSetUpdate({ daemonSet: db, maxSurges: 1 });
    // @ts-expect-error: daemonSet is required
    kubectl.daemonSetUpdate({ maxSurge: 1 });
  });
});

describe('perfCheck', () => {
  const check = perfCheck({ target: { url: 'https://burger.example' }, thresholds: { p95Ms: 300 } });

  it('verdict, metrics, p95 and error-rate outputs; url and duration inputs', () => {
    const gate = task('gate', check, { args: { duration: '30s', url: 'https://burger.example/menu' } });
    expectTypeOf(gate.outputs.parameters.p95).toEqualTypeOf<Ref<number>>();
    expectTypeOf(gate.outputs.parameters['error-rate']).toEqualTypeOf<Ref<number>>();
    expectTypeOf(gate.outputs.parameters.verdict).toEqualTypeOf<Ref<string>>();
    expectTypeOf(gate.outputs.parameters.metrics).toEqualTypeOf<Ref<string>>();
    // @ts-expect-error: no output 'latency'
    void gate.outputs.parameters.latency;
    // @ts-expect-error: no input 'vus' (it is an option)
    task('gate', check, { args: { vus: 20 } });
  });

  it('options', () => {
    // @ts-expect-error: a misspelt threshold
    perfCheck({ target: { url: 'https://burger.example' }, thresholds: { p95: 300 } });
    // @ts-expect-error: thresholds is required
    perfCheck({ target: { url: 'https://burger.example' } });
    // @ts-expect-error: a mode is 'gate' or 'report'
    perfCheck({ target: { url: 'https://burger.example' }, thresholds: { p95Ms: 300 }, mode: 'warn' });
    // @ts-expect-error: a Service target names its namespace
    perfCheck({ target: { service: { name: 'web' } }, thresholds: { p95Ms: 300 } });
  });
});

describe('webhook', () => {
  it('the body is required; no outputs', () => {
    const notify = task('notify', webhook({ url: 'https://example.com/h' }), { args: { body: '{}' } });
    // @ts-expect-error: body is required
    task('silent', webhook({ url: 'https://example.com/h' }), { args: {} });
    // @ts-expect-error: the input is 'body'
    task('notify', webhook({ url: 'https://example.com/h' }), { args: { payload: '{}' } });
    // @ts-expect-error: webhook has no outputs
    void notify.outputs.parameters.status;
    dag('main', [notify]);
  });

  it('options', () => {
    // @ts-expect-error: an option that does not exist
    webhook({ url: 'https://example.com/h', method: 'PUT' });
    // @ts-expect-error: url is required
    webhook({ timeoutSeconds: 10 });
  });
});

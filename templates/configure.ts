import { param, workflowParams, workflowTemplate } from '@argo-gen/dsl';
import { ansible, ansibleClusters } from '@argo-gen/steps';

/**
 * Configures a Burger Stack namespace with Ansible: the application's environment variables (ConfigMaps), its
 * Secrets (from Ansible Vault) and its NetworkPolicies. The playbook drives the Kubernetes API from the pod
 * (kubernetes.core), so it runs against localhost with the `burger-configure` ServiceAccount.
 */
const playbook = {
  source: { git: { url: 'https://github.com/burger-stack/burger-ops.git', revision: 'main' } },
  playbook: 'configure.yml',
  runtimeVars: ['namespace'],
  extraVars: { app: 'burger-stack' },
  tags: ['env', 'secrets', 'network-policies'],
  vaultPasswordSecret: { name: 'burger-vault', key: 'password' },
  secrets: [{ env: 'DB_PASSWORD', secret: 'burger-database', key: 'password' }],
  env: { ANSIBLE_FORCE_COLOR: 'false' },
  serviceAccountName: 'burger-configure',
} as const;

/**
 * What configure.yml does through kubernetes.core's `k8s` module (state: present: read, then create or patch), in
 * either namespace the `namespace` parameter allows; `rbac()` grants `burger-configure` exactly this.
 */
const configured = [
  { apiGroup: '', resource: 'configmaps' },
  { apiGroup: '', resource: 'secrets' },
  { apiGroup: 'networking.k8s.io', resource: 'networkpolicies' },
] as const;
const access = ['burger-staging', 'burger-prod'].flatMap((namespace) =>
  configured.map((r) => ({ ...r, verbs: ['get', 'create', 'patch'] as const, namespace })),
);

export const configureNamespace = ansible({ name: 'configure', ...playbook, access });

/**
 * The same playbook against the staging and the production cluster in one run, each through its own kubeconfig
 * Secret; `results` says per cluster what changed. Both clusters always run; the step fails afterwards if one failed.
 * The playbook reads the extra variable `cluster` to pick per-cluster values.
 */
export const configureClusters = ansibleClusters({
  name: 'configure-clusters',
  ...playbook,
  clusters: [
    { name: 'staging', kubeconfigSecret: { name: 'burger-kubeconfig-staging', key: 'kubeconfig' } },
    { name: 'production', kubeconfigSecret: { name: 'burger-kubeconfig-production', key: 'kubeconfig' } },
  ],
});

export default workflowTemplate('burger-configure', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  params: workflowParams({ namespace: param.enum(['burger-staging', 'burger-prod'], { default: 'burger-staging' }) }),
  entrypoint: configureNamespace,
  templates: [configureClusters],
  // Argo's executor records outputs with this ServiceAccount's token; the steps' own containers get none.
  spec: { executor: { serviceAccountName: 'burger-executor' } },
});

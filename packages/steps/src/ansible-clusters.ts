import { container, type OutputParamSpec, output, type Template } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import {
  ANSIBLE_USER,
  type AnsibleInputs,
  type AnsibleOptions,
  type PlaybookConfigMapSource,
  type PlaybookGitSource,
  type PlaybookSource,
  prepareAnsible,
  WORK,
  withAnsibleInputs,
} from './ansible.js';
import { images } from './images.js';
import { optionError, parseOptions } from './internal/options.js';
import { restricted } from './internal/pod-security.js';
import { matching, secretKey } from './internal/schemas.js';

/** `results`: `{"<cluster>": {"changed": n, "failed": n, "ok": n}, …}` from each run's PLAY RECAP. */
export type AnsibleClustersOutputs = { readonly results: OutputParamSpec };

const clusterName = matching(
  /^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$/,
  'must be lower-case letters, digits and -, at most 42 characters',
);
const cluster = z.strictObject({
  /** Lower-case letters, digits and `-`; passed to the playbook as the extra variable `cluster`. */
  name: clusterName,
  /** The kubeconfig, mounted read-only from this Secret key; never inline. */
  kubeconfigSecret: secretKey,
});
/** The clusters, configured one after another in one pod; every one runs even when an earlier one fails. */
const clusters = z.readonly(z.array(cluster).check(z.minLength(1), z.maxLength(20)));

/** One target cluster: a short name (the key in the results) and the Secret key holding its kubeconfig. */
export type AnsibleCluster = z.input<typeof cluster>;

/** Options of `ansibleClusters`: those of `ansible` but `inventory` (each cluster runs on localhost), and `clusters`. */
export type AnsibleClustersOptions<V extends string = never, S extends PlaybookSource = PlaybookSource> = Omit<
  AnsibleOptions<V, S>,
  'inventory'
> & {
  /** The clusters, configured one after another in one pod; every one runs even when an earlier one fails. */
  readonly clusters: z.input<typeof clusters>;
};

const KUBECONFIGS = '/etc/kubeconfigs';
const RESULTS = '/tmp/results.json';

/**
 * The per-cluster loop. Each run's PLAY RECAP lines (one per host) are summed with awk; `unreachable` counts as
 * failed, and a run that ends non-zero without a failed task (a syntax error, a missing collection) counts one
 * failure, so that no cluster reports success it did not have. The step fails at the end if any cluster failed.
 */
const SCRIPT = [
  'set -u',
  'any=0; sep=""; printf "{" > RESULTS',
  'for c in $CLUSTERS; do',
  '  echo "=== cluster $c"',
  '  KUBECONFIG="KUBECONFIGS/$c/config" K8S_AUTH_KUBECONFIG="KUBECONFIGS/$c/config" \\',
  '    ansible-playbook "$@" --extra-vars="{\\"cluster\\": \\"$c\\"}" > "/tmp/$c.log" 2>&1',
  '  rc=$?; cat "/tmp/$c.log"',
  '  counts=$(awk \'/ : ok=/ { for (i = 1; i <= NF; i++) { split($i, kv, "=");',
  '    if (kv[1] == "ok") o += kv[2]; if (kv[1] == "changed") ch += kv[2];',
  '    if (kv[1] == "failed" || kv[1] == "unreachable") f += kv[2] } }',
  '    END { printf "%d %d %d", ch, f, o }\' "/tmp/$c.log")',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion, not a JS template
  '  ch=${counts%% *}; rest=${counts#* }; f=${rest%% *}; o=${rest#* }',
  '  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi',
  '  if [ "$f" -ne 0 ]; then any=1; fi',
  '  printf \'%s"%s":{"changed":%d,"failed":%d,"ok":%d}\' "$sep" "$c" "$ch" "$f" "$o" >> RESULTS; sep=","',
  'done',
  'printf "}\\n" >> RESULTS; cat RESULTS',
  'exit "$any"',
]
  .join('\n')
  .replaceAll('RESULTS', RESULTS)
  .replaceAll('KUBECONFIGS', KUBECONFIGS);

/**
 * Runs one Ansible playbook against several clusters in one pod, one kubeconfig per cluster from Secrets, and
 * reports per cluster what changed (`results` output). A failing cluster does not stop the others: all run, the
 * results are collected, then the step fails if any cluster failed.
 * @see https://docs.ansible.com/ansible/latest/collections/kubernetes/core/docsite/kubernetes_scenarios/k8s_intro.html
 */
export function ansibleClusters<const V extends string = never>(
  options: AnsibleClustersOptions<V, PlaybookGitSource>,
): Template<AnsibleInputs<V, PlaybookGitSource>, AnsibleClustersOutputs>;
export function ansibleClusters<const V extends string = never>(
  options: AnsibleClustersOptions<V, PlaybookConfigMapSource>,
): Template<AnsibleInputs<V, PlaybookConfigMapSource>, AnsibleClustersOutputs>;
export function ansibleClusters<const V extends string = never>(
  options: AnsibleClustersOptions<V>,
): Template<AnsibleInputs<V, PlaybookSource>, AnsibleClustersOutputs>;
export function ansibleClusters<V extends string>(
  options: AnsibleClustersOptions<V>,
): Template<AnsibleInputs<V, PlaybookSource>, AnsibleClustersOutputs> {
  const subject = "step 'ansible-clusters'";
  // Undefined options (from JavaScript) fail here: clusters is required.
  const targets = parseOptions(subject, z.strictObject({ clusters }), { clusters: options?.clusters });
  const names = targets.clusters.map((c) => c.name);
  const dup = names.find((n, k) => names.indexOf(n) !== k);
  if (dup) throw optionError(subject, `clusters has '${dup}' twice; each cluster is configured once per run`);
  const { clusters: _, ...rest } = options;
  if ('inventory' in rest) throw optionError(subject, "unknown option 'inventory' (each cluster runs on localhost)");
  const p = prepareAnsible(subject, rest);
  const { o, args, env, volumes, mounts, prelude } = p;
  const kubeconfigs = targets.clusters.map((c) => ({
    volume: {
      name: `kubeconfig-${c.name}`,
      secret: { secretName: c.kubeconfigSecret.name, items: [{ key: c.kubeconfigSecret.key, path: 'config' }] },
    },
    mount: { name: `kubeconfig-${c.name}`, mountPath: `${KUBECONFIGS}/${c.name}`, readOnly: true },
  }));
  return withAnsibleInputs(p, (i) =>
    container(
      o.name ?? 'ansible-clusters',
      {
        image: o.image ?? images.ansible,
        command: ['sh', '-c', prelude ? `${prelude}\n${SCRIPT}` : SCRIPT, 'ansible-clusters', ...args],
        securityContext: restricted(ANSIBLE_USER),
        workingDir: WORK,
        env: [...env, { name: 'CLUSTERS', value: names.join(' ') }],
        volumeMounts: [...mounts, ...kubeconfigs.map((k) => k.mount)],
      },
      {
        inputs: i,
        outputs: {
          results: output.path(RESULTS, { default: '{}', description: 'Per cluster: {changed, failed, ok}' }),
        },
        volumes: [...volumes, ...kubeconfigs.map((k) => k.volume)],
        ...(o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {}),
        // The playbook reaches each cluster through its kubeconfig, not through the pod's own account.
        access: o.access ?? [],
      },
    ),
  );
}

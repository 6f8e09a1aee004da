import {
  type ApiAccess,
  type ArtifactSpec,
  artifact,
  container,
  type InputSpecs,
  type Inputs,
  inputs,
  type OutputSpecs,
  type ParamSpec,
  param,
  paramsNamed,
  type Template,
} from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { images } from './images.js';
import { optionError, parseOptions } from './internal/options.js';
import { restricted } from './internal/pod-security.js';
import {
  envName,
  gitSource,
  imageRef,
  k8sName,
  matching,
  nonEmpty,
  SECRET_LIKE,
  secretKey,
  templateName,
} from './internal/schemas.js';

/** For a git source, `revision` and the optional `playbooks` artifact; one required input per runtime variable. */
export type AnsibleInputs<V extends string, S extends PlaybookSource> = (S extends { readonly git: unknown }
  ? { readonly revision: ParamSpec<string, false>; readonly playbooks: ArtifactSpec & { readonly optional: true } }
  : Record<never, never>) & { readonly [K in V]: ParamSpec<string, true> };

const relative = matching(/^[^/]\S*$/, 'must be a path relative to the source');
const tag = matching(/^[\w.-]+$/, 'must be a tag name');
const tags = z.optional(z.readonly(z.array(tag).check(z.minLength(1))));
/** A ConfigMap whose keys are the playbook files, mounted read-only. */
const configMapSource = z.strictObject({ configMap: k8sName });

const schema = z.strictObject({
  /**
   * The template's name; must be unique in the workflow.
   * @default 'ansible'
   */
  name: z.optional(templateName),
  /** Where the playbooks come from: `{ git: { url, revision? } }` (cloned by Argo) or `{ configMap }`. */
  source: z.union([gitSource, configMapSource], { error: 'must be { git: { url, revision? } } or { configMap }' }),
  /**
   * The playbook, relative to the source.
   * @see https://docs.ansible.com/ansible/latest/cli/ansible-playbook.html
   */
  playbook: relative,
  /**
   * The inventory (`-i`): a path relative to the source, or a list of hosts.
   * @default { hosts: ['localhost'] } with a local connection (playbooks that drive the Kubernetes API)
   * @see https://docs.ansible.com/ansible/latest/inventory_guide/intro_inventory.html
   */
  inventory: z.optional(
    z.union([relative, z.strictObject({ hosts: z.readonly(z.array(nonEmpty).check(z.minLength(1))) })]),
  ),
  /**
   * Fixed variables (`--extra-vars` as JSON). Not for secrets: use `secrets`.
   * @default none
   * @see https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_variables.html#defining-variables-at-runtime
   */
  extraVars: z.optional(z.record(envName, z.union([z.string(), z.number(), z.boolean()]))),
  /**
   * Variables set per run: each becomes a required string input of the template and an extra variable of the same
   * name, e.g. `['image', 'environment']`.
   * @default none
   */
  runtimeVars: z.optional(z.readonly(z.array(envName))),
  /**
   * Only run tasks with these tags (`--tags`).
   * @default all tasks
   * @see https://docs.ansible.com/ansible/latest/playbook_guide/playbooks_tags.html
   */
  tags,
  /**
   * Skip tasks with these tags (`--skip-tags`).
   * @default none
   */
  skipTags: tags,
  /**
   * The Ansible Vault password, from a Secret key mounted as a file (`--vault-password-file`). There is no option
   * for an inline password.
   * @default no vault
   * @see https://docs.ansible.com/ansible/latest/vault_guide/vault_using_encrypted_content.html
   */
  vaultPasswordSecret: z.optional(secretKey),
  /**
   * Secret values the playbook reads as environment variables (`lookup('env', 'DB_PASSWORD')`), each from a Secret
   * key; the values never appear in the workflow.
   * @default none
   */
  secrets: z.optional(z.readonly(z.array(z.strictObject({ env: envName, secret: k8sName, key: nonEmpty })))),
  /**
   * Plain environment variables. Names that look like credentials (PASSWORD, TOKEN, SECRET, KEY) are refused: use
   * `secrets`.
   * @default none
   */
  env: z.optional(z.record(envName, z.string())),
  /**
   * The ServiceAccount the pod runs as (playbooks that call the Kubernetes API need one).
   * @default the workflow's service account
   */
  serviceAccountName: z.optional(k8sName),
  /**
   * What the playbook does with the Kubernetes API from the pod (kubernetes.core modules against the in-cluster
   * API), e.g. `{ apiGroup: '', resource: 'configmaps', verbs: ['get', 'create', 'patch'], namespace: 'staging' }`:
   * `rbac()` grants exactly this to `serviceAccountName`. The step cannot read the playbook, so it cannot know.
   * Each rule is checked by the DSL (apiAccess) when the template is made.
   * @default undeclared (`rbac()` refuses the step); `ansibleClusters` defaults to `[]`, as it uses kubeconfigs
   */
  access: z.optional(
    z.readonly(z.array(z.custom<ApiAccess>((v) => typeof v === 'object' && v !== null, 'must be an ApiAccess'))),
  ),
  /**
   * The image; it must provide `ansible-playbook` and the collections your playbook uses.
   * @default images.ansible
   */
  image: z.optional(imageRef),
});

/** Playbooks from a git repository, cloned by Argo as the default of the `playbooks` input artifact. */
export type PlaybookGitSource = z.input<typeof gitSource>;
/** Playbooks from a ConfigMap whose keys are the playbook files, mounted read-only. */
export type PlaybookConfigMapSource = z.input<typeof configMapSource>;
/** Where the playbooks come from. */
export type PlaybookSource = PlaybookGitSource | PlaybookConfigMapSource;

/**
 * Options of `ansible`, from its schema; `V` are the runtime variables' names (each a required input), `S` the kind
 * of source (a git source adds the `revision` and `playbooks` inputs).
 */
export type AnsibleOptions<V extends string = never, S extends PlaybookSource = PlaybookSource> = Omit<
  z.input<typeof schema>,
  'source' | 'runtimeVars'
> & {
  /** Where the playbooks come from: `{ git: { url, revision? } }` (cloned by Argo) or `{ configMap }`. */
  readonly source: S;
  /**
   * Variables set per run: each becomes a required string input of the template and an extra variable of the same
   * name, e.g. `['image', 'environment']`.
   * @default none
   */
  readonly runtimeVars?: readonly V[];
};

export const WORK = '/work';
const EXTRA_VARS_FILE = '/tmp/argo-gen-extra-vars.json';
const FIXED_VARS_ENV = 'ARGO_GEN_EXTRA_VARS';
const RUNTIME_VAR_ENV = 'ARGO_GEN_VAR_';

/**
 * Shell lines that write Ansible's extra variables as a JSON file inside the container: the fixed ones (JSON the step
 * wrote, in ARGO_GEN_EXTRA_VARS) and each runtime variable from its environment variable, encoded by Python's json
 * module (the image's Ansible runs on it). Argo substitutes a parameter into the environment variable only, so no
 * value ever becomes part of this text, the JSON or a command line. Runtime variable names are checked identifiers.
 */
function extraVarsPrelude(runtimeVars: readonly string[]): string {
  const program = [
    'import json, os, sys',
    `v = json.loads(os.environ["${FIXED_VARS_ENV}"])`,
    `v.update({n: os.environ["${RUNTIME_VAR_ENV}" + n] for n in sys.argv[1:]})`,
    `json.dump(v, open("${EXTRA_VARS_FILE}", "w"))`,
  ].join('; ');
  return `python3 -c '${program}' ${runtimeVars.join(' ')} || exit 1`.trimEnd();
}
const VAULT = '/etc/ansible-vault';
/** A non-root user for the ansible image (which defaults to root); Ansible needs only $HOME and /tmp writable. */
export const ANSIBLE_USER = 1000;

/**
 * Runs an Ansible playbook from git or a ConfigMap, with inventory, extra variables, tags, and vault password and
 * secrets taken from Secrets. Typical uses: environment variables, Secrets and NetworkPolicies of an application.
 * One signature per kind of source, as the inputs depend on it.
 * @see https://docs.ansible.com/ansible/latest/cli/ansible-playbook.html
 */
export function ansible<const V extends string = never>(
  options: AnsibleOptions<V, PlaybookGitSource>,
): Template<AnsibleInputs<V, PlaybookGitSource>>;
export function ansible<const V extends string = never>(
  options: AnsibleOptions<V, PlaybookConfigMapSource>,
): Template<AnsibleInputs<V, PlaybookConfigMapSource>>;
export function ansible<const V extends string = never>(
  options: AnsibleOptions<V>,
): Template<AnsibleInputs<V, PlaybookSource>>;
export function ansible<V extends string>(options: AnsibleOptions<V>): Template<AnsibleInputs<V, PlaybookSource>> {
  const p = prepareAnsible("step 'ansible'", options);
  const { o, args, env, volumes, mounts, prelude } = p;
  return withAnsibleInputs(p, (i) =>
    container(
      o.name ?? 'ansible',
      {
        image: o.image ?? images.ansible,
        // With extra variables, a fixed shell line writes their JSON file first; every argument stays "$@".
        ...(prelude
          ? { command: ['sh', '-c', `${prelude}\nexec ansible-playbook "$@"`, 'ansible-playbook'], args }
          : { command: ['ansible-playbook'], args }),
        securityContext: restricted(ANSIBLE_USER),
        workingDir: WORK,
        ...(env.length ? { env } : {}),
        ...(mounts.length ? { volumeMounts: mounts } : {}),
      },
      {
        inputs: i,
        ...(volumes.length ? { volumes } : {}),
        ...(o.serviceAccountName ? { serviceAccountName: o.serviceAccountName } : {}),
        ...(o.access ? { access: o.access } : {}),
      },
    ),
  );
}

/** The runtime variables as input declarations: one required string per name. */
type RuntimeInputs<V extends string> = { readonly [K in V]: ParamSpec<string, true> };

/** @internal The parsed options, the runtime variables' inputs and the pieces of the pod (shared with `ansibleClusters`). */
export interface PreparedAnsible<V extends string> extends ReturnType<typeof podParts> {
  readonly runtime: RuntimeInputs<V>;
}

/**
 * @internal Builds the template with its inputs, `build` being the same for either source: a git source adds
 * `revision` and the `playbooks` artifact (cloned at that revision by default) before the runtime variables. Each
 * branch's result is checked against `AnsibleInputs`, so the inputs cannot drift from the type the factory promises.
 */
export function withAnsibleInputs<V extends string, O extends OutputSpecs>(
  p: PreparedAnsible<V>,
  build: <I extends InputSpecs>(i: Inputs<I>) => Template<I, O>,
): Template<AnsibleInputs<V, PlaybookSource>, O> {
  const git = 'git' in p.o.source ? p.o.source.git : undefined;
  if (git === undefined) {
    const fromConfigMap: Template<AnsibleInputs<V, PlaybookConfigMapSource>, O> = build(inputs(p.runtime));
    return fromConfigMap;
  }
  const revision = param.string({ default: git.revision ?? 'main', description: 'The git revision of the playbooks' });
  // Declared twice: the artifact's default source clones at the `revision` input, so it needs that handle first.
  const pre = inputs({ revision });
  const playbooks = artifact(WORK, { optional: true, from: { git: { repo: git.url, revision: pre.revision } } });
  const fromGit: Template<AnsibleInputs<V, PlaybookGitSource>, O> = build(
    inputs({ revision, playbooks, ...p.runtime }),
  );
  return fromGit;
}

/** @internal Parses and checks the options; the pod's pieces and the runtime variables' inputs. */
export function prepareAnsible<V extends string>(subject: string, options: AnsibleOptions<V>): PreparedAnsible<V> {
  const parts = podParts(subject, options);
  // The names as the caller typed them (parsing checked them), so that the inputs are typed by them.
  const runtime = paramsNamed(options.runtimeVars ?? [], () => param.string());
  return { ...parts, runtime };
}

function podParts(subject: string, options: AnsibleOptions<string>) {
  const o = parseOptions(subject, schema, options);
  for (const name of Object.keys(o.env ?? {})) {
    if (SECRET_LIKE.test(name)) {
      throw optionError(
        subject,
        `env.${name} looks like a credential (got a literal value); pass it with secrets: [{ env: '${name}', secret, key }]`,
      );
    }
  }
  for (const [name, value] of Object.entries(o.extraVars ?? {})) {
    if (SECRET_LIKE.test(name) && typeof value === 'string') {
      throw optionError(
        subject,
        `extraVars.${name} looks like a credential (got a literal value); pass it with secrets: [{ env: '${name.toUpperCase()}', secret, key }] and read it with lookup('env', …)`,
      );
    }
  }
  const clash = (o.runtimeVars ?? []).find((v) => v in (o.extraVars ?? {}) || v === 'revision' || v === 'playbooks');
  if (clash)
    throw optionError(subject, `runtimeVars has '${clash}', which is also a fixed extra variable or a built-in input`);
  // Handles on the runtime variables, for their environment variables (the template declares the same inputs).
  const vars = inputs(paramsNamed(o.runtimeVars ?? [], () => param.string()));
  const inventory =
    o.inventory === undefined
      ? 'localhost,'
      : typeof o.inventory === 'string'
        ? o.inventory
        : `${o.inventory.hosts.join(',')},`;
  const runtimeVars = o.runtimeVars ?? [];
  const hasVars = runtimeVars.length > 0 || Object.keys(o.extraVars ?? {}).length > 0;
  const args = [
    `--inventory=${inventory}`,
    ...(o.inventory === undefined ? ['--connection=local'] : []),
    ...(hasVars ? [`--extra-vars=@${EXTRA_VARS_FILE}`] : []),
    ...(o.tags ? [`--tags=${o.tags.join(',')}`] : []),
    ...(o.skipTags ? [`--skip-tags=${o.skipTags.join(',')}`] : []),
    ...(o.vaultPasswordSecret ? [`--vault-password-file=${VAULT}/${o.vaultPasswordSecret.key}`] : []),
    o.playbook,
  ];
  const env = [
    // The image runs as a non-root user without a home directory of its own; Ansible keeps its temp files in $HOME.
    { name: 'HOME', value: '/tmp' },
    ...(hasVars ? [{ name: FIXED_VARS_ENV, value: JSON.stringify(o.extraVars ?? {}) }] : []),
    // Each runtime variable's value arrives as data in an environment variable, never inside the JSON text.
    ...runtimeVars.map((v) => ({ name: `${RUNTIME_VAR_ENV}${v}`, value: vars[v] })),
    ...Object.entries(o.env ?? {}).map(([name, value]) => ({ name, value })),
    ...(o.secrets ?? []).map((s) => ({ name: s.env, valueFrom: { secretKeyRef: { name: s.secret, key: s.key } } })),
  ];
  const volumes = [
    ...('configMap' in o.source ? [{ name: 'playbooks', configMap: { name: o.source.configMap } }] : []),
    ...(o.vaultPasswordSecret
      ? [
          {
            name: 'vault-password',
            secret: {
              secretName: o.vaultPasswordSecret.name,
              items: [{ key: o.vaultPasswordSecret.key, path: o.vaultPasswordSecret.key }],
            },
          },
        ]
      : []),
  ];
  const mounts = [
    ...('configMap' in o.source ? [{ name: 'playbooks', mountPath: WORK, readOnly: true }] : []),
    ...(o.vaultPasswordSecret ? [{ name: 'vault-password', mountPath: VAULT, readOnly: true }] : []),
  ];
  return { o, args, env, volumes, mounts, prelude: hasVars ? extraVarsPrelude(runtimeVars) : '' };
}

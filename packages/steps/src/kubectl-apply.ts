import {
  type ApiAccess,
  type ArtifactSpec,
  artifact,
  type InputSpecs,
  type Inputs,
  inputs,
  type Template,
} from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { commonFields, kubectlTemplate, ns } from './internal/kubectl-template.js';
import { parseOptions } from './internal/options.js';
import { gitSource, matching, namespace } from './internal/schemas.js';

/** Manifests from whatever artifact the caller passes as `manifests`. */
const artifactSource = z.strictObject({ artifact: z.literal(true) });

const schema = z.strictObject({
  ...commonFields,
  /** The namespace to apply into (`--namespace`); objects that name another namespace are refused by kubectl. */
  namespace,
  /**
   * Where the manifests come from: a git repository (cloned by Argo as the default of the `manifests` input
   * artifact), or whatever artifact the caller passes as `manifests`.
   */
  source: z.union([gitSource, artifactSource], { error: 'must be { git: { url, revision? } } or { artifact: true }' }),
  /**
   * A file or directory inside the source (`-f`); directories are applied recursively.
   * @default '.'
   * @see https://kubernetes.io/docs/reference/kubectl/generated/kubectl_apply/
   */
  path: z.optional(matching(/^[^/]\S*$/, 'must be a relative path inside the source')),
  /**
   * Server-side apply (`--server-side --field-manager=argo-gen`).
   * @default false
   * @see https://kubernetes.io/docs/reference/using-api/server-side-apply/
   */
  serverSide: z.optional(z.boolean()),
  /**
   * The kinds the manifests hold, as API group and plural (`{ apiGroup: 'apps', resource: 'deployments' }`): the
   * step's Role gets `get`, `create` and `patch` on them in `namespace`, which is what `kubectl apply` uses.
   * @default undeclared: `rbac()` then refuses the step, as it cannot know what the manifests touch
   */
  resources: z.optional(
    z.readonly(
      z.array(z.strictObject({ apiGroup: z.string(), resource: matching(/^[a-z0-9]+$/, 'must be a plural') })),
    ),
  ),
});

/** Manifests cloned by Argo from a git repository, as the default of the `manifests` input artifact. */
export type ApplyGitSource = z.input<typeof gitSource>;
/** Manifests from whatever artifact the caller passes as `manifests`. */
export type ApplyArtifactSource = z.input<typeof artifactSource>;
export type ApplySource = ApplyGitSource | ApplyArtifactSource;

/** Options of `kubectl.apply`; `S` is the kind of source, which decides whether `manifests` must be passed. */
export type ApplyOptions<S extends ApplySource = ApplySource> = Omit<z.input<typeof schema>, 'source'> & {
  readonly source: S;
};

/** The `manifests` input: optional when a git source provides its default, required otherwise. */
export type ApplyInputs<S extends ApplySource> = {
  readonly manifests: S extends { readonly git: unknown } ? ArtifactSpec & { readonly optional: true } : ArtifactSpec;
};

/**
 * `kubectl apply -f <path> --recursive` from the `manifests` input artifact: one signature per source, as the
 * `manifests` input is optional when a git source provides its default.
 */
export interface KubectlApply {
  (options: ApplyOptions<ApplyGitSource>): Template<ApplyInputs<ApplyGitSource>>;
  (options: ApplyOptions<ApplyArtifactSource>): Template<ApplyInputs<ApplyArtifactSource>>;
  (options: ApplyOptions): Template<ApplyInputs<ApplySource>>;
}

// The signatures of KubectlApply (the assignment below checks them). Each source is built by its own function whose
// return type is checked, so the inputs cannot drift from what the signature promises.
function apply(options: ApplyOptions<ApplyGitSource>): Template<ApplyInputs<ApplyGitSource>>;
function apply(options: ApplyOptions<ApplyArtifactSource>): Template<ApplyInputs<ApplyArtifactSource>>;
function apply(options: ApplyOptions): Template<ApplyInputs<ApplySource>>;
function apply(options: ApplyOptions): Template<ApplyInputs<ApplySource>> {
  const o = parseOptions("step 'kubectl.apply'", schema, options);
  return 'git' in o.source ? fromGit(o, o.source.git) : fromArtifact(o);
}

export const applyStep: KubectlApply = apply;

type Parsed = z.output<typeof schema>;

function fromGit(o: Parsed, git: { url: string; revision?: string }): Template<ApplyInputs<ApplyGitSource>> {
  const from = { git: { repo: git.url, revision: git.revision ?? 'HEAD' } };
  return applyTemplate(o, inputs({ manifests: artifact('/manifests', { from, optional: true }) }));
}

function fromArtifact(o: Parsed): Template<ApplyInputs<ApplyArtifactSource>> {
  return applyTemplate(o, inputs({ manifests: artifact('/manifests') }));
}

function applyTemplate<I extends InputSpecs>(o: Parsed, i: Inputs<I>): Template<I> {
  const args = [
    'apply',
    ns(o.namespace),
    '--recursive',
    `--filename=/manifests/${o.path ?? '.'}`,
    ...(o.serverSide ? ['--server-side', '--field-manager=argo-gen'] : []),
  ];
  const access = o.resources?.map(
    (r): ApiAccess => ({ ...r, verbs: ['get', 'create', 'patch'], namespace: o.namespace }),
  );
  return kubectlTemplate('apply', o, o.namespace, args, { inputs: i, ...(access ? { access } : {}) });
}

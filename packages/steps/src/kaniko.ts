import {
  type ArtifactSpec,
  artifact,
  container,
  inputs as declareInputs,
  type Inputs,
  type OutputParamSpec,
  output,
  type ParamSpec,
  param,
  type Template,
} from '@argo-gen/dsl';
import { securityException } from '@argo-gen/model';
import * as z from 'zod/mini';
import { images } from './images.js';
import { optionError, parseOptions } from './internal/options.js';
import { noApiToken } from './internal/pod-security.js';
import {
  duration,
  httpsUrl,
  imageRef,
  k8sName,
  matching,
  nonEmpty,
  SECRET_LIKE,
  templateName,
} from './internal/schemas.js';

const repository = matching(
  /^[a-z0-9][\w.-]*(:\d+)?(\/[a-z0-9][\w.-]*)*$/,
  "must be a repository without tag or digest, e.g. 'registry.example.com/burger/web'; the tag comes from the 'tag' input",
);

const absolutePath = matching(/^\/\S*$/, 'must be an absolute path');

const gitContext = z.strictObject({
  /**
   * The repository, over HTTPS, e.g. `https://github.com/burger/stack.git`.
   * @see https://github.com/GoogleContainerTools/kaniko#kaniko-build-contexts
   */
  url: httpsUrl,
  /**
   * The ref to build, as the default of the template's `revision` input: `refs/heads/<branch>`,
   * `refs/tags/<tag>`, or `refs/heads/<branch>#<commit>` for one commit of a branch.
   * @default 'refs/heads/main'
   */
  revision: z.optional(matching(/^refs\/\S+$/, "must be a ref such as 'refs/heads/main'")),
  /**
   * A Secret with `username` and `password` keys, for private repositories (kaniko reads `GIT_USERNAME` and
   * `GIT_PASSWORD`).
   * @default no credentials (a public repository)
   */
  credentialsSecret: z.optional(k8sName),
});

const artifactContext = z.strictObject({
  /**
   * Where the artifact is unpacked.
   * @default '/workspace'
   */
  path: z.optional(absolutePath),
});

const schema = z.strictObject({
  /**
   * The template's name; must be unique in the workflow (one per image you build).
   * @default 'kaniko'
   */
  name: z.optional(templateName),
  /**
   * Where the sources come from: `{ git }`, `{ dir }` or `{ artifact }`.
   * @see https://github.com/GoogleContainerTools/kaniko#kaniko-build-contexts
   */
  context: z
    .strictObject({ git: z.optional(gitContext), dir: z.optional(absolutePath), artifact: z.optional(artifactContext) })
    .check(z.refine((c) => Object.keys(c).length === 1, 'must set exactly one of git, dir or artifact')),
  /**
   * A sub-directory of the context to build from (`--context-sub-path`), e.g. `frontend`.
   * @default the context's root
   * @see https://github.com/GoogleContainerTools/kaniko#flag---context-sub-path
   */
  subPath: z.optional(nonEmpty),
  /**
   * The Dockerfile, relative to the context (`--dockerfile`).
   * @default 'Dockerfile'
   * @see https://github.com/GoogleContainerTools/kaniko#flag---dockerfile
   */
  dockerfile: z.optional(nonEmpty),
  /**
   * The stage of a multi-stage Dockerfile to build (`--target`).
   * @default the last stage
   * @see https://github.com/GoogleContainerTools/kaniko#flag---target
   */
  target: z.optional(nonEmpty),
  /**
   * Repositories to push to, without a tag: the tag comes from the template's `tag` input
   * (`--destination=<repository>:<tag>`). The first one is the image the `image` output names.
   * @see https://github.com/GoogleContainerTools/kaniko#flag---destination
   */
  destinations: z.readonly(z.array(repository).check(z.minLength(1))),
  /**
   * The default of the template's `tag` input.
   * @default 'latest'
   */
  tag: z.optional(matching(/^[\w][\w.-]{0,127}$/, 'must be a valid image tag')),
  /**
   * Build arguments (`--build-arg=KEY=VALUE`), in the order given. Not for secrets: build args end up in the image
   * history.
   * @default none
   * @see https://github.com/GoogleContainerTools/kaniko#flag---build-arg
   */
  buildArgs: z.optional(z.record(matching(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a build argument name'), z.string())),
  /**
   * Layer cache in a registry repository (`--cache=true --cache-repo`), with an optional time to live.
   * @default no cache
   * @see https://github.com/GoogleContainerTools/kaniko#caching
   */
  cache: z.optional(z.strictObject({ repo: repository, ttl: z.optional(duration) })),
  /**
   * A Secret of type `kubernetes.io/dockerconfigjson` with the registry credentials; mounted read-only as
   * `/kaniko/.docker/config.json`.
   * @default none (anonymous push, e.g. to an in-cluster registry)
   * @see https://github.com/GoogleContainerTools/kaniko#pushing-to-different-registries
   */
  registrySecret: z.optional(k8sName),
  /**
   * The executor image.
   * @default images.kaniko
   */
  image: z.optional(imageRef),
  /**
   * The ServiceAccount whose token only Argo's executor gets (it records outputs; it needs `workflowtaskresults`
   * create and patch). This step never calls the Kubernetes API, so its own container gets no token
   * (`automountServiceAccountToken: false`); Argo then requires an executor ServiceAccount, here or in the
   * workflow's `spec.executor`.
   * @default the workflow's `spec.executor.serviceAccountName`
   */
  executorServiceAccountName: z.optional(k8sName),
});

/** Build from a git repository; kaniko clones it itself. */
export interface KanikoGitContext {
  readonly git: z.input<typeof gitContext>;
}

/** Build from a directory already in the pod (a volume the caller mounts through `podSpecPatch`, for example). */
export interface KanikoDirContext {
  /** An absolute path in the container. */
  readonly dir: string;
}

/** Build from an input artifact named `source` that the caller passes (for example the output of a checkout task). */
export interface KanikoArtifactContext {
  readonly artifact: z.input<typeof artifactContext>;
}

export type KanikoContext = KanikoGitContext | KanikoDirContext | KanikoArtifactContext;

/** Options of `kaniko`, from its schema; `C` is the kind of context, which decides the template's inputs. */
export type KanikoOptions<C extends KanikoContext = KanikoContext> = Omit<z.input<typeof schema>, 'context'> & {
  /**
   * Where the sources come from: `{ git }`, `{ dir }` or `{ artifact }`.
   * @see https://github.com/GoogleContainerTools/kaniko#kaniko-build-contexts
   */
  readonly context: C;
};

type TagInput = { readonly tag: ParamSpec<string, false> };
/** Inputs of the kaniko template: `tag` always; `revision` for a git context; the `source` artifact for an artifact one. */
export type KanikoInputs<C extends KanikoContext> = C extends KanikoGitContext
  ? TagInput & { readonly revision: ParamSpec<string, false> }
  : C extends KanikoArtifactContext
    ? TagInput & { readonly source: ArtifactSpec }
    : TagInput;

/** `digest` (`sha256:…`, from `--digest-file`) and `image` (`<first destination>@<digest>`). */
export type KanikoOutputs = { readonly digest: OutputParamSpec; readonly image: OutputParamSpec };

const DOCKER_CONFIG = '/kaniko/.docker';

/**
 * kaniko unpacks the base image and runs the Dockerfile's RUN steps as root inside its own container (it chowns
 * files to the image's users and writes the whole root file system), so it cannot meet the "restricted" Pod Security
 * level. It is confined as far as it can be: no privilege escalation, every capability dropped except the file
 * ownership and identity ones it uses to unpack layers (all within the "baseline" set), the default seccomp profile,
 * no API token. Run it in a namespace whose Pod Security is "baseline" (`pod-security.kubernetes.io/enforce: baseline`),
 * apart from the namespaces that run the other steps under "restricted".
 */
const KANIKO_SECURITY_CONTEXT = {
  runAsUser: 0,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'], add: ['CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'SETGID', 'SETUID', 'SETFCAP'] },
  seccompProfile: { type: 'RuntimeDefault' },
} as const;

/** The two restricted-level rules kaniko cannot meet, each with its reason, shown in the YAML for review. */
const KANIKO_EXCEPTIONS = {
  ...securityException(
    'run-as-root',
    'kaniko builds the image file system as root inside its container; no privilege escalation, run it in a baseline namespace',
  ),
  ...securityException(
    'capabilities',
    'kaniko needs CHOWN, DAC_OVERRIDE, FOWNER, FSETID, SETGID, SETUID and SETFCAP to unpack layers with their owners; all others are dropped',
  ),
};

/**
 * Builds an image with kaniko and pushes it to every destination, with no Docker daemon and no privileged mode.
 * Outputs `digest` and `image` (`repository@digest`, ready for `kubectl set image`). One signature per kind of
 * context, as the inputs depend on it; each kind is built by its own function whose return type is checked.
 * @see https://github.com/GoogleContainerTools/kaniko
 */
export function kaniko(
  options: KanikoOptions<KanikoGitContext>,
): Template<KanikoInputs<KanikoGitContext>, KanikoOutputs>;
export function kaniko(
  options: KanikoOptions<KanikoArtifactContext>,
): Template<KanikoInputs<KanikoArtifactContext>, KanikoOutputs>;
export function kaniko(
  options: KanikoOptions<KanikoDirContext>,
): Template<KanikoInputs<KanikoDirContext>, KanikoOutputs>;
export function kaniko(options: KanikoOptions): Template<KanikoInputs<KanikoContext>, KanikoOutputs>;
export function kaniko(options: KanikoOptions): Template<KanikoInputs<KanikoContext>, KanikoOutputs> {
  const o = parseOptions("step 'kaniko'", schema, options);
  for (const name of Object.keys(o.buildArgs ?? {}))
    if (SECRET_LIKE.test(name))
      throw optionError(
        "step 'kaniko'",
        `buildArgs.${name} looks like a credential (got a literal value); build args are stored in the image history: mount a build secret instead`,
      );
  const { git, artifact: fromArtifact } = o.context;
  if (git) return fromGit(o, git);
  if (fromArtifact) return fromArtifactContext(o, fromArtifact.path ?? '/workspace');
  return fromDir(o, o.context.dir ?? '/workspace');
}

type Parsed = z.output<typeof schema>;

function tagInput(o: Parsed) {
  return param.string({ default: o.tag ?? 'latest', description: 'The tag pushed to every destination' });
}

function fromGit(
  o: Parsed,
  git: NonNullable<Parsed['context']['git']>,
): Template<KanikoInputs<KanikoGitContext>, KanikoOutputs> {
  const revision = param.string({
    default: git.revision ?? 'refs/heads/main',
    description: 'The git ref to build (refs/heads/<branch>, refs/tags/<tag>, or refs/heads/<branch>#<commit>)',
  });
  const i = declareInputs({ tag: tagInput(o), revision });
  return kanikoTemplate(o, i, `git://${git.url.replace(/^https:\/\//, '')}#${i.revision}`);
}

function fromArtifactContext(o: Parsed, path: string): Template<KanikoInputs<KanikoArtifactContext>, KanikoOutputs> {
  const i = declareInputs({ tag: tagInput(o), source: artifact(path, { description: 'The build context' }) });
  return kanikoTemplate(o, i, `dir://${path}`);
}

function fromDir(o: Parsed, dir: string): Template<KanikoInputs<KanikoDirContext>, KanikoOutputs> {
  return kanikoTemplate(o, declareInputs({ tag: tagInput(o) }), `dir://${dir}`);
}

/** The kaniko container for any context: `context` is kaniko's `--context`, `i.tag` the tag pushed. */
function kanikoTemplate<I extends TagInput>(o: Parsed, i: Inputs<I>, context: string): Template<I, KanikoOutputs> {
  const args = [
    `--context=${context}`,
    ...(o.subPath ? [`--context-sub-path=${o.subPath}`] : []),
    `--dockerfile=${o.dockerfile ?? 'Dockerfile'}`,
    ...(o.target ? [`--target=${o.target}`] : []),
    ...o.destinations.map((d) => `--destination=${d}:${i.tag}`),
    ...Object.entries(o.buildArgs ?? {}).map(([k, v]) => `--build-arg=${k}=${v}`),
    ...(o.cache ? ['--cache=true', `--cache-repo=${o.cache.repo}`] : []),
    ...(o.cache?.ttl ? [`--cache-ttl=${o.cache.ttl}`] : []),
    '--digest-file=/kaniko/digest',
    // One `<repository>@<digest>` line per destination: with one destination, exactly the image to deploy.
    '--image-name-with-digest-file=/kaniko/image',
  ];
  const credentials = o.context.git?.credentialsSecret;
  const env = credentials
    ? [
        { name: 'GIT_USERNAME', valueFrom: { secretKeyRef: { name: credentials, key: 'username' } } },
        { name: 'GIT_PASSWORD', valueFrom: { secretKeyRef: { name: credentials, key: 'password' } } },
      ]
    : undefined;
  return container(
    o.name ?? 'kaniko',
    {
      image: o.image ?? images.kaniko,
      // The image's own entrypoint, written out: Argo's emissary executor otherwise looks it up in the registry when
      // it creates the pod, which fails where the controller cannot reach the registry.
      command: ['/kaniko/executor'],
      args,
      ...(env ? { env } : {}),
      ...(o.registrySecret
        ? { volumeMounts: [{ name: 'docker-config', mountPath: DOCKER_CONFIG, readOnly: true }] }
        : {}),
      securityContext: KANIKO_SECURITY_CONTEXT,
    },
    {
      ...noApiToken(o.executorServiceAccountName),
      metadata: { annotations: KANIKO_EXCEPTIONS },
      inputs: i,
      outputs: {
        digest: output.path('/kaniko/digest', { description: 'The pushed image digest (sha256:…)' }),
        image: output.path('/kaniko/image', { description: 'The first destination by digest (repository@sha256:…)' }),
      },
      ...(o.registrySecret
        ? {
            volumes: [
              {
                name: 'docker-config',
                secret: { secretName: o.registrySecret, items: [{ key: '.dockerconfigjson', path: 'config.json' }] },
              },
            ],
          }
        : {}),
    },
  );
}

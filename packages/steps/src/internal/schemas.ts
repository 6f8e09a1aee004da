import { Ref } from '@argo-gen/dsl';
import * as z from 'zod/mini';

/** Building blocks shared by the step and strategy option schemas. */

/** A string that matches `pattern`; `message` says what was expected. */
export const matching = (pattern: RegExp, message: string) => z.string().check(z.regex(pattern, message));

/** A string with at least one character. */
export const nonEmpty = z.string().check(z.minLength(1));

/** An integer of at least `min` (and at most `max`, when given). */
export const integer = (min: number, max?: number) =>
  z.number().check(z.int(), z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

/** A Kubernetes object name (DNS-1123 subdomain), e.g. a Deployment, Secret or ConfigMap. */
export const k8sName = matching(
  /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/,
  'must be a Kubernetes name: lower-case letters, digits, - and .',
);

/** A namespace name (DNS-1123 label). */
export const namespace = matching(
  /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
  'must be a namespace name: lower-case letters, digits and -',
);

/** A Go duration as kubectl and k6 accept it: `90s`, `5m`, `1h30m`. */
export const duration = z.string().check(
  z.regex(/^(\d+h)?(\d+m)?(\d+s)?$/, "must be a duration such as '90s', '5m' or '1h30m'"),
  z.refine((d) => d !== '', "must be a duration such as '90s', '5m' or '1h30m'"),
);

/** An image reference; a tag or digest is expected but not required (the registry default is `latest`). */
export const imageRef = matching(/^[a-z0-9][\w./:@-]*$/, 'must be an image reference such as registry/name:tag');

/** A key in a Secret. */
export const secretKey = z.strictObject({ name: k8sName, key: nonEmpty });

/** An environment variable name. */
export const envName = matching(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

/** A literal value or a handle on one (a task output, an input, a workflow parameter). */
export const valueOrRef = z.union([nonEmpty, z.instanceof(Ref)], {
  error: 'must be a non-empty string or a handle such as build.outputs.parameters.image',
});

/** A template name as Argo accepts it. */
export const templateName = matching(
  /^[a-zA-Z0-9][-a-zA-Z0-9]{0,62}$/,
  'must be letters, digits and -, at most 63 characters',
);

/** A repository URL over HTTPS (kaniko, Argo's git artifacts). */
export const httpsUrl = matching(/^https:\/\/\S+$/, 'must be an https:// URL');

/** `{ git: { url, revision? } }`: where kubectl manifests or Ansible playbooks are cloned from. */
export const gitSource = z.strictObject({
  git: z.strictObject({
    /** The repository, over HTTPS. */
    url: httpsUrl,
    /**
     * The branch, tag or commit to clone, as the default of the template's input.
     * @default 'main' for ansible, 'HEAD' for kubectl.apply
     */
    revision: z.optional(nonEmpty),
  }),
});

/** Names that say "this is a credential": a literal value under such a name is refused (use a Secret). */
export const SECRET_LIKE = /PASSWORD|PASSWD|TOKEN|SECRET|PRIVATE|API_?KEY|CREDENTIAL/i;

/** An IntOrString as `maxUnavailable`/`maxSurge` take it: a number of pods or a percentage of them. */
export const podsOrPercent = z.union(
  [integer(0), matching(/^(100|[1-9]?[0-9])%$/, 'must be a percentage from 0% to 100%')],
  {
    error: "must be a number of pods (0, 1, …) or a percentage ('25%')",
  },
);

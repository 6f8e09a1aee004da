import { Ref } from '@argo-gen/dsl';
import { z } from 'zod';

/** Building blocks shared by the step and strategy option schemas. */

/** A Kubernetes object name (DNS-1123 subdomain), e.g. a Deployment, Secret or ConfigMap. */
export const k8sName = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/, 'must be a Kubernetes name: lower-case letters, digits, - and .');

/** A namespace name (DNS-1123 label). */
export const namespace = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, 'must be a namespace name: lower-case letters, digits and -');

/** A Go duration as kubectl and k6 accept it: `90s`, `5m`, `1h30m`. */
export const duration = z
  .string()
  .regex(/^(\d+h)?(\d+m)?(\d+s)?$/, "must be a duration such as '90s', '5m' or '1h30m'")
  .refine((d) => d !== '', "must be a duration such as '90s', '5m' or '1h30m'");

/** An image reference; a tag or digest is expected but not required (the registry default is `latest`). */
export const imageRef = z
  .string()
  .regex(/^[a-z0-9][\w./:@-]*$/, 'must be an image reference such as registry/name:tag');

/** A key in a Secret. */
export const secretKey = z.object({ name: k8sName, key: z.string().min(1) }).strict();

/** An environment variable name. */
export const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an environment variable name');

/** A literal value or a handle on one (a task output, an input, a workflow parameter). */
export const valueOrRef = z.union([z.string().min(1), z.instanceof(Ref)], {
  error: 'must be a non-empty string or a handle such as build.outputs.parameters.image',
});

/** A template name as Argo accepts it. */
export const templateName = z
  .string()
  .regex(/^[a-zA-Z0-9][-a-zA-Z0-9]{0,62}$/, 'must be letters, digits and -, at most 63 characters');

/** A repository URL over HTTPS (kaniko, Argo's git artifacts). */
export const httpsUrl = z.string().regex(/^https:\/\/\S+$/, 'must be an https:// URL');

/** `{ git: { url, revision? } }`: where kubectl manifests or Ansible playbooks are cloned from. */
export const gitSource = z
  .object({ git: z.object({ url: httpsUrl, revision: z.string().min(1).optional() }).strict() })
  .strict();

import { http, inputs, type ParamSpec, param, type Template } from '@argo-gen/dsl';
import * as z from 'zod/mini';
import { parseOptions } from './internal/options.js';
import { integer, secretKey, templateName, valueOrRef } from './internal/schemas.js';

const schema = z.strictObject({
  /**
   * The template's name; must be unique in the workflow.
   * @default 'notify-webhook'
   */
  name: z.optional(templateName),
  /**
   * Where to POST: an https:// URL, or a handle on one (usually a workflow parameter read from a ConfigMap). Argo's
   * HTTP template cannot read its URL from a Secret; put the credential in `authorizationSecret` instead. A URL that is
   * itself a credential (a Slack incoming webhook) belongs in a Secret and a container step, not here.
   */
  url: valueOrRef.check(z.refine((u) => typeof u !== 'string' || /^https:\/\/\S+$/.test(u), 'must be an https:// URL')),
  /**
   * The `Authorization` header's whole value (e.g. `Bearer abc...`), read from a Secret key by the controller's agent;
   * it never appears in the workflow.
   * @default no Authorization header
   */
  authorizationSecret: z.optional(secretKey),
  /**
   * Seconds before the request is abandoned (and the step fails).
   * @default 30
   */
  timeoutSeconds: z.optional(integer(1, 600)),
});

export type WebhookOptions = z.input<typeof schema>;

export type WebhookInputs = { readonly body: ParamSpec<string, true> };

/**
 * POSTs its `body` input (JSON) to a webhook. An Argo HTTP template: the workflow controller's agent makes the
 * request, so no pod of your own runs (the agent needs the RBAC in docs/rbac.md). Any non-2xx answer fails the step.
 * @see https://argo-workflows.readthedocs.io/en/latest/http-template/
 */
export function webhook(options: WebhookOptions): Template<WebhookInputs> {
  const o = parseOptions("step 'webhook'", schema, options);
  const i = inputs({ body: param.string({ description: 'The JSON document to post' }) });
  return http(
    o.name ?? 'notify-webhook',
    {
      url: o.url,
      method: 'POST',
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        ...(o.authorizationSecret
          ? [{ name: 'Authorization', valueFrom: { secretKeyRef: o.authorizationSecret } }]
          : []),
      ],
      body: i.body,
      timeoutSeconds: o.timeoutSeconds ?? 30,
      successCondition: 'response.statusCode >= 200 && response.statusCode < 300',
    },
    {
      inputs: i,
      // The agent reads the header's Secret with the workflow's account; rbac() adds the agent's own needs.
      access: o.authorizationSecret
        ? [{ apiGroup: '', resource: 'secrets', verbs: ['get'], names: [o.authorizationSecret.name] }]
        : [],
    },
  );
}

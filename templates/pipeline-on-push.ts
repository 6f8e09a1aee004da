import { event, on, workflowEventBinding } from '@argo-gen/dsl';
import pipeline from './pipeline.js';

/**
 * Starts the Burger Stack pipeline when the Git host reports a push to `main`. The Git host's webhook posts to Argo
 * Server's events endpoint, `POST /api/v1/events/burger-ci/burger-stack` (the last segment is the discriminator);
 * Argo Server evaluates every binding of the namespace against the event and submits `burger-pipeline` from the
 * matching ones, with the pushed commit as `revision` and as the image `tag`. README "Trigger on push" and
 * docs/rbac.md hold the token, the URL and the RBAC.
 */
const isPushToMain = on.and(
  on.eq(event.discriminator, 'burger-stack'),
  on.includes(event.header('X-GitHub-Event'), 'push'),
  on.eq(event.payload.field('ref'), 'refs/heads/main'),
  on.eq(event.payload.field('repository').field('full_name'), 'burger-stack/burger'),
);

export default workflowEventBinding('burger-pipeline-on-push', {
  namespace: 'burger-ci',
  labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
  selector: isPushToMain,
  submit: pipeline,
  args: { revision: event.payload.field('after'), tag: event.payload.field('after') },
});

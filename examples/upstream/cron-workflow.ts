// Port of Argo's examples/cron-workflow.yaml: v4 `schedules`, a timezone and history limits.
import { container, cronWorkflow, raw } from '@argo-gen/dsl';

const helloWorldWithTime = container('hello-world-with-time', {
  image: 'busybox',
  command: ['echo'],
  // The DSL has no handle for workflow.scheduledTime (CronWorkflow-only), so this one is raw.
  args: [`🕓 hello world. Scheduled on: ${raw('{{workflow.scheduledTime}}')}`],
});

export default cronWorkflow(
  'hello-world',
  {
    schedules: ['* * * * *'],
    timezone: 'America/Los_Angeles',
    startingDeadlineSeconds: 0,
    concurrencyPolicy: 'Replace',
    successfulJobsHistoryLimit: 4,
    failedJobsHistoryLimit: 4,
    suspend: false,
  },
  { entrypoint: helloWorldWithTime },
);

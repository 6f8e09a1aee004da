import { cronWorkflow, synth } from '@argo-gen/dsl';
import { ArgoGenError, lintDocument } from '@argo-gen/model';
import { fail } from '@argo-gen/steps';
import { describe, expect, it } from 'vitest';
import perfMonitorCron from '../templates/perf-monitor-cron.js';
import pipelineOnPush from '../templates/pipeline-on-push.js';

const lint = (d: unknown) => lintDocument(d);

describe('pipeline-on-push', () => {
  it('submits burger-pipeline on a push to main, with the pushed commit as revision and tag', () => {
    const d = synth(pipelineOnPush, { lint });
    expect(d.metadata).toEqual({
      name: 'burger-pipeline-on-push',
      namespace: 'burger-ci',
      labels: { 'app.kubernetes.io/part-of': 'burger-stack' },
    });
    expect(d.spec).toEqual({
      event: {
        selector:
          'discriminator == "burger-stack" && "push" in metadata["x-github-event"] && payload.ref == "refs/heads/main" && payload.repository.full_name == "burger-stack/burger"',
      },
      submit: {
        workflowTemplateRef: { name: 'burger-pipeline' },
        arguments: {
          parameters: [
            { name: 'revision', valueFrom: { event: 'payload.after' } },
            { name: 'tag', valueFrom: { event: 'payload.after' } },
          ],
        },
      },
    });
  });
});

describe('perf-monitor CronWorkflow', () => {
  const d = synth(perfMonitorCron, { lint });
  const templates = d.spec.workflowSpec.templates ?? [];
  const byName = (n: string) => templates.find((t) => t.name === n);

  it('runs on a schedule in a timezone, never overlapping, keeping a short history', () => {
    const { workflowSpec, ...cron } = d.spec;
    expect(cron).toEqual({
      schedules: ['*/30 * * * *'],
      timezone: 'Europe/Berlin',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 10,
    });
    expect(workflowSpec.arguments?.parameters).toEqual([
      {
        name: 'webhook-url',
        description: 'Where failing checks are reported (https://)',
        valueFrom: { configMapKeyRef: { name: 'burger-perf-monitor', key: 'webhook-url' } },
      },
    ]);
  });

  it('judges both verdicts, and a failed verdict runs the webhook hook with the failing metrics', () => {
    const verdicts = byName('perf-monitor')?.dag?.tasks?.find((t) => t.name === 'verdicts');
    expect(verdicts?.depends).toBe('(frontend.Succeeded || frontend.Failed) && (backend.Succeeded || backend.Failed)');
    expect(verdicts?.when).toBe(
      "'{{tasks.frontend.outputs.parameters.verdict}}' == 'fail' || '{{tasks.backend.outputs.parameters.verdict}}' == 'fail'",
    );
    const hook = verdicts?.hooks?.failed;
    expect(hook?.template).toBe('notify-perf-failure');
    expect(hook?.expression).toBe('tasks.verdicts.status == "Failed"');
    const body = hook?.arguments?.parameters?.[0]?.value ?? '';
    expect(body).toContain('"p95Ms":"{{tasks.frontend.outputs.parameters.p95}}"');
    expect(body).toContain('"errorRate":"{{tasks.backend.outputs.parameters.error-rate}}"');
    expect(byName('notify-perf-failure')?.http?.url).toBe('{{workflow.parameters.webhook-url}}');
    expect(byName('perf-verdict-failed')?.container?.command?.at(-1)).toBe(
      'a production perf check crossed its thresholds',
    );
  });

  it('checks in report mode with metrics labelled by service and namespace', () => {
    const check = byName('backend-slo');
    expect(check?.script?.source?.trimEnd().split('\n').at(-1)).toBe(
      'if [ "$rc" -eq 99 ]; then exit 0; fi; exit "$rc"',
    );
    expect(
      check?.metrics?.prometheus?.map((m) => [m.name, m.labels?.map((l) => `${l.key}=${l.value}`).join(',')]),
    ).toEqual([
      ['perf_check_p95_ms', 'check=backend-slo,namespace=burger-prod,service=backend'],
      ['perf_check_error_rate', 'check=backend-slo,namespace=burger-prod,service=backend'],
      ['perf_check_failures', 'check=backend-slo,namespace=burger-prod,service=backend'],
    ]);
  });
});

describe('CronWorkflow schedules and timezones are checked at synthesis', () => {
  const entrypoint = fail({ name: 'x', message: 'x' });
  const messages = (schedules: string[], timezone?: string) => {
    try {
      synth(cronWorkflow('bad', { schedules, ...(timezone ? { timezone } : {}) }, { entrypoint }), { lint });
      return [];
    } catch (e) {
      if (!(e instanceof ArgoGenError)) throw e;
      return e.issues.map((i) => `${i.path}: ${i.message} [${i.code}]`);
    }
  };

  it('names the schedule and what is wrong with it', () => {
    expect(messages(['*/30 * * *'])).toMatchInlineSnapshot(`
      [
        "/spec/schedules/0: cron schedule */30 * * * is malformed: expected exactly 5 fields, found 4: [*/30 * * *] [lint/invalid-schedule]",
      ]
    `);
    expect(messages(['0 25 * * *'])).toMatchInlineSnapshot(`
      [
        "/spec/schedules/0: cron schedule 0 25 * * * is malformed: end of range (25) above maximum (23): 25 [lint/invalid-schedule]",
      ]
    `);
    expect(messages([])).toMatchInlineSnapshot(`
      [
        "/spec/schedules: cron workflow must have at least one schedule [lint/missing-schedule]",
      ]
    `);
  });

  it('refuses a timezone that is not an IANA zone', () => {
    expect(messages(['0 3 * * *'], 'Europe/Berln')).toMatchInlineSnapshot(`
      [
        "/spec/timezone: invalid timezone "Europe/Berln": unknown time zone Europe/Berln [lint/invalid-timezone]",
      ]
    `);
    expect(messages(['CRON_TZ=Mars/Olympus 0 3 * * *'])).toMatchInlineSnapshot(`
      [
        "/spec/schedules/0: cron schedule CRON_TZ=Mars/Olympus 0 3 * * * is malformed: provided bad location Mars/Olympus: unknown time zone Mars/Olympus [lint/invalid-schedule]",
      ]
    `);
  });
});

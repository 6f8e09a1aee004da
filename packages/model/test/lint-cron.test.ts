import { describe, expect, it } from 'vitest';
import { lintDocument } from '../src/index.js';
import { validTimezone } from '../src/lint/cron.js';
import { cron, errors } from './lint-helpers.js';

describe('lint: CronWorkflow', () => {
  it('accepts standard schedules, descriptors, CRON_TZ and IANA timezones', () => {
    const c = cron({
      schedules: [
        '*/5 * * * *',
        '0 9-17/2 * JAN-jun mon-FRI',
        '@hourly',
        '@every 1h30m',
        'CRON_TZ=Europe/Paris 0 1 1 * ?',
      ],
      timezone: 'America/Los_Angeles',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 0,
    });
    // Argo 3.7 installs minimal CRDs: robfig/cron's parser alone decides.
    expect(lintDocument(c, { argoVersion: '3.7' })).toEqual([]);
    // 4.x's full CRDs hold schedules to a pattern that has no room for a CRON_TZ= prefix.
    expect(errors(c).map((e) => [e.code, e.path])).toEqual([['crd/pattern', '/spec/schedules/4']]);
  });

  it.each([
    ['0 2 * *', 'expected exactly 5 fields, found 4: [0 2 * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 5-1 * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['0 0 * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['CRON_TZ=Mars/Olympus 0 0 * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('reports the malformed schedule %s', (schedule, reason) => {
    expect(errors(cron({ schedules: [schedule] }))).toEqual([
      {
        code: 'lint/invalid-schedule',
        path: '/spec/schedules/0',
        message: `cron schedule ${schedule} is malformed: ${reason}`,
      },
    ]);
  });

  it('accepts canonical IANA zones and their aliases, and refuses unknown ones', () => {
    for (const zone of [
      'Europe/Paris',
      'America/Los_Angeles',
      'US/Eastern',
      'Asia/Calcutta',
      'Etc/GMT+5',
      'UTC',
      'Local',
    ])
      expect(validTimezone(zone), zone).toBe(true);
    for (const zone of ['Europe/Pariss', 'Mars/Olympus', '', 'utc+1']) expect(validTimezone(zone), zone).toBe(false);
  });

  it('reports no schedule, a bad timezone, policy and deadline, and checks the embedded spec as Argo does', () => {
    const c = cron({
      schedules: [],
      timezone: 'Europe/Pariss',
      concurrencyPolicy: 'Sometimes',
      startingDeadlineSeconds: -1,
    });
    (c.spec.workflowSpec as Record<string, unknown>).arguments = { parameters: [{ name: 'p' }] };
    expect(errors(c)).toEqual([
      {
        code: 'lint/missing-schedule',
        path: '/spec/schedules',
        message: 'cron workflow must have at least one schedule',
      },
      {
        code: 'lint/invalid-timezone',
        path: '/spec/timezone',
        message: 'invalid timezone "Europe/Pariss": unknown time zone Europe/Pariss',
      },
      {
        code: 'lint/invalid-concurrency-policy',
        path: '/spec/concurrencyPolicy',
        message: "'Sometimes' is not a valid concurrencyPolicy (expected Allow, Forbid or Replace)",
      },
      {
        code: 'lint/invalid-starting-deadline',
        path: '/spec/startingDeadlineSeconds',
        message: 'startingDeadlineSeconds must be positive',
      },
      {
        code: 'lint/missing-value',
        path: '/spec/workflowSpec/arguments/parameters/0',
        message: 'spec.arguments.p.value or spec.arguments.p.valueFrom is required',
      },
    ]);
  });
});

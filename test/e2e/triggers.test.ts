import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.js';
import { argoGen, namespace, objectNames } from './cluster.js';

// The push trigger and the scheduled perf monitor (issue 8) against the API server with Argo's CRDs.
const NS = 'e2e-triggers';
const SCRATCH = path.join(REPO_ROOT, '.cache', 'e2e');

function scratch(name: string, text: string): string {
  mkdirSync(SCRATCH, { recursive: true });
  writeFileSync(path.join(SCRATCH, name), text);
  return path.relative(REPO_ROOT, path.join(SCRATCH, name));
}

const badCron = (cron: string) =>
  [
    "import { container, cronWorkflow } from '@argo-gen/dsl';",
    "const main = container('main', { image: 'alpine:3.20', command: ['true'] });",
    `export default cronWorkflow('e2e-bad-cron', ${cron}, { entrypoint: main });`,
    '',
  ].join('\n');

beforeAll(async () => {
  await namespace('burger-ci');
  await namespace(NS);
});

describe('push trigger and scheduled perf monitor on the cluster', () => {
  it('the WorkflowEventBinding and the CronWorkflow are accepted by the API server, then unchanged', async () => {
    const files = ['templates/pipeline-on-push.ts', 'templates/perf-monitor-cron.ts'];
    const first = await argoGen('apply', ...files);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^workfloweventbinding\/burger-pipeline-on-push (created|configured|unchanged)$/m);
    expect(first.stdout).toMatch(/^cronworkflow\/perf-monitor (created|configured|unchanged)$/m);
    expect(await objectNames('workfloweventbindings', 'burger-ci')).toContain('burger-pipeline-on-push');
    expect(await objectNames('cronworkflows', 'burger-ci')).toContain('perf-monitor');
    const again = await argoGen('apply', ...files);
    expect(again.stdout).toBe(
      'cronworkflow/perf-monitor unchanged\nworkfloweventbinding/burger-pipeline-on-push unchanged\n',
    );
  });

  it('a bad schedule is refused by our validation before any request: exit 1, nothing created', async () => {
    const file = scratch('bad-schedule.ts', badCron("{ schedules: ['0 25 * * *'], concurrencyPolicy: 'Forbid' }"));
    const r = await argoGen('apply', file, '-n', NS);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('cron schedule 0 25 * * * is malformed: end of range (25) above maximum (23): 25');
    expect(await objectNames('cronworkflows', NS)).toEqual([]);
  });

  it('a bad timezone is refused the same way', async () => {
    const file = scratch('bad-timezone.ts', badCron("{ schedules: ['0 3 * * *'], timezone: 'Europe/Berln' }"));
    const r = await argoGen('apply', file, '-n', NS);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('invalid timezone "Europe/Berln": unknown time zone Europe/Berln');
    expect(await objectNames('cronworkflows', NS)).toEqual([]);
  });
});

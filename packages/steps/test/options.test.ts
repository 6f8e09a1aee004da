import { ArgoGenError } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { ansible, kaniko, kubectl, perfCheck } from '../src/index.js';

/** Exact error texts: they are the interface a user meets first. */
const git = { git: { url: 'https://github.com/burger-stack/burger.git' } };

describe('bad options name the step, the option and the value', () => {
  it('kaniko', () => {
    expect(() => kaniko({ context: git, destinations: [] })).toThrowErrorMatchingInlineSnapshot(
      `[ArgoGenError: step 'kaniko': destinations must have at least one item (got []) [steps/bad-option]]`,
    );
    expect(() => kaniko({ context: { git: { url: 'http://x/y.git' } }, destinations: ['r.io/a'] })).toThrow(
      `step 'kaniko': context.git.url must be an https:// URL (got "http://x/y.git")`,
    );
    expect(() => kaniko({ context: git, destinations: ['r.io/a:1'] })).toThrow(
      `step 'kaniko': destinations[0] must be a repository without tag or digest, e.g. 'registry.example.com/burger/web'; the tag comes from the 'tag' input (got "r.io/a:1")`,
    );
    expect(() => kaniko({ context: { dir: '/a', ...git } as never, destinations: ['r.io/a'] })).toThrow(
      `step 'kaniko': context must set exactly one of git, dir or artifact (got {"git":{"url":"https://github.com/burger-stack/burger.git"},"dir":"/a"})`,
    );
    expect(() => kaniko(undefined as never)).toThrow(`step 'kaniko': options are required (got undefined)`);
  });

  it('reports every problem at once, each with the code steps/bad-option', () => {
    try {
      kaniko({ context: git, destinations: [], dockerfile: '', privileged: true } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ArgoGenError);
      const err = e as ArgoGenError;
      expect(err.issues.map((i) => [i.code, i.subject, i.message])).toEqual([
        ['steps/bad-option', "step 'kaniko'", 'dockerfile must not be empty (got "")'],
        ['steps/bad-option', "step 'kaniko'", 'destinations must have at least one item (got [])'],
        ['steps/bad-option', "step 'kaniko'", "unknown option 'privileged'"],
      ]);
    }
  });

  it('kubectl', () => {
    expect(() => kubectl.rolloutStatus({ workload: { name: 'web', namespace: 'prod' }, timeout: '5 minutes' })).toThrow(
      `step 'kubectl.rolloutStatus': timeout must be a duration such as '90s', '5m' or '1h30m' (got "5 minutes")`,
    );
    expect(() => kubectl.setImage({ workload: { name: 'Web', namespace: 'prod' } })).toThrow(
      `step 'kubectl.setImage': workload.name must be a Kubernetes name: lower-case letters, digits, - and . (got "Web")`,
    );
    expect(() => kubectl.scale({ workload: { kind: 'DaemonSet' as never, name: 'web', namespace: 'prod' } })).toThrow(
      `step 'kubectl.scale': workload.kind must be one of "Deployment", "StatefulSet" (got "DaemonSet")`,
    );
    expect(() => kubectl.rolloutUndo({ workload: { name: 'web', namespace: 'prod' }, toRevision: -1 })).toThrow(
      `step 'kubectl.rolloutUndo': toRevision must be at least 0 (got -1)`,
    );
  });

  it('ansible keeps secrets out of the workflow', () => {
    const base = { source: { configMap: 'playbooks' }, playbook: 'site.yml' } as const;
    expect(() => ansible({ ...base, vaultPassword: 'hunter2' } as never)).toThrow(
      `step 'ansible': unknown option 'vaultPassword'`,
    );
    expect(() => ansible({ ...base, env: { DB_PASSWORD: 'hunter2' } })).toThrow(
      `step 'ansible': env.DB_PASSWORD looks like a credential (got a literal value); pass it with secrets: [{ env: 'DB_PASSWORD', secret, key }]`,
    );
    expect(() => ansible({ ...base, playbook: '/etc/site.yml' })).toThrow(
      `step 'ansible': playbook must be a path relative to the source (got "/etc/site.yml")`,
    );
  });

  it('perf-check', () => {
    expect(() => perfCheck({ target: { url: 'http://web' }, thresholds: {} })).toThrow(
      `step 'perf-check': thresholds must set at least one of p95Ms, errorRate, minRps (got {}); without one, every run passes`,
    );
    expect(() => perfCheck({ target: { url: 'http://web' }, thresholds: { errorRate: 2 } })).toThrow(
      `step 'perf-check': thresholds.errorRate must be at most 1 (got 2)`,
    );
    expect(() =>
      perfCheck({ target: { url: 'http://web' }, thresholds: { p95Ms: 300 }, mode: 'warn' as never }),
    ).toThrow(`step 'perf-check': mode must be one of "gate", "report" (got "warn")`);
  });

  it("are the package's own: no zod locale is loaded, and zod's process-wide configuration is left alone", () => {
    // zod keeps one configuration for every copy of it in the process (on globalThis), which a user's own zod reads
    // too; zod/mini loads no locale into it, so every text above comes from internal/options.ts or a schema.
    const shared = (globalThis as { __zod_globalConfig?: Record<string, unknown> }).__zod_globalConfig;
    expect(shared?.localeError).toBeUndefined();
    expect(shared?.customError).toBeUndefined();
    expect(() => kubectl.rolloutUndo({ workload: { name: 'web', namespace: 'prod' }, toRevision: 1.5 })).toThrow(
      `step 'kubectl.rolloutUndo': toRevision must be an integer (got 1.5)`,
    );
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocuments } from '../packages/cli/src/yaml/read-documents.js';
import burgerRbac from '../templates/rbac.js';
import { REPO_ROOT } from './paths.js';

/**
 * The Burger Stack's generated RBAC against its generated workflows, read back from YAML (not from the DSL values
 * that produced both): every ServiceAccount a workflow names exists, and every workflow module of templates/ is
 * covered by templates/rbac.ts.
 */
const GENERATED = path.join(REPO_ROOT, 'generated');
const TEMPLATES = path.join(REPO_ROOT, 'templates');

function docs(file: string): Record<string, unknown>[] {
  return readDocuments(readFileSync(path.join(GENERATED, file), 'utf8'), file).map(
    (d) => d.value as Record<string, unknown>,
  );
}

/** Every ServiceAccount a document's pods, executors or agent use: spec-level and template-level. */
function accountsIn(doc: Record<string, unknown>): string[] {
  const kind = doc.kind as string;
  const spec = (kind === 'CronWorkflow' ? (doc.spec as { workflowSpec: unknown }).workflowSpec : doc.spec) as {
    serviceAccountName?: string;
    executor?: { serviceAccountName?: string };
    templates?: { serviceAccountName?: string; executor?: { serviceAccountName?: string } }[];
  };
  return [
    spec?.serviceAccountName,
    spec?.executor?.serviceAccountName,
    ...(spec?.templates ?? []).flatMap((t) => [t.serviceAccountName, t.executor?.serviceAccountName]),
  ].filter((s): s is string => typeof s === 'string');
}

describe('Burger Stack RBAC', () => {
  const rbac = docs('rbac.yaml')[0] as { kind: string; items: { kind: string; metadata: { name: string } }[] };
  const workflows = readdirSync(GENERATED)
    .filter((f) => f.endsWith('.yaml') && f !== 'rbac.yaml')
    .flatMap(docs)
    .filter((d) => String(d.kind).startsWith('Workflow') || d.kind === 'CronWorkflow');

  it('creates every ServiceAccount the generated workflows run as', () => {
    const created = new Set(rbac.items.filter((o) => o.kind === 'ServiceAccount').map((o) => o.metadata.name));
    const used = new Set(workflows.flatMap(accountsIn));
    expect(used.size).toBeGreaterThan(3);
    for (const account of used) expect(created, `ServiceAccount ${account}`).toContain(account);
  });

  it('covers every workflow the templates/ modules export', async () => {
    // A need's `by` is `<workflow>/<template>`, or `<namespace>/<binding>` for an event binding's caller.
    const covered = new Set(burgerRbac.needs.map((n) => n.by.split('/').slice(-2).join('/')));
    const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.ts') && f !== 'rbac.ts');
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const mod = (await import(path.join(TEMPLATES, file))) as { default: { kind: string; name: string } };
      const v = mod.default;
      const by = [...covered].filter((c) => c.split('/')[v.kind === 'WorkflowEventBinding' ? 1 : 0] === v.name);
      expect(by.length, `${file} (${v.kind} ${v.name}) is not in templates/rbac.ts`).toBeGreaterThan(0);
    }
  });
});

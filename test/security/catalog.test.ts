import { readFileSync } from 'node:fs';
import { SECURITY_RULES } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.js';

describe('security rule catalog', () => {
  const readme = readFileSync(`${REPO_ROOT}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('## Security'), readme.indexOf('## Submitting to a cluster'));

  it.each(Object.values(SECURITY_RULES))('the README lists $code with its default severity', (rule) => {
    const row = section.split('\n').find((l) => l.startsWith(`| \`${rule.code}\` |`));
    expect(row, rule.code).toBeDefined();
    expect(row?.split('|')[2]?.trim().startsWith(rule.severity)).toBe(true);
  });

  it('lists no rule that does not exist', () => {
    const listed = [...section.matchAll(/^\| `(security\/[\w-]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(
      Object.values(SECURITY_RULES)
        .map((r) => r.code)
        .sort(),
    );
  });
});

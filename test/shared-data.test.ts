import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { SHARED } from './paths.js';
import { missingSharedData, SHARED_NEEDS } from './shared-data.js';

describe('the ../shared guard', () => {
  it('passes with the real reference data', () => {
    expect(missingSharedData(SHARED)).toBeUndefined();
  });

  it('names the one missing piece in one line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'argo-gen-shared-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    for (const need of SHARED_NEEDS) {
      if (need === 'argo/v4.0.10/crds') continue;
      const full = path.join(dir, need);
      if (need.endsWith('.json')) {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, '{}');
      } else mkdirSync(full, { recursive: true });
    }
    const message = missingSharedData(dir);
    expect(message).toBe(
      `the tests need Argo's reference data in ${dir} (a read-only directory beside the repository, named ../shared): missing argo/v4.0.10/crds`,
    );
    expect(message).not.toContain('\n');
  });

  it('says so when the directory is absent', () => {
    expect(missingSharedData('/nonexistent/shared')).toMatch(/missing the directory itself/);
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './paths.js';

/**
 * Every relative link in the committed Markdown resolves: the file (or directory) exists, and an anchor names a
 * heading of the target as GitHub renders it. Links to the web are left to the reader; links into ../shared name
 * the reference data beside the repository and must resolve too.
 */
const markdown = execFileSync('git', ['ls-files', '*.md'], { cwd: REPO_ROOT, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f !== '' && existsSync(path.join(REPO_ROOT, f)));

/** GitHub's heading anchor: lower case, punctuation other than '-' and '_' dropped, each space a hyphen. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Each target's headings, read once however many links point into it. */
const anchorsByFile = new Map<string, Set<string>>();
function anchors(file: string): Set<string> {
  const known = anchorsByFile.get(file);
  if (known) return known;
  const seen = new Map<string, number>();
  const result = new Set<string>();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1] ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    result.add(n === 0 ? base : `${base}-${n}`); // GitHub numbers repeated headings
  }
  anchorsByFile.set(file, result);
  return result;
}

/** The link targets of a Markdown file, outside code blocks and inline code. */
function links(file: string): { target: string; line: number }[] {
  const found: { target: string; line: number }[] = [];
  let fenced = false;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
      if (fenced) return;
      const prose = text.replace(/`[^`]*`/g, '');
      for (const m of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g))
        found.push({ target: m[1] ?? '', line: i + 1 });
    });
  return found;
}

describe('links in the Markdown docs', () => {
  it('finds the docs', () => {
    expect(markdown).toContain('README.md');
    expect(markdown.length).toBeGreaterThan(5);
  });

  it('computes anchors as GitHub does', () => {
    expect(slug('What `generate` may delete, and what an interruption leaves')).toBe(
      'what-generate-may-delete-and-what-an-interruption-leaves',
    );
    expect(slug('argo-gen import')).toBe('argo-gen-import');
    expect(slug('Security (§3): RBAC')).toBe('security-3-rbac');
  });

  for (const doc of markdown) {
    it(`${doc}: every relative link and anchor resolves`, () => {
      const broken: string[] = [];
      for (const { target, line } of links(path.join(REPO_ROOT, doc))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, …
        const [file = '', anchor] = target.split('#');
        const resolved =
          file === ''
            ? path.join(REPO_ROOT, doc)
            : path.resolve(path.dirname(path.join(REPO_ROOT, doc)), decodeURIComponent(file));
        if (!existsSync(resolved)) {
          broken.push(`${doc}:${line}: ${target} (no such file)`);
          continue;
        }
        if (anchor !== undefined && statSync(resolved).isFile() && resolved.endsWith('.md')) {
          if (!anchors(resolved).has(anchor)) broken.push(`${doc}:${line}: ${target} (no heading #${anchor})`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});

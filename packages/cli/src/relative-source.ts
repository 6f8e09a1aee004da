import path from 'node:path';
import type { Issue } from '@argo-gen/model';

/** Source locations captured from stack traces are absolute; users read them relative to where they ran the command. */
export function relativeTo(cwd: string, i: Issue): Issue {
  if (!i.source || !path.isAbsolute(i.source.file)) return i;
  const rel = path.relative(cwd, i.source.file);
  return { ...i, source: { ...i.source, file: rel.startsWith('..') ? i.source.file : rel.split(path.sep).join('/') } };
}

import type { Issue } from '@argo-gen/model';
import { lintDocument } from '@argo-gen/model';
import { describe, expect, it } from 'vitest';
import { container, dag, inputs, param, synth, task, workflowTemplate } from '../src/index.js';
import { fileOf, lineHere } from './helpers.js';

// synth() locates every issue at the innermost template or task that contains its path. It looks the path's
// prefixes up instead of scanning every source, so that a document with a warning per template stays linear.
describe('synth: locating many issues', () => {
  const file = fileOf(import.meta.url);

  it('gives each of many warnings the line of its own template', () => {
    const lines: number[] = [];
    const tasks = [];
    for (let i = 0; i < 60; i++) {
      const io = inputs({ a: param.string(), unused: param.string({ default: 'x' }) });
      const [t, line] = [container(`t-${i}`, { image: 'alpine:3.20', args: [`${io.a}`] }, { inputs: io }), lineHere()];
      lines.push(line);
      tasks.push(task(`task-${i}`, t, { args: { a: `${i}` } }));
    }
    const warnings: Issue[] = [];
    synth(workflowTemplate('many', { entrypoint: dag('main', tasks) }), {
      lint: (doc) => lintDocument(doc),
      onWarning: (w) => warnings.push(w),
    });
    const unused = warnings.filter((w) => w.code === 'lint/unused-input');
    expect(unused).toHaveLength(60);
    for (const w of unused) {
      const index = Number(/^\/spec\/templates\/(\d+)\//.exec(w.path)?.[1]) - 1; // template 0 is the DAG
      expect(w.source).toEqual({ file, line: lines[index], column: expect.any(Number) });
    }
  });
});

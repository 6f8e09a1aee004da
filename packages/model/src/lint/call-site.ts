import type { DAGTask, WorkflowStep } from '../gen/types.gen.js';
import { checkArguments } from './arguments.js';
import type { LintDoc } from './document.js';
import { type Callee, checkCall, checkHooks, checkOnExit } from './template-refs.js';

/**
 * What steps and DAG tasks share: the template they call (and its inputs), onExit, hooks, loops and arguments
 * (rules 14, 19–21, 28, 35, 36, 38, 50). Returns the called template for scope checks.
 */
export function checkCallSite(d: LintDoc, node: WorkflowStep | DAGTask, path: string): Callee {
  const { sink } = d;
  const callee = checkCall(d, node, path);
  if (node.onExit) checkOnExit(d, node.onExit, `${path}/onExit`);
  checkHooks(d, node.hooks, `${path}/hooks`);
  const loops = (['withItems', 'withParam', 'withSequence'] as const).filter((k) => node[k] !== undefined);
  if (loops.length > 1)
    sink.error(
      'lint/multiple-loops',
      `${path}/${loops[1]}`,
      'only one of withItems, withParam, withSequence can be specified',
    );
  const seq = node.withSequence;
  if (seq && seq.count !== undefined && seq.end !== undefined)
    sink.error(
      'lint/invalid-sequence',
      `${path}/withSequence`,
      'only one of count or end can be defined in withSequence',
    );
  (node.withItems ?? []).forEach((item, i) => {
    if (item === null) sink.error('lint/invalid-loop', `${path}/withItems/${i}`, 'unsupported withItems type: null');
  });
  checkArguments(sink, node.arguments, `${path}/arguments`, 'arguments.', false);
  return callee;
}

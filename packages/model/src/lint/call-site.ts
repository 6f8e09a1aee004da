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
  if (node.hooks !== undefined) checkHooks(d, node.hooks, `${path}/hooks`);
  const second = secondLoop(node);
  if (second !== undefined)
    sink.error(
      'lint/multiple-loops',
      `${path}/${second}`,
      'only one of withItems, withParam, withSequence can be specified',
    );
  const seq = node.withSequence;
  if (seq && seq.count !== undefined && seq.end !== undefined)
    sink.error(
      'lint/invalid-sequence',
      `${path}/withSequence`,
      'only one of count or end can be defined in withSequence',
    );
  const items = node.withItems;
  if (items !== undefined)
    for (let i = 0; i < items.length; i++)
      if (items[i] === null)
        sink.error('lint/invalid-loop', `${path}/withItems/${i}`, 'unsupported withItems type: null');
  if (node.arguments) checkArguments(sink, node.arguments, `${path}/arguments`, 'arguments.', false);
  return callee;
}

const LOOPS = ['withItems', 'withParam', 'withSequence'] as const;

/** The second loop field a step or task sets, where there is more than one (a plain loop: this runs per node). */
function secondLoop(node: WorkflowStep | DAGTask): (typeof LOOPS)[number] | undefined {
  let found = 0;
  for (let i = 0; i < LOOPS.length; i++) {
    const k = LOOPS[i] as (typeof LOOPS)[number];
    if (node[k] !== undefined && ++found === 2) return k;
  }
  return undefined;
}

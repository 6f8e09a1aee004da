import type { WorkflowSpec } from '../gen/types.gen.js';
import { list, type Sink } from './document.js';
import { checkMetrics, checkPodResources } from './template-rules.js';

const POD_GC_STRATEGIES = ['', 'OnPodCompletion', 'OnPodSuccess', 'OnWorkflowCompletion', 'OnWorkflowSuccess'];
const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** Workflow-level rules: podGC (rule 16), podResources (rule 17), realtime gauges in spec.metrics (CEL). */
export function checkSpecRules(sink: Sink, spec: WorkflowSpec, path: string): void {
  const gc = spec.podGC;
  if (gc?.strategy !== undefined && !POD_GC_STRATEGIES.includes(gc.strategy))
    sink.error('lint/invalid-pod-gc', `${path}/podGC/strategy`, `podGC.strategy unknown strategy '${gc.strategy}'`);
  list(gc?.labelSelector?.matchExpressions).forEach((e, i) => {
    if (e && !SELECTOR_OPERATORS.includes(e.operator))
      sink.error(
        'lint/invalid-pod-gc',
        `${path}/podGC/labelSelector/matchExpressions/${i}/operator`,
        `podGC.labelSelector invalid: "${e.operator}" is not a valid label selector operator`,
      );
  });
  checkPodResources(sink, spec.podResources, `${path}/podResources`);
  checkMetrics(sink, spec.metrics, `${path}/metrics`, false);
}

import type { WorkflowSpec } from '../gen/types.gen.js';
import { isObject, list, type Sink } from './document.js';

/**
 * `spec.executorPlugins` (rule 9), as `WorkflowSpec.AsExecutorPluginSpec` and the plugin sidecar's `Validate`
 * (pkg/plugins/spec) check them when a Workflow, WorkflowTemplate or CronWorkflow is validated: a name, and a sidecar
 * container with a port, resource requests and limits, and a security context. Messages are Argo's.
 */
export function checkExecutorPlugins(sink: Sink, spec: WorkflowSpec, specPath: string): void {
  list(spec.executorPlugins).forEach((plugin, i) => {
    const at = `${specPath}/executorPlugins/${i}`;
    if (!plugin?.metadata?.name)
      sink.error(
        'lint/invalid-executor-plugin',
        `${at}/metadata`,
        'spec.executorPlugins: executor plugin metadata name is mandatory',
      );
    const container = plugin?.spec?.sidecar?.container;
    if (!container) return;
    const c = `${at}/spec/sidecar/container`;
    const problem = (where: string, message: string) =>
      sink.error('lint/invalid-executor-plugin', where, `spec.executorPlugins: ${message}`);
    if (list(container.ports).length < 1) problem(c, 'at least one port is mandatory');
    if (!isObject(container.resources?.requests)) problem(c, 'resources requests are mandatory');
    if (!isObject(container.resources?.limits)) problem(c, 'resources limits are mandatory');
    if (!isObject(container.securityContext)) problem(c, 'security context is mandatory');
    // Not the validator's: the full CRDs require it, and without one the agent pod cannot be created.
    if (!container.name)
      problem(c, 'the sidecar container needs a name (the 4.x CRDs require one; without it the pod fails at run time)');
  });
}

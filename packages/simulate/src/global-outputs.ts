/**
 * Global outputs: an output parameter with a `globalName` becomes `workflow.outputs.parameters.<globalName>` for
 * everything that runs after it, and part of the run's `outputs` (`status.outputs`), as `addParamToGlobalScope` does.
 */
import { type Engine, setGlobal } from './engine.js';
import type { Parameter } from './run-state.js';

export function publishGlobalOutputs(e: Engine, parameters: readonly Parameter[]): void {
  for (const p of parameters) {
    if (!p.globalName || p.value === undefined) continue;
    e.globalOutputs.set(p.globalName, p.value);
    setGlobal(e, `workflow.outputs.parameters.${p.globalName}`, p.value);
  }
}
